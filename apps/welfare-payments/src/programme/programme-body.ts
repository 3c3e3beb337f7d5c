import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { programmeKinds, recipientKinds } from '@khu-siao/contracts';
import { IsSatang, idMessage, idPattern, satang } from '../request-fields';

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
  @IsSatang()
  standardAmount?: number;
}
