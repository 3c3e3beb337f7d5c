import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import type { Model } from 'mongoose';
import { v7 as uuidV7 } from 'uuid';
import { NotFoundError, optional } from '@khu-siao/decider';
import type { VisitDetails, VisitState } from '@khu-siao/pairings-domain';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { AreaInQuery } from '../access/area-in-query';
import { HouseholdInBody, HouseholdInPath, VisitedHousehold } from '../access/household-area';
import { bangkokToday } from '../command-handling/bangkok-today';
import { expectedVersionFrom, versioned } from '../command-handling/http-edges';
import { KnownHouseholdDocument } from '../known-households/known-household.schema';
import { KnownHouseholds } from '../known-households/known-households';
import { CorrectVisitBody, LogVisitBody, type VisitDetailsBody } from './visit-body';
import { HouseholdVisit } from './visit-index.schema';
import { VisitRecords } from './visit-records';

function detailsOf(body: VisitDetailsBody): VisitDetails {
  return {
    officialIds: body.officialIds,
    visitedOn: body.visitedOn,
    processStep: body.processStep,
    dimensionsDiscussed: body.dimensionsDiscussed,
    needsFound: body.needsFound,
    helpGiven: body.helpGiven.map((help) => ({ kind: help.kind, description: help.description, ...optional('value', help.value) })),
    referrals: body.referrals,
    ...optional('nextVisitOn', body.nextVisitOn),
    ...optional('location', body.location && { latitude: body.location.latitude, longitude: body.location.longitude }),
    ...optional('photoRef', body.photoRef),
  };
}

export class OverdueQuery {
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 3650, description: 'no visit in this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days = 30;

  @ApiPropertyOptional({ example: '4001', description: 'the district listed (or provinceCode)' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'must be a 4-digit district code' })
  districtCode?: string;

  @ApiPropertyOptional({ example: '40', description: 'the province listed, when no districtCode' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit province code' })
  provinceCode?: string;
}

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(
    private readonly records: VisitRecords,
    private readonly households: KnownHouseholds,
    @InjectModel(HouseholdVisit.name) private readonly visits: Model<HouseholdVisit>,
    @InjectModel(KnownHouseholdDocument.name) private readonly known: Model<KnownHouseholdDocument>,
  ) {}

  @Post('visits')
  @Allow('visits.log', HouseholdInBody)
  @ApiOperation({ summary: 'Log a home visit (date not in the future, GPS inside Thailand, in-kind help valued in satang)' })
  @ApiCreatedResponse({ description: 'logged; ETag is the visit version' })
  @ApiBadRequestResponse({ description: 'each field at fault named' })
  @ApiNotFoundResponse({ description: 'unknown household' })
  async log(@Body() body: LogVisitBody, @Caller() caller: Principal, @Res({ passthrough: true }) response: Response) {
    const visitId = uuidV7();
    const household = await this.households.of(body.householdId);
    const decided = await this.records.decide(visitId, {
      type: 'LogVisit',
      visitId,
      householdId: body.householdId,
      household,
      today: bangkokToday(),
      ...detailsOf(body),
    });
    const version = await this.records.append(decided, decided.version, actorOf(caller));
    await this.index(visitId, version);
    response.setHeader('Location', `/visits/${visitId}`);
    return versioned(response, { visitId, householdId: body.householdId, version });
  }

  @Post('visits/:visitId/corrections')
  @Allow('visits.log', VisitedHousehold)
  @HttpCode(200)
  @ApiOperation({ summary: "Correct a visit's details; the first version stays in the record" })
  @ApiHeader({ name: 'if-match', required: true, description: 'the visit version last read' })
  async correct(
    @Param('visitId') visitId: string,
    @Body() body: CorrectVisitBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const expected = expectedVersionFrom(ifMatch, 'visit');
    const decided = await this.records.decide(visitId, {
      type: 'CorrectVisit',
      visitId,
      details: detailsOf(body.details),
      reason: body.reason,
      correctedBy: body.correctedBy,
      today: bangkokToday(),
    });
    const version = await this.records.append(decided, expected, actorOf(caller));
    await this.index(visitId, version);
    return versioned(response, { visitId, version });
  }

  @Get('visits/:visitId')
  @Allow('visits.read', VisitedHousehold)
  @ApiOperation({ summary: 'A visit as it stands, with its first logged details and every correction' })
  async read(@Param('visitId') visitId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.records.load(visitId);
    if (state.status === 'notLogged') throw new NotFoundError('visit', visitId);
    return versioned(response, { ...state, version });
  }

  @Get('households/:householdId/visits')
  @Allow('visits.read', HouseholdInPath)
  @ApiOperation({ summary: "A household's visits, latest first" })
  async ofHousehold(@Param('householdId') householdId: string) {
    const visits = await this.visits.find({ householdId }).lean();
    visits.sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));
    const opened = await Promise.all(visits.map((entry) => this.records.open(householdId, entry.visit)));
    return { householdId, visits: opened.map((visit, index) => ({ ...visit, version: visits[index].version })) };
  }

  @Get('overdue-visits')
  @Allow('visits.readOverdue', AreaInQuery)
  @ApiOperation({ summary: 'Open households of a district (or province) with no visit in the last N days (or never visited)' })
  async overdue(@Query() query: OverdueQuery) {
    const since = bangkokToday(new Date(Date.now() - query.days * 86_400_000));
    const inArea = query.districtCode ? { 'area.districtCode': query.districtCode } : { 'area.provinceCode': query.provinceCode };
    const open = await this.known.find({ status: 'active', ...inArea }, { _id: 1 }).lean();
    const visits = await this.visits.find({ householdId: { $in: open.map((household) => household._id) } }, { householdId: 1, visitedOn: 1 }).lean();
    const latest = new Map<string, string>();
    for (const visit of visits) {
      const seen = latest.get(visit.householdId);
      if (!seen || visit.visitedOn > seen) latest.set(visit.householdId, visit.visitedOn);
    }
    const households = open
      .map((household) => ({ householdId: household._id, lastVisitedOn: latest.get(household._id) ?? null }))
      .filter((household) => household.lastVisitedOn === null || household.lastVisitedOn < since)
      .sort((a, b) => (a.lastVisitedOn ?? '').localeCompare(b.lastVisitedOn ?? ''));
    return { days: query.days, since, households };
  }

  /**
   * Brings the visit's index entry to the stream's version; an older writer never overwrites a newer one. The entry
   * keeps the visit's personal fields sealed, as the stream does.
   */
  private async index(visitId: string, version: number): Promise<void> {
    const { version: current, sealed: state } = await this.records.load(visitId);
    if (state.status === 'notLogged' || current < version) return;
    const document = { householdId: state.householdId, version: current, visitedOn: state.details.visitedOn, visit: visitView(state) };
    const updated = await this.visits.updateOne({ _id: visitId, version: { $lt: current } }, { $set: document });
    if (updated.matchedCount > 0) return;
    try {
      await this.visits.create({ _id: visitId, ...document });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 11000) throw error;
    }
  }
}

function visitView(state: Exclude<VisitState, { status: 'notLogged' }>): Record<string, unknown> {
  return { visitId: state.visitId, householdId: state.householdId, ...state.details, corrections: state.corrections };
}
