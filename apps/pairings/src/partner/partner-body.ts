import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { partnerSectors, supportKinds } from '@khu-siao/contracts';

export class RegisterPartnerBody {
  @ApiProperty({ example: 'Khon Kaen University' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: partnerSectors }) @IsIn(partnerSectors) sector!: (typeof partnerSectors)[number];
  @ApiProperty({ example: '2025-06-01', description: 'the day the MOU was signed, not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  mouSignedOn!: string;
}

export class SupportBody {
  @ApiProperty({ enum: supportKinds }) @IsIn(supportKinds) kind!: (typeof supportKinds)[number];
  @ApiProperty({ example: 'training in mushroom farming' }) @IsString() @Length(1, 500) description!: string;
  @ApiPropertyOptional({ description: 'in satang' }) @IsOptional() @IsInt() @Min(0) value?: number;
}

export class PledgeBody {
  @ApiProperty() @IsString() @Length(1, 200) householdId!: string;
  @ApiProperty() @IsString() @Length(1, 200) planId!: string;
  @ApiProperty() @IsString() @Length(1, 200) goalId!: string;
  @ApiProperty({ type: SupportBody }) @ValidateNested() @Type(() => SupportBody) support!: SupportBody;
}
