import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '@khu-siao/service-runtime';
import {
  areaFigures,
  bangkokDate,
  changeToFigure,
  isRecentVisitFigure,
  provenanceEntry,
  rollupIds,
  type Counters,
  type ProvenanceEntry,
} from '@khu-siao/reporting-projections';
import { ReadModelQueries } from '../read-models/dashboards/read-model-queries';
import { figuresRow, sendCsv } from '../report/csv-table';
import { TableQuery, asOfInstant } from '../report/table-query';
import { ProvenanceQuery } from './provenance-params';
import { RollupArea } from './rollup-area';

const levels: Readonly<Record<number, string>> = { 2: 'province', 4: 'district', 6: 'tambon', 8: 'village' };

/** The day "the last 30 days" end on: the as-of date, or today in Bangkok. */
const dayOf = (asOf: Date | undefined) => bangkokDate((asOf ?? new Date()).toISOString());

@ApiTags('area roll-ups')
@ApiParam({ name: 'code', description: 'Area code: province (40), district (4001), tambon (400101) or village (40010101)' })
@Controller('areas')
@Allow('reports.readRollups', RollupArea)
export class AreasController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get(':code')
  @ApiOperation({ summary: "An area's figures and those of the areas one level below it (province → district → tambon → village)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'figures; money in satang' })
  async area(@Param('code') area: string, @Query() query: TableQuery, @Res({ passthrough: true }) response: Response) {
    const asOf = asOfInstant(query.asOf);
    const today = dayOf(asOf);
    const source = await this.queries.rollups(asOf);
    const figures = areaFigures(await source.area(area), today);
    const children = (await source.children(area)).map(([childCode, counters]) => ({
      code: childCode,
      level: levels[childCode.length],
      figures: areaFigures(counters, today),
    }));
    if (query.format === 'csv') {
      return sendCsv(response, `area-${area}`, [
        { code: area, level: levels[area.length] ?? area, ...figuresRow(figures) },
        ...children.map((child) => ({ code: child.code, level: child.level, ...figuresRow(child.figures) })),
      ]);
    }
    return { code: area, level: levels[area.length] ?? area, asOf: asOf?.toISOString(), day: today, figures, children };
  }

  @Get(':code/trend')
  @ApiOperation({ summary: "An area's figures by month: what happened in each month (registered, assessed, paired, visits, plans, graduated, money)" })
  @ApiProduces('application/json', 'text/csv')
  async trend(@Param('code') area: string, @Query() query: TableQuery, @Res({ passthrough: true }) response: Response) {
    const asOf = asOfInstant(query.asOf);
    const months = (await (await this.queries.rollups(asOf)).trend(area)).map(([month, counters]) => ({ month, ...monthFigures(counters) }));
    if (query.format === 'csv') return sendCsv(response, `trend-${area}`, months.map(({ money, ...row }) => ({ ...row, ...money })));
    return { code: area, asOf: asOf?.toISOString(), months };
  }

  @Get(':code/provenance')
  @ApiOperation({
    summary: 'The events that produced one figure of an area: each with how much it moved the figure; they add up to the figure',
  })
  @ApiProduces('application/json', 'text/csv')
  async provenance(@Param('code') area: string, @Query() query: ProvenanceQuery, @Res({ passthrough: true }) response: Response) {
    const asOf = asOfInstant(query.asOf);
    const today = dayOf(asOf);
    const selects =
      query.figure === 'visitedLast30Days' ? (name: string) => isRecentVisitFigure(name, today) : (name: string) => name === query.figure;
    const events: ProvenanceEntry[] = [];
    await this.queries.replay(asOf, (event, delta) => {
      const change = changeToFigure(delta, rollupIds.area(area), selects);
      if (change !== 0) events.push(provenanceEntry(event, change));
    });
    const value = events.reduce((sum, entry) => sum + entry.change, 0);
    if (query.format === 'csv') return sendCsv(response, `provenance-${area}-${query.figure}`, events.map((entry) => ({ ...entry })));
    return { code: area, figure: query.figure, asOf: asOf?.toISOString(), value, events };
  }
}

/** The flows of one month, money in satang per programme. */
function monthFigures(counters: Counters) {
  const count = (name: string) => counters[name] ?? 0;
  const money = Object.fromEntries(
    Object.entries(counters)
      .filter(([name]) => /^(granted|paid|reversed):/.test(name))
      .map(([name, amount]) => [`${name.replace(':', '_')}_satang`, amount]),
  );
  return {
    registered: count('registered'),
    assessed: count('assessed'),
    paired: count('paired'),
    visits: count('visits'),
    plans: count('plans'),
    graduated: count('graduated'),
    closed: count('closed'),
    inKindValue_satang: count('inKind:value'),
    money,
  };
}
