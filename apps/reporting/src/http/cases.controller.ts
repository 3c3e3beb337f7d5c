import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@khu-siao/decider';
import { ReadModelQueries } from '../read-model/read-model-queries';
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
  @ApiOperation({ summary: 'Household cases of an area, by household id, a page at a time' })
  async list(@Query() query: CaseListQuery) {
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const { total, cases } = await this.queries.cases(query, (page - 1) * pageSize, pageSize);
    return { total, page, pageSize, cases };
  }
}
