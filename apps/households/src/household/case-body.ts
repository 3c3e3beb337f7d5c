import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class GraduateBody {
  @ApiProperty({ example: '2022-12-01' }) @IsDateString({ strict: true }) graduatedOn!: string;
}

export const closingReasons = ['movedAway', 'died', 'refused', 'other'] as const;

export class CloseCaseBody {
  @ApiProperty({ example: '2022-12-01' }) @IsDateString({ strict: true }) closedOn!: string;
  @ApiProperty({ enum: closingReasons }) @IsIn(closingReasons) reason!: (typeof closingReasons)[number];
  @ApiPropertyOptional({ description: 'required when the reason is other' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}
