import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import type { VisitState } from '@khu-siao/pairings-domain';
import { Allow, Clock, CommandContext, KnownHouseholds, expectedVersionOf, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { HouseholdInBody } from '../household/household-area';
import { newIdFor } from '../request-ids';
import { VisitedHousehold } from './visit-area';
import { CorrectVisitBody, LogVisitBody, detailsOf } from './visit-body';
import { HandleVisit, VisitHandler } from './visit.handler';

@ApiTags('visits')
@Controller('visits')
export class VisitController {
  constructor(
    private readonly bus: CommandBus,
    private readonly visits: VisitHandler,
    private readonly households: KnownHouseholds,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('visits.log', HouseholdInBody)
  @ApiOperation({ summary: 'Log a home visit (date not in the future, GPS inside Thailand, in-kind help valued in satang)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key names the same visit, logged once' })
  @ApiCreatedResponse({ description: 'logged; ETag is the visit version' })
  @ApiBadRequestResponse({ description: 'each field at fault named' })
  @ApiNotFoundResponse({ description: 'unknown household' })
  async log(@Body() body: LogVisitBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const visitId = newIdFor('visit', context);
    const { householdId } = body;
    const household = await this.households.of(householdId);
    const command = { type: 'LogVisit', visitId, householdId, household, today: this.clock.today(), ...detailsOf(body) } as const;
    const { version } = await this.bus.execute<HandleVisit, CommandOutcome<VisitState>>(new HandleVisit(visitId, command, context));
    response.setHeader('Location', `/visits/${visitId}`);
    return withETag(response, { visitId, householdId, version });
  }

  @Post(':visitId/corrections')
  @Allow('visits.log', VisitedHousehold)
  @HttpCode(200)
  @ApiOperation({ summary: "Correct a visit's details; the first version stays in the record" })
  @ApiHeader({ name: 'if-match', required: true, description: 'the visit version last read' })
  async correct(
    @Param('visitId') visitId: string,
    @Body() body: CorrectVisitBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expected = expectedVersionOf(ifMatch, 'required', 'visit');
    const { reason, correctedBy } = body;
    const command = { type: 'CorrectVisit', visitId, details: detailsOf(body.details), reason, correctedBy, today: this.clock.today() } as const;
    const { version } = await this.bus.execute<HandleVisit, CommandOutcome<VisitState>>(new HandleVisit(visitId, command, context, expected));
    return withETag(response, { visitId, version });
  }

  @Get(':visitId')
  @Allow('visits.read', VisitedHousehold)
  @ApiOperation({ summary: 'A visit as it stands, with its first logged details and every correction' })
  async read(@Param('visitId') visitId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.visits.load(visitId);
    if (state.status === 'notLogged') throw new NotFoundError('visit', visitId);
    return withETag(response, { ...state, version });
  }
}
