import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { v7 as uuidV7 } from 'uuid';
import { partnerSectors, supportKinds } from '@khu-siao/contracts';
import { NotFoundError, optional } from '@khu-siao/decider';
import { partnerDecider } from '@khu-siao/pairings-domain';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { HouseholdInBody } from '../access/household-area';
import { PartnerInPath, ServedProvince } from '../access/partner-area';
import { Aggregates, partnerStream } from '../command-handling/aggregates';
import { bangkokToday } from '../command-handling/bangkok-today';
import { versioned } from '../command-handling/http-edges';
import { KnownHouseholds } from '../known-households/known-households';

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

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly households: KnownHouseholds,
  ) {}

  @Post()
  @Allow('partners.manage', ServedProvince)
  @ApiOperation({ summary: 'Register a development partner (MOU signatory)' })
  @ApiCreatedResponse({ description: 'registered; ETag is the partner version' })
  async register(@Body() body: RegisterPartnerBody, @Caller() caller: Principal, @Res({ passthrough: true }) response: Response) {
    const partnerId = uuidV7();
    const decided = await this.aggregates.decide(partnerStream(partnerId), partnerDecider, {
      type: 'RegisterPartner',
      partnerId,
      name: body.name,
      sector: body.sector,
      mouSignedOn: body.mouSignedOn,
      today: bangkokToday(),
    });
    const version = await this.aggregates.append(decided, actorOf(caller));
    response.setHeader('Location', `/partners/${partnerId}`);
    return versioned(response, { partnerId, version });
  }

  @Post(':partnerId/pledges')
  // The pledge goes to a household's plan: it lies where the household lives.
  @Allow('partners.pledge', HouseholdInBody)
  @ApiOperation({ summary: "Record a partner's pledge towards a goal of a household's life plan" })
  @ApiNotFoundResponse({ description: 'unknown partner, household or plan goal' })
  @ApiConflictResponse({ description: 'the household is not open or the plan is not the one in force' })
  async pledge(
    @Param('partnerId') partnerId: string,
    @Body() body: PledgeBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const pledgeId = uuidV7();
    const household = await this.households.of(body.householdId);
    const { version } = await this.aggregates.execute(
      partnerStream(partnerId),
      partnerDecider,
      {
        type: 'PledgeSupport',
        partnerId,
        pledgeId,
        householdId: body.householdId,
        planId: body.planId,
        goalId: body.goalId,
        support: { kind: body.support.kind, description: body.support.description, ...optional('value', body.support.value) },
        pledgedOn: bangkokToday(),
        household,
      },
      actorOf(caller),
    );
    return versioned(response, { partnerId, pledgeId, version });
  }

  @Get(':partnerId')
  @Allow('partners.read', PartnerInPath)
  @ApiOperation({ summary: 'A partner and its pledges' })
  async read(@Param('partnerId') partnerId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.aggregates.load(partnerStream(partnerId), partnerDecider);
    if (state.status === 'notRegistered') throw new NotFoundError('partner', partnerId);
    return versioned(response, { ...state, version });
  }
}
