import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { dimensions, processSteps } from '@khu-siao/contracts';
import { optional } from '@khu-siao/decider';
import type { VisitDetails } from '@khu-siao/pairings-domain';

const helpKinds = ['inKind', 'advice', 'service'] as const;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = { message: 'must be a date YYYY-MM-DD' };

export class GeoPointBody {
  @ApiProperty({ example: 16.4322, description: 'degrees, inside Thailand (5.5 to 20.5)' }) @IsNumber({ allowNaN: false, allowInfinity: false }) latitude!: number;
  @ApiProperty({ example: 102.8236, description: 'degrees, inside Thailand (97.3 to 105.7)' }) @IsNumber({ allowNaN: false, allowInfinity: false }) longitude!: number;
}

export class HelpBody {
  @ApiProperty({ enum: helpKinds }) @IsIn(helpKinds) kind!: (typeof helpKinds)[number];
  @ApiProperty({ example: 'survival bag' }) @IsString() @Length(1, 300) description!: string;
  @ApiPropertyOptional({ example: 50_000, description: 'in satang (required for in-kind help)' }) @IsOptional() @IsInt() @Min(0) value?: number;
}

export class VisitDetailsBody {
  @ApiProperty({ example: ['official-7'] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) officialIds!: string[];
  @ApiProperty({ example: '2026-01-15', description: 'not in the future' }) @Matches(datePattern, dateMessage) visitedOn!: string;
  @ApiProperty({ enum: processSteps }) @IsIn(processSteps) processStep!: (typeof processSteps)[number];
  @ApiProperty({ enum: dimensions, isArray: true }) @IsArray() @IsIn(dimensions, { each: true }) dimensionsDiscussed!: (typeof dimensions)[number][];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) needsFound!: string[];
  @ApiProperty({ type: [HelpBody] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HelpBody) helpGiven!: HelpBody[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) referrals!: string[];
  @ApiPropertyOptional({ example: '2026-02-15' }) @IsOptional() @Matches(datePattern, dateMessage) nextVisitOn?: string;
  @ApiPropertyOptional({ type: GeoPointBody }) @IsOptional() @ValidateNested() @Type(() => GeoPointBody) location?: GeoPointBody;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) photoRef?: string;
}

export class LogVisitBody extends VisitDetailsBody {
  @ApiProperty({ description: 'the household visited' }) @IsString() @Length(1, 200) householdId!: string;
}

export class CorrectVisitBody {
  @ApiProperty({ type: VisitDetailsBody }) @ValidateNested() @Type(() => VisitDetailsBody) details!: VisitDetailsBody;
  @ApiProperty({ example: 'wrong date typed' }) @IsString() @Length(1, 500) reason!: string;
  @ApiProperty({ example: 'official-7' }) @IsString() @Length(1, 200) correctedBy!: string;
}

/** The details a body states, copied into the domain's shape (absent optional fields left out). */
export function detailsOf(body: VisitDetailsBody): VisitDetails {
  return {
    officialIds: body.officialIds,
    visitedOn: body.visitedOn,
    processStep: body.processStep,
    dimensionsDiscussed: body.dimensionsDiscussed,
    needsFound: body.needsFound,
    helpGiven: body.helpGiven.map((help) => ({ kind: help.kind, description: help.description, ...optional('value', help.value) })),
    referrals: body.referrals,
    ...optional('nextVisitOn', body.nextVisitOn),
    ...optional('location', body.location && { latitude: body.location.latitude, longitude: body.location.longitude }),
    ...optional('photoRef', body.photoRef),
  };
}
