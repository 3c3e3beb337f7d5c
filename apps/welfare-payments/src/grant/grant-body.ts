import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { disbursementMethods, recipientKinds } from '@khu-siao/contracts';
import { IsSatang, satang } from '../request-fields';

export class RecipientBody {
  @ApiProperty({ enum: recipientKinds }) @IsIn(recipientKinds) kind!: (typeof recipientKinds)[number];
  @ApiPropertyOptional({ description: 'when kind is household' }) @IsOptional() @IsString() @Length(1, 200) householdId?: string;
  @ApiPropertyOptional({ description: 'when kind is centre' }) @IsOptional() @IsString() @Length(1, 200) centreId?: string;
}

export class GrantAssistanceBody {
  @ApiProperty({ example: 'family-grant' }) @IsString() @Length(1, 200) programmeId!: string;
  @ApiProperty({ example: 'tc-400101', description: 'the centre that pays, from its budget for the programme' })
  @IsString()
  @Length(1, 200)
  centreId!: string;
  @ApiProperty({ type: RecipientBody }) @ValidateNested() @Type(() => RecipientBody) recipient!: RecipientBody;
  @ApiPropertyOptional({ ...satang, description: "leave out to grant the programme's standard amount" })
  @IsOptional()
  @IsSatang()
  amount?: number;
  @ApiProperty({ example: 'income below the line after the flood' }) @IsString() @Length(1, 1000) reason!: string;
}

export class ReasonBody {
  @ApiProperty({ example: 'paid to the wrong account' }) @IsString() @Length(1, 1000) reason!: string;
}

export class DisburseBody {
  @ApiProperty({ enum: disbursementMethods }) @IsIn(disbursementMethods) method!: (typeof disbursementMethods)[number];
  @ApiPropertyOptional({
    example: 'RC-2565-000123',
    description: 'the receipt number or transaction reference when the money is handed over now; leave out for a transfer whose outcome comes later',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class ConfirmationBody {
  @ApiProperty({ example: 'PP-20220127-0001' }) @IsString() @Length(1, 100) reference!: string;
}
