import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { agencyKinds } from '@khu-siao/contracts';
import { optional } from '@khu-siao/decider';
import type { EnrolOfficial } from '@khu-siao/pairings-domain';

export class AgencyBody {
  @ApiProperty({ enum: agencyKinds }) @IsIn(agencyKinds) kind!: (typeof agencyKinds)[number];
  @ApiProperty({ example: 'Ban Fang District Community Development Office' }) @IsString() @Length(1, 200) name!: string;
}

export class ContactBody {
  @ApiPropertyOptional({ example: '0812345678' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ example: 'wanida@example.go.th' }) @IsOptional() @IsString() @MaxLength(200) email?: string;
}

export class EnrolOfficialBody {
  @ApiProperty({ example: 'official-7', description: "the official's id (an HR number)" })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1 to 100 letters, digits, dots, dashes or underscores' })
  officialId!: string;
  @ApiPropertyOptional({ example: 'Mrs' }) @IsOptional() @IsString() @MaxLength(40) title?: string;
  @ApiProperty({ example: 'Wanida' }) @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ example: 'Phromma' }) @IsString() @Length(1, 100) lastName!: string;
  @ApiProperty({ example: 'Community Development Officer' }) @IsString() @Length(1, 200) position!: string;
  @ApiProperty({ type: AgencyBody }) @ValidateNested() @Type(() => AgencyBody) agency!: AgencyBody;
  @ApiProperty({ example: '4002' }) @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' }) homeDistrictCode!: string;
  @ApiProperty({ type: ContactBody }) @ValidateNested() @Type(() => ContactBody) contact!: ContactBody;
}

/** The enrolment a body asks for, on the day it is handled. */
export function enrolmentOf(body: EnrolOfficialBody, enrolledOn: string): EnrolOfficial {
  return {
    type: 'EnrolOfficial',
    officialId: body.officialId,
    ...optional('title', body.title),
    firstName: body.firstName,
    lastName: body.lastName,
    position: body.position,
    agency: { kind: body.agency.kind, name: body.agency.name },
    homeDistrictCode: body.homeDistrictCode,
    contact: { ...optional('phone', body.contact.phone), ...optional('email', body.contact.email) },
    enrolledOn,
  };
}
