import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches } from 'class-validator';
import { centreKinds } from '@khu-siao/contracts';
import { IsSatang, idMessage, idPattern, satang } from '../request-fields';

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
  @ApiProperty(satang) @IsSatang() amount!: number;
}

export class BudgetMovementBody {
  @ApiProperty(satang) @IsSatang() amount!: number;
  @ApiProperty({ example: 'second instalment from the province' }) @IsString() @Length(1, 1000) reason!: string;
}
