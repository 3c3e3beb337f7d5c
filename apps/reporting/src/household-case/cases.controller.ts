import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { currentBuddies } from '@khu-siao/reporting-projections';
import { Allow } from '@khu-siao/service-runtime';
import { ReadModelQueries } from '../read-models/dashboards/read-model-queries';
import { sendCsv } from '../report/csv-table';
import { CaseArea, CaseListArea } from './case-area';
import { CaseListQuery } from './case-list-params';
import { CaseOpener, listedCase } from './opened-case';

@ApiTags('household cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly opener: CaseOpener,
  ) {}

  @Get(':householdId')
  @Allow('households.read', CaseArea)
  @ApiOperation({
    summary:
      'One household case: registry data (national IDs masked to their last 4 digits; `{ "erased": true }` for an erased household), assessments, buddy, visits, plan, pledges and assistance',
  })
  @ApiNotFoundResponse({ description: 'no event about this household has reached reporting' })
  async one(@Param('householdId') householdId: string) {
    const householdCase = await this.queries.householdCase(householdId);
    if (!householdCase) throw new NotFoundError('household case', householdId);
    return this.opener.open(householdCase);
  }

  @Get()
  @Allow('households.search', CaseListArea)
  @ApiOperation({
    summary:
      'Household cases of a province or district (and optionally tambon or village), by household id, a page at a time, without personal fields (CSV: one row per household)',
  })
  @ApiProduces('application/json', 'text/csv')
  async list(@Query() query: CaseListQuery, @Res({ passthrough: true }) response: Response) {
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const { total, cases } = await this.queries.cases(query, (page - 1) * pageSize, pageSize);
    if (query.format === 'csv') {
      return sendCsv(
        response,
        `cases-${query.villageCode ?? query.tambonCode ?? query.districtCode ?? query.provinceCode}-${page}`,
        cases.map((householdCase) => ({
          householdId: householdCase.householdId,
          status: householdCase.status,
          erased: householdCase.erased ? 'yes' : undefined,
          villageCode: householdCase.area?.villageCode,
          people: householdCase.members.length,
          classification: householdCase.assessments.at(-1)?.classification,
          failedDimensions: householdCase.assessments.at(-1)?.failedDimensions.join(' '),
          buddy: currentBuddies(householdCase).at(-1),
          visits: householdCase.visits.length,
          lastVisitOn: householdCase.visits.map((visit) => visit.visitedOn).sort().at(-1),
          grants: householdCase.grants.length,
        })),
      );
    }
    return { total, page, pageSize, cases: cases.map(listedCase) };
  }
}
