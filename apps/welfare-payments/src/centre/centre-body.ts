import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { centreKinds } from '@khu-siao/contracts';
import { idMessage, idPattern } from '../request-fields';

const districtCode = { pattern: /^\d{4}$/, message: { message: 'must be a 4-digit district code' } };
const tambonCode = { pattern: /^\d{6}$/, message: { message: 'must be a 6-digit tambon code' } };

export class CentreAreaBody {
  @ApiProperty({ example: '40' }) @Matches(/^\d{2}$/, { message: 'must be a 2-digit province code' }) provinceCode!: string;
  @ApiProperty({ example: '4001', description: "one of Khon Kaen's 26 districts" })
  @Matches(districtCode.pattern, districtCode.message)
  districtCode!: string;
  @ApiProperty({ example: '400101', description: 'the district code followed by a 2-digit tambon number' })
  @Matches(tambonCode.pattern, tambonCode.message)
  tambonCode!: string;
}

export class RegisterCentreBody {
  @ApiProperty({ example: 'tc-400101' }) @Matches(idPattern, idMessage) centreId!: string;
  @ApiProperty({ example: 'ศูนย์ช่วยเหลือสังคมตำบลในเมือง' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: centreKinds }) @IsIn(centreKinds) kind!: (typeof centreKinds)[number];
  @ApiProperty({ type: CentreAreaBody }) @ValidateNested() @Type(() => CentreAreaBody) area!: CentreAreaBody;
}

export class RelocateCentreBody {
  @ApiProperty({ type: CentreAreaBody }) @ValidateNested() @Type(() => CentreAreaBody) area!: CentreAreaBody;
  @ApiProperty({ example: 'merged with the Tha Phra subdistrict municipality' }) @IsString() @Length(1, 500) reason!: string;
}

export class CloseCentreBody {
  @ApiProperty({ example: 'its local government unit was dissolved' }) @IsString() @Length(1, 500) reason!: string;
}

export class CentreQueryParams {
  @ApiPropertyOptional({ example: '4001' }) @IsOptional() @Matches(districtCode.pattern, districtCode.message) districtCode?: string;
  @ApiPropertyOptional({ example: '400101' }) @IsOptional() @Matches(tambonCode.pattern, tambonCode.message) tambonCode?: string;
}
