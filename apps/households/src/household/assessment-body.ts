import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDateString, IsIn, IsInt, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { classifications } from '@khu-siao/contracts';

export class DimensionBody {
  @ApiProperty({ type: [String], example: ['housing is not durable'], description: 'TPMAP indicators failed; none = passed' })
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  @ArrayMaxSize(30)
  indicatorsFailed!: string[];
}

export class DimensionsBody {
  @ApiProperty({ type: DimensionBody }) @ValidateNested() @Type(() => DimensionBody) health!: DimensionBody;
  @ApiProperty({ type: DimensionBody }) @ValidateNested() @Type(() => DimensionBody) livingConditions!: DimensionBody;
  @ApiProperty({ type: DimensionBody }) @ValidateNested() @Type(() => DimensionBody) education!: DimensionBody;
  @ApiProperty({ type: DimensionBody }) @ValidateNested() @Type(() => DimensionBody) income!: DimensionBody;
  @ApiProperty({ type: DimensionBody }) @ValidateNested() @Type(() => DimensionBody) publicServices!: DimensionBody;
}

export class AssessBody {
  @ApiProperty({ example: 'a-2022-01' }) @IsString() @Length(1, 100) assessmentId!: string;
  @ApiProperty({ example: '2022-01-27' }) @IsDateString({ strict: true }) assessedOn!: string;
  @ApiProperty({ example: 'official-17' }) @IsString() @Length(1, 100) assessorId!: string;
  @ApiProperty({ type: DimensionsBody }) @ValidateNested() @Type(() => DimensionsBody) dimensions!: DimensionsBody;
  @ApiProperty({ example: 3_800_000, description: 'income per head per year in whole satang (38,000 baht)' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  incomePerHeadPerYear!: number;
}

export class OverrideBody {
  @ApiProperty({ enum: classifications }) @IsIn(classifications) to!: (typeof classifications)[number];
  @ApiProperty() @IsString() @Length(1, 500) reason!: string;
  @ApiProperty({ example: 'official-17' }) @IsString() @Length(1, 100) officialId!: string;
}

