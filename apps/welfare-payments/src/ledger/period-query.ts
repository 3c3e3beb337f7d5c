import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const date = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: { message: 'must be a date YYYY-MM-DD' } };

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2021-10-01', description: 'first day (in Thailand); default: start of the current fiscal year' })
  @IsOptional()
  @Matches(date.pattern, date.message)
  from?: string;
  @ApiPropertyOptional({ example: '2022-09-30', description: 'last day, included; default: end of the current fiscal year' })
  @IsOptional()
  @Matches(date.pattern, date.message)
  to?: string;
}
