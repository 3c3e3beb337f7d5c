import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, optional } from '@khu-siao/decider';
import { officialDecider } from '@khu-siao/pairings-domain';
import { Aggregates, officialStream } from '../command-handling/aggregates';
import { bangkokToday } from '../command-handling/bangkok-today';
import { actorFrom, versioned } from '../command-handling/http-edges';
import { EnrolOfficialBody } from './official-body';

@ApiTags('officials')
@ApiHeader({ name: 'x-client-id', required: false, description: 'the integrating client, kept as the actor' })
@Controller('officials')
export class OfficialsController {
  constructor(private readonly aggregates: Aggregates) {}

  @Post()
  @ApiOperation({ summary: 'Enrol a buddy official' })
  @ApiCreatedResponse({ description: 'enrolled; ETag is the official stream version' })
  @ApiConflictResponse({ description: 'already enrolled' })
  async enrol(
    @Body() body: EnrolOfficialBody,
    @Headers('x-client-id') clientId: string | undefined,
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
    const version = await this.aggregates.append(decided, actorFrom(clientId));
    response.setHeader('Location', `/officials/${officialId}`);
    return versioned(response, { officialId, version });
  }

  @Get(':officialId/caseload')
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
}
