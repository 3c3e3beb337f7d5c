import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectModel } from '@nestjs/mongoose';
import type { Response } from 'express';
import type { Model } from 'mongoose';
import { processSteps } from '@khu-siao/contracts';
import { NotFoundError, optional } from '@khu-siao/decider';
import { officialDecider } from '@khu-siao/pairings-domain';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { OfficialInBody, OfficialInPath } from '../access/official-area';
import { Aggregates, officialStream } from '../command-handling/aggregates';
import { bangkokToday } from '../command-handling/bangkok-today';
import { versioned } from '../command-handling/http-edges';
import { HouseholdVisit } from '../visits/visit-index.schema';
import { EnrolOfficialBody } from './official-body';

@ApiTags('officials')
@Controller('officials')
export class OfficialsController {
  constructor(
    private readonly aggregates: Aggregates,
    @InjectModel(HouseholdVisit.name) private readonly visits: Model<HouseholdVisit>,
  ) {}

  @Post()
  @Allow('officials.register', OfficialInBody)
  @ApiOperation({ summary: 'Enrol a buddy official' })
  @ApiCreatedResponse({ description: 'enrolled; ETag is the official stream version' })
  @ApiConflictResponse({ description: 'already enrolled' })
  async enrol(
    @Body() body: EnrolOfficialBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { officialId } = body;
    const decided = await this.aggregates.decide(officialStream(officialId), officialDecider, {
      type: 'EnrolOfficial',
      officialId,
      ...optional('title', body.title),
      firstName: body.firstName,
      lastName: body.lastName,
      position: body.position,
      agency: { kind: body.agency.kind, name: body.agency.name },
      homeDistrictCode: body.homeDistrictCode,
      contact: { ...optional('phone', body.contact.phone), ...optional('email', body.contact.email) },
      enrolledOn: bangkokToday(),
    });
    const version = await this.aggregates.append(decided, actorOf(caller));
    response.setHeader('Location', `/officials/${officialId}`);
    return versioned(response, { officialId, version });
  }

  @Get(':officialId/caseload')
  @Allow('officials.read', OfficialInPath)
  @ApiOperation({ summary: "An official's caseload: the households the official answers for now" })
  @ApiNotFoundResponse({ description: 'no such official' })
  async caseload(@Param('officialId') officialId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.aggregates.load(officialStream(officialId), officialDecider);
    if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
    const { enrolment } = state;
    return versioned(response, {
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
    const { version, state } = await this.aggregates.load(officialStream(officialId), officialDecider);
    if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
    // The visit index holds each visit as it stands after its corrections; the official is one of its visitors.
    const visits = await this.visits.find({ 'visit.officialIds': officialId }, { visitedOn: 1, visit: 1 }).lean();
    const byProcessStep = Object.fromEntries(processSteps.map((step) => [step, 0])) as Record<(typeof processSteps)[number], number>;
    let inKindHelpValue = 0;
    let lastVisitedOn: string | null = null;
    for (const entry of visits) {
      const details = entry.visit as { processStep?: (typeof processSteps)[number]; helpGiven?: { kind: string; value?: number }[] };
      if (details.processStep && details.processStep in byProcessStep) byProcessStep[details.processStep] += 1;
      for (const help of details.helpGiven ?? []) if (help.kind === 'inKind') inKindHelpValue += help.value ?? 0;
      if (lastVisitedOn === null || entry.visitedOn > lastVisitedOn) lastVisitedOn = entry.visitedOn;
    }
    return versioned(response, {
      officialId,
      version,
      caseload: state.caseload.length,
      households: state.caseload.map((place) => place.householdId),
      visits: { count: visits.length, lastVisitedOn },
      inKindHelpValue,
      byProcessStep,
    });
  }
}
