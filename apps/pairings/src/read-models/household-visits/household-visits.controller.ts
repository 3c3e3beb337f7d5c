import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@khu-siao/service-runtime';
import { HouseholdInPath } from '../../household/household-area';
import { HouseholdVisitsQuery } from './household-visits.query';

@ApiTags('visits')
@Controller('households/:householdId/visits')
export class HouseholdVisitsController {
  constructor(private readonly visits: HouseholdVisitsQuery) {}

  @Get()
  @Allow('visits.read', HouseholdInPath)
  @ApiOperation({ summary: "A household's visits, latest first" })
  ofHousehold(@Param('householdId') householdId: string) {
    return this.visits.ofHousehold(householdId);
  }
}
