import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, optional } from '@khu-siao/decider';
import type { PartnerCommand, PartnerState } from '@khu-siao/pairings-domain';
import { Allow, Clock, CommandContext, KnownHouseholds, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { HouseholdInBody } from '../household/household-area';
import { newIdFor } from '../request-ids';
import { PartnerInPath, ServedProvince } from './partner-area';
import { PledgeBody, RegisterPartnerBody } from './partner-body';
import { HandlePartner, PartnerHandler } from './partner.handler';

@ApiTags('partners')
@Controller('partners')
export class PartnerController {
  constructor(
    private readonly bus: CommandBus,
    private readonly partners: PartnerHandler,
    private readonly households: KnownHouseholds,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('partners.manage', ServedProvince)
  @ApiOperation({ summary: 'Register a development partner (MOU signatory)' })
  @ApiCreatedResponse({ description: 'registered; ETag is the partner version' })
  async register(@Body() body: RegisterPartnerBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const partnerId = newIdFor('partner', context);
    const { name, sector, mouSignedOn } = body;
    const { version } = await this.execute(partnerId, { type: 'RegisterPartner', partnerId, name, sector, mouSignedOn, today: this.clock.today() }, context);
    response.setHeader('Location', `/partners/${partnerId}`);
    return withETag(response, { partnerId, version });
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
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const pledgeId = newIdFor('pledge', context);
    const { householdId, planId, goalId } = body;
    const support = { kind: body.support.kind, description: body.support.description, ...optional('value', body.support.value) };
    const household = await this.households.of(householdId);
    const command = { type: 'PledgeSupport', partnerId, pledgeId, householdId, planId, goalId, support, pledgedOn: this.clock.today(), household } as const;
    const { version } = await this.execute(partnerId, command, context);
    return withETag(response, { partnerId, pledgeId, version });
  }

  @Get(':partnerId')
  @Allow('partners.read', PartnerInPath)
  @ApiOperation({ summary: 'A partner and its pledges' })
  async read(@Param('partnerId') partnerId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.partners.load(partnerId);
    if (state.status === 'notRegistered') throw new NotFoundError('partner', partnerId);
    return withETag(response, { ...state, version });
  }

  private execute(partnerId: string, command: PartnerCommand, context: CommandContext) {
    return this.bus.execute<HandlePartner, CommandOutcome<PartnerState>>(new HandlePartner(partnerId, command, context));
  }
}
