import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

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
