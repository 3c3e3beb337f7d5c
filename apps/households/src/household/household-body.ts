import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class AreaBody {
  @ApiProperty({ example: '40' }) @Matches(/^\d{2}$/, { message: 'must be a 2-digit province code' }) provinceCode!: string;
  @ApiProperty({ example: '4001' }) @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' }) districtCode!: string;
  @ApiProperty({ example: '400101' }) @Matches(/^\d{6}$/, { message: 'must be a 6-digit tambon code' }) tambonCode!: string;
  @ApiProperty({ example: '40010103', description: 'tambon code + 2-digit moo' })
  @Matches(/^\d{8}$/, { message: 'must be an 8-digit village code' })
  villageCode!: string;
}

export class AddressBody {
  @ApiProperty({ type: AreaBody }) @ValidateNested() @Type(() => AreaBody) area!: AreaBody;
  @ApiPropertyOptional({ example: '12/3' }) @IsOptional() @IsString() @MaxLength(40) houseNumber?: string;
}

export const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'relative', 'other'] as const;

export class MemberBody {
  @ApiProperty({ example: 'm-1' }) @IsString() @Length(1, 100) memberId!: string;
  @ApiProperty({ example: '1101700230705', description: '13 digits with a valid check digit; masked in every response' })
  @Matches(/^\d{13}$/, { message: 'must be 13 digits' })
  nationalId!: string;
  @ApiPropertyOptional({ example: 'นาย' }) @IsOptional() @IsString() @MaxLength(40) title?: string;
  @ApiProperty({ example: 'สมชาย' }) @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ example: 'ใจดี' }) @IsString() @Length(1, 100) lastName!: string;
  @ApiProperty({ example: '1970-01-31' }) @IsDateString({ strict: true }) birthDate!: string;
  @ApiProperty({ enum: ['female', 'male'] }) @IsIn(['female', 'male']) sex!: 'female' | 'male';
  @ApiProperty({ enum: relations }) @IsIn(relations) relation!: (typeof relations)[number];
  @ApiProperty() @IsBoolean() disability!: boolean;
  @ApiProperty() @IsBoolean() chronicIllness!: boolean;
}

/** A household's members: 1 to 50, each validated. */
const MemberList = () =>
  applyDecorators(
    ApiProperty({ type: [MemberBody] }),
    ValidateNested({ each: true }),
    ArrayMinSize(1),
    ArrayMaxSize(50),
    Type(() => MemberBody),
  );

export const sources = ['tpmap', 'fieldSurvey', 'exclusionErrorReferral', 'vulnerableReferral'] as const;

export class RegisterHouseholdBody {
  @ApiProperty({ enum: sources, description: 'how the household was found' }) @IsIn(sources) source!: (typeof sources)[number];
  @ApiProperty({ type: AddressBody }) @ValidateNested() @Type(() => AddressBody) address!: AddressBody;
  @MemberList()
  members!: MemberBody[];
}

export class UpdateMembersBody {
  @MemberList()
  members!: MemberBody[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) reason?: string;
}

export class MoveBody {
  @ApiProperty({ type: AddressBody }) @ValidateNested() @Type(() => AddressBody) to!: AddressBody;
  @ApiProperty({ example: '2022-02-01' }) @IsDateString({ strict: true }) movedOn!: string;
}

export const erasureBases = ['dataSubjectRequest', 'retentionExpired', 'unlawfullyCollected'] as const;

export class EraseBody {
  @ApiProperty({ example: '2024-12-01' }) @IsDateString({ strict: true }) erasedOn!: string;
  @ApiProperty({ enum: erasureBases }) @IsIn(erasureBases) basis!: (typeof erasureBases)[number];
  @ApiProperty({ example: 'DPO/2024/017', description: "the request's reference in the data protection officer's register" })
  @Matches(/^[A-Za-z0-9._/-]{1,100}$/, { message: 'must be 1 to 100 letters, digits or . _ / -' })
  requestRef!: string;
}
