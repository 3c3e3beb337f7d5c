import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { dimensions } from '@khu-siao/contracts';

export class ResponsibleBody {
  @ApiProperty({ enum: ['agency', 'partner'] }) @IsIn(['agency', 'partner']) kind!: 'agency' | 'partner';
  @ApiProperty({ example: 'สำนักงานเกษตรอำเภอ' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) id?: string;
}

export class PlanActionBody {
  @ApiProperty({ example: 'act-1' }) @IsString() @Length(1, 100) actionId!: string;
  @ApiProperty({ example: 'start a vegetable garden' }) @IsString() @Length(1, 500) description!: string;
  @ApiProperty({ type: ResponsibleBody }) @ValidateNested() @Type(() => ResponsibleBody) responsible!: ResponsibleBody;
  @ApiProperty({ example: '2022-06-30' }) @IsDateString({ strict: true }) dueOn!: string;
}

export class PlanGoalBody {
  @ApiProperty({ example: 'goal-1' }) @IsString() @Length(1, 100) goalId!: string;
  @ApiProperty({ enum: dimensions }) @IsIn(dimensions) dimension!: (typeof dimensions)[number];
  @ApiProperty({ example: 'income above the poverty line' }) @IsString() @Length(1, 500) description!: string;
  @ApiProperty({ type: [PlanActionBody] })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @Type(() => PlanActionBody)
  actions!: PlanActionBody[];
}

export class LifePlanBody {
  @ApiProperty({ example: 'plan-1' }) @IsString() @Length(1, 100) planId!: string;
  @ApiProperty({ example: '2022-02-01' }) @IsDateString({ strict: true }) drawnUpOn!: string;
  @ApiProperty({ example: 'official-17' }) @IsString() @Length(1, 100) officialId!: string;
  @ApiProperty({ type: [PlanGoalBody] })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Type(() => PlanGoalBody)
  goals!: PlanGoalBody[];
}

export class ProgressBody {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) percentDone!: number;
  @ApiProperty() @IsBoolean() completed!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiProperty({ example: '2022-03-01' }) @IsDateString({ strict: true }) recordedOn!: string;
}
