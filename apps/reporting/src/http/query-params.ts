import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const instantOrDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class TableQuery {
  @ApiPropertyOptional({
    description: 'Show the figures as they stood then, replaying the log: a date (end of that day, Bangkok time) or an instant',
    example: '2026-06-30',
  })
  @IsOptional()
  @Matches(instantOrDate, { message: 'must be a date (YYYY-MM-DD) or an ISO instant with its offset' })
  asOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the table as CSV (UTF-8, header row), for spreadsheets' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ProvenanceQuery extends TableQuery {
  @ApiPropertyOptional({
    description:
      'The figure, by its counter name (e.g. households, people, failing:health, classification:welfare, paired, graduated, granted:<programmeId>, paid:<programmeId>) or visitedLast30Days',
    example: 'failing:health',
  })
  @IsString()
  @Matches(/^[A-Za-z]+(:[A-Za-z0-9%._-]+)*$/, { message: 'must be a figure name such as failing:health' })
  figure!: string;
}

export class RankingQuery extends TableQuery {
  @ApiPropertyOptional({ description: 'Only the officials whose home district lies in this province (2 digits) or district (4 digits)', example: '4001' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4})$/, { message: 'must be a province (2 digits) or district (4 digits) code' })
  areaCode?: string;

  @ApiPropertyOptional({ description: 'Calendar year (Gregorian) the graduations and visits are counted in; default: this year', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2019)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'How many officials, best first', example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

/** A province or district code is required (the area the caller must cover); the finer ones narrow it. */
export class CaseListQuery {
  @ApiPropertyOptional({ example: '40' }) @IsOptional() @Matches(/^\d{2}$/, { message: 'must be a 2-digit province code' }) provinceCode?: string;
  @ApiPropertyOptional({ example: '4001' }) @IsOptional() @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' }) districtCode?: string;
  @ApiPropertyOptional({ example: '400101' }) @IsOptional() @Matches(/^\d{6}$/, { message: 'must be a 6-digit tambon code' }) tambonCode?: string;
  @ApiPropertyOptional({ example: '40010101' }) @IsOptional() @Matches(/^\d{8}$/, { message: 'must be an 8-digit village code' }) villageCode?: string;
  @ApiPropertyOptional({ enum: ['active', 'graduated', 'closed'] }) @IsOptional() @IsIn(['active', 'graduated', 'closed']) status?: string;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ example: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** An area code of any level (province 2 digits, district 4, tambon 6, village 8), or the figures not placed yet. */
export const areaCodePattern = /^(\d{2}|\d{4}|\d{6}|\d{8}|unplaced)$/;

/** The end of a day in Bangkok for a date, or the instant itself. */
export function asOfInstant(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999+07:00` : asOf);
}
