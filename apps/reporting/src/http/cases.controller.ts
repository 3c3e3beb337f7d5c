import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { ReadModelQueries } from '../read-model/read-model-queries';
import { sendCsv } from './csv-table';
import { CaseListQuery } from './query-params';

@ApiTags('household cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get(':householdId')
  @ApiOperation({
    summary:
      'One household case: registry data (national IDs reduced to their last 4 digits), assessments, buddy, visits, plan, pledges and assistance',
  })
  @ApiNotFoundResponse({ description: 'no event about this household has reached reporting' })
  async one(@Param('householdId') householdId: string) {
    const householdCase = await this.queries.householdCase(householdId);
    if (!householdCase) throw new NotFoundError('household case', householdId);
    return householdCase;
  }

  @Get()
  @ApiOperation({ summary: 'Household cases of an area, by household id, a page at a time (CSV: one row per household)' })
  @ApiProduces('application/json', 'text/csv')
  async list(@Query() query: CaseListQuery, @Res({ passthrough: true }) response: Response) {
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const { total, cases } = await this.queries.cases(query, (page - 1) * pageSize, pageSize);
    if (query.format === 'csv') {
      return sendCsv(
        response,
        `cases-${query.villageCode ?? query.tambonCode ?? query.districtCode ?? 'province'}-${page}`,
        cases.map((householdCase) => ({
          householdId: householdCase.householdId,
          status: householdCase.status,
          villageCode: householdCase.area?.villageCode,
          people: householdCase.members.length,
          classification: householdCase.assessments.at(-1)?.classification,
          failedDimensions: householdCase.assessments.at(-1)?.failedDimensions.join(' '),
          buddy: householdCase.pairings.filter((pairing) => pairing.unpairedOn === undefined).at(-1)?.officialId,
          visits: householdCase.visits.length,
          lastVisitOn: householdCase.visits.map((visit) => visit.visitedOn).sort().at(-1),
          grants: householdCase.grants.length,
        })),
      );
    }
    return { total, page, pageSize, cases };
  }
}
