import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { bangkokDate, rankOfficials } from '@khu-siao/reporting-projections';
import { Allow } from '@khu-siao/service-runtime';
import { ReadModelQueries } from '../read-models/dashboards/read-model-queries';
import { sendCsv } from '../report/csv-table';
import { asOfInstant } from '../report/table-query';
import { RankingArea } from './ranking-area';
import { RankingQuery } from './ranking-params';

@ApiTags('officials')
@Controller('officials')
export class OfficialsController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get('ranking')
  @Allow('reports.readRollups', RankingArea)
  @ApiOperation({
    summary:
      "Buddy officials ranked to help pick the year's outstanding ones: households graduated that year, households improved since pairing, dimensions reduced, visits that year",
  })
  @ApiProduces('application/json', 'text/csv')
  async ranking(@Query() query: RankingQuery, @Res({ passthrough: true }) response: Response) {
    const asOf = asOfInstant(query.asOf);
    const year = String(query.year ?? bangkokDate((asOf ?? new Date()).toISOString()).slice(0, 4));
    const profiles = await this.queries.profiles(asOf);
    const inArea = (officialId: string) => !query.areaCode || (profiles.get(officialId)?.homeDistrictCode.startsWith(query.areaCode) ?? false);
    const stats = (await (await this.queries.rollups(asOf)).officials())
      .filter(([officialId]) => inArea(officialId))
      .map(([officialId, counters]) => ({ officialId, counters }));
    const ranked = rankOfficials(stats, profiles, year).slice(0, query.limit ?? 100);
    if (query.format === 'csv') {
      return sendCsv(
        response,
        `officials-${year}`,
        ranked.map(({ profile, ...row }) => ({
          ...row,
          name: profile ? `${profile.title ?? ''}${profile.firstName} ${profile.lastName}` : undefined,
          position: profile?.position,
          agency: profile?.agency.name,
          homeDistrictCode: profile?.homeDistrictCode,
        })),
      );
    }
    return { year: Number(year), asOf: asOf?.toISOString(), officials: ranked };
  }
}
