import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { classifications, dimensions, processSteps } from '@khu-siao/contracts';
import { Allow } from '@khu-siao/service-runtime';
import { HouseholdListingQuery } from './household-listing.query';
import { SearchArea } from './search-area';

const statuses = ['active', 'graduated', 'closed'] as const;

export class HouseholdSearchQuery {
  @ApiPropertyOptional({ example: '40' }) @IsOptional() @Matches(/^\d{2}$/) provinceCode?: string;
  @ApiPropertyOptional({ example: '4001' }) @IsOptional() @Matches(/^\d{4}$/) districtCode?: string;
  @ApiPropertyOptional({ example: '400101' }) @IsOptional() @Matches(/^\d{6}$/) tambonCode?: string;
  @ApiPropertyOptional({ example: '40010103' }) @IsOptional() @Matches(/^\d{8}$/) villageCode?: string;
  @ApiPropertyOptional({ enum: statuses }) @IsOptional() @IsIn(statuses) status?: (typeof statuses)[number];
  @ApiPropertyOptional({ enum: classifications }) @IsOptional() @IsIn(classifications) classification?: string;
  @ApiPropertyOptional({ enum: dimensions, description: 'households failing this dimension in their latest assessment' })
  @IsOptional()
  @IsIn(dimensions)
  failedDimension?: string;
  @ApiPropertyOptional({ enum: processSteps }) @IsOptional() @IsIn(processSteps) processStep?: string;
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 50;
}

/**
 * Search over the listing read model; it carries no personal data, only what finding a case needs. The search lies
 * in the area its filters name: a province or district filter the caller covers is required.
 */
@ApiTags('reading')
@Controller('households')
export class HouseholdSearchController {
  constructor(private readonly listing: HouseholdListingQuery) {}

  @Get()
  @Allow('households.search', SearchArea)
  @ApiOperation({ summary: 'Search households by area, status, classification, failed dimension and process step' })
  search(@Query() query: HouseholdSearchQuery) {
    return this.listing.search(query, query);
  }
}
