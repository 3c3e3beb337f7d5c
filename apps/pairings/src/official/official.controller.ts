import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import type { OfficialState } from '@khu-siao/pairings-domain';
import { Allow, Clock, CommandContext, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { HouseholdVisitsQuery } from '../read-models/household-visits/household-visits.query';
import { OfficialInBody, OfficialInPath } from './official-area';
import { EnrolOfficialBody, enrolmentOf } from './official-body';
import { HandleOfficial, OfficialHandler } from './official.handler';

@ApiTags('officials')
@Controller('officials')
export class OfficialController {
  constructor(
    private readonly bus: CommandBus,
    private readonly officials: OfficialHandler,
    private readonly visits: HouseholdVisitsQuery,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('officials.register', OfficialInBody)
  @ApiOperation({ summary: 'Enrol a buddy official' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key answers the first enrolment' })
  @ApiCreatedResponse({ description: 'enrolled; ETag is the official stream version' })
  @ApiConflictResponse({ description: 'already enrolled' })
  async enrol(@Body() body: EnrolOfficialBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const { officialId } = body;
    const outcome = await this.bus.execute<HandleOfficial, CommandOutcome<OfficialState>>(
      new HandleOfficial(officialId, enrolmentOf(body, this.clock.today()), context),
    );
    response.setHeader('Location', `/officials/${officialId}`);
    return withETag(response, { officialId, version: outcome.version });
  }

  @Get(':officialId/caseload')
  @Allow('officials.read', OfficialInPath)
  @ApiOperation({ summary: "An official's caseload: the households the official answers for now" })
  @ApiNotFoundResponse({ description: 'no such official' })
  async caseload(@Param('officialId') officialId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.officials.load(officialId);
    if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
    const { enrolment } = state;
    return withETag(response, {
      officialId,
      version,
      name: [enrolment.title, enrolment.firstName, enrolment.lastName].filter(Boolean).join(' '),
      agency: enrolment.agency,
      households: state.caseload.map((place) => ({ householdId: place.householdId, pairingId: place.pairingId, since: place.takenOn })),
    });
  }

  @Get(':officialId/activity')
  @Allow('officials.read', OfficialInPath)
  @ApiOperation({ summary: "An official's activity: caseload, visits logged, in-kind help given (satang) and visits per process step" })
  @ApiNotFoundResponse({ description: 'no such official' })
  async activity(@Param('officialId') officialId: string, @Res({ passthrough: true }) response: Response) {
    const [{ version, state }, visits] = await Promise.all([this.officials.load(officialId), this.visits.activityOf(officialId)]);
    if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
    return withETag(response, {
      officialId,
      version,
      caseload: state.caseload.length,
      households: state.caseload.map((place) => place.householdId),
      ...visits,
    });
  }
}
