import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { teamKinds, teamRoles } from '@khu-siao/contracts';

export class TeamAreaBody {
  @ApiProperty({ example: '4001' }) @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' }) districtCode!: string;
  @ApiPropertyOptional({ example: '400101', description: 'one tambon of the district' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit tambon code' })
  tambonCode?: string;
}

export class FormTeamBody {
  @ApiProperty({ enum: teamKinds }) @IsIn(teamKinds) kind!: (typeof teamKinds)[number];
  @ApiProperty({ example: 'Mueang Khon Kaen operational team' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ type: TeamAreaBody }) @ValidateNested() @Type(() => TeamAreaBody) area!: TeamAreaBody;
}

export class AddTeamMemberBody {
  @ApiProperty({ example: 'official-7' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be an official id' })
  officialId!: string;
  @ApiProperty({ enum: teamRoles }) @IsIn(teamRoles) role!: (typeof teamRoles)[number];
}
