import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { centreKinds, disbursementMethods, programmeKinds, recipientKinds } from '@khu-siao/contracts';

const satang = { description: 'whole satang (1 baht = 100 satang), more than 0', example: 300_000 };
const amountMessage = { message: 'must be a number of satang' };
export const idPattern = /^[A-Za-z0-9._:-]{1,100}$/;
export const idMessage = { message: 'must be 1 to 100 letters, digits, dots, dashes, underscores or colons' };

export class DefineProgrammeBody {
  @ApiProperty({ example: 'family-grant' }) @Matches(idPattern, idMessage) programmeId!: string;
  @ApiProperty({ example: 'Family assistance grant' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: programmeKinds }) @IsIn(programmeKinds) kind!: (typeof programmeKinds)[number];
  @ApiProperty({ enum: recipientKinds, isArray: true })
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(recipientKinds, { each: true })
  recipients!: (typeof recipientKinds)[number][];
  @ApiPropertyOptional({ ...satang, description: 'the amount of every grant; leave out when decided case by case' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessage)
  standardAmount?: number;
}

export class AllocateBudgetBody {
  @ApiProperty({ example: 'tc-400101', description: 'a centre on the register (POST /centres); its kind comes from there' })
  @Matches(idPattern, idMessage)
  centreId!: string;
  @ApiPropertyOptional({ enum: centreKinds, description: 'may be left out; when given, it must be the kind on the register' })
  @IsOptional()
  @IsIn(centreKinds)
  centreKind?: (typeof centreKinds)[number];
  @ApiProperty({ example: 2565, description: 'Buddhist-era year the fiscal year ends in' }) @IsInt() fiscalYear!: number;
  @ApiProperty({ example: 'family-grant' }) @Matches(idPattern, idMessage) programmeId!: string;
  @ApiProperty(satang) @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessage) amount!: number;
}

export class BudgetMovementBody {
  @ApiProperty(satang) @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessage) amount!: number;
  @ApiProperty({ example: 'second instalment from the province' }) @IsString() @Length(1, 1000) reason!: string;
}

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
  @IsNumber({ allowNaN: false, allowInfinity: false }, amountMessage)
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

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2021-10-01', description: 'first day (in Thailand); default: start of the current fiscal year' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2022-09-30', description: 'last day, included; default: end of the current fiscal year' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  to?: string;
}
