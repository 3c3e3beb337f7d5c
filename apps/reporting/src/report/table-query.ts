import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const instantOrDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** What every table of the reports takes: the date it shows the figures as of, and JSON or CSV. */
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

/** The end of a day in Bangkok for a date, or the instant itself. */
export function asOfInstant(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999+07:00` : asOf);
}
