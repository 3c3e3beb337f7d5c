import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { TableQuery } from '../report/table-query';

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
