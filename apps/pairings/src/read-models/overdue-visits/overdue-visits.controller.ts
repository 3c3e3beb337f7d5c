import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Allow, Clock } from '@khu-siao/service-runtime';
import { AreaInQuery } from './area-in-query';
import { OverdueVisitsQuery } from './overdue-visits.query';

export class OverdueQuery {
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 3650, description: 'no visit in this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days = 30;

  @ApiPropertyOptional({ example: '4001', description: 'the district listed (or provinceCode)' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' })
  districtCode?: string;

  @ApiPropertyOptional({ example: '40', description: 'the province listed, when no districtCode' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit province code' })
  provinceCode?: string;
}

@ApiTags('visits')
@Controller('overdue-visits')
export class OverdueVisitsController {
  constructor(
    private readonly households: OverdueVisitsQuery,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('visits.readOverdue', AreaInQuery)
  @ApiOperation({ summary: 'Open households of a district (or province) with no visit in the last N days (or never visited)' })
  async overdue(@Query() query: OverdueQuery) {
    const since = this.clock.daysAgo(query.days);
    return { days: query.days, since, households: await this.households.notVisitedSince(query, since) };
  }
}
