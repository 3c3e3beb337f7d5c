import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

const idPattern = /^[A-Za-z0-9._-]{1,100}$/;

export class PairBody {
  @ApiProperty({ example: 'official-7' }) @Matches(idPattern, { message: 'must be an official id' }) officialId!: string;
}

export class ReassignBody extends PairBody {
  @ApiProperty({ example: 'transferred to another district' }) @IsString() @Length(1, 500) reason!: string;
}

export class UnpairBody {
  @ApiProperty({ example: 'case closed' }) @IsString() @Length(1, 500) reason!: string;
}
