import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TableQuery } from '../report/table-query';

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
