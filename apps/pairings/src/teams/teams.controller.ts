import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { v7 as uuidV7 } from 'uuid';
import { NotFoundError, optional } from '@khu-siao/decider';
import { officialDecider, teamDecider } from '@khu-siao/pairings-domain';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { TeamInBody, TeamInPath } from '../access/team-area';
import { Aggregates, officialStream, teamStream } from '../command-handling/aggregates';
import { bangkokToday } from '../command-handling/bangkok-today';
import { versioned } from '../command-handling/http-edges';
import { AddTeamMemberBody, FormTeamBody } from './team-body';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly aggregates: Aggregates) {}

  @Post()
  @Allow('teams.manage', TeamInBody)
  @ApiOperation({ summary: 'Form an operational or mentor team for a district, or one tambon of it' })
  @ApiCreatedResponse({ description: 'formed; ETag is the team version' })
  @ApiBadRequestResponse({ description: 'each field at fault named' })
  async form(@Body() body: FormTeamBody, @Caller() caller: Principal, @Res({ passthrough: true }) response: Response) {
    const teamId = uuidV7();
    const decided = await this.aggregates.decide(teamStream(teamId), teamDecider, {
      type: 'FormTeam',
      teamId,
      kind: body.kind,
      name: body.name,
      area: { districtCode: body.area.districtCode, ...optional('tambonCode', body.area.tambonCode) },
      formedOn: bangkokToday(),
    });
    const version = await this.aggregates.append(decided, actorOf(caller));
    response.setHeader('Location', `/teams/${teamId}`);
    return versioned(response, { teamId, version });
  }

  @Post(':teamId/members')
  @Allow('teams.manage', TeamInPath)
  @ApiOperation({ summary: 'Add an enrolled official to a team (at most one leader)' })
  @ApiCreatedResponse({ description: 'added; ETag is the team version' })
  @ApiNotFoundResponse({ description: 'unknown team or official' })
  @ApiConflictResponse({ description: 'already a member, or the team already has a leader' })
  async addMember(
    @Param('teamId') teamId: string,
    @Body() body: AddTeamMemberBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state: official } = await this.aggregates.load(officialStream(body.officialId), officialDecider);
    const { version } = await this.aggregates.execute(
      teamStream(teamId),
      teamDecider,
      {
        type: 'AddTeamMember',
        teamId,
        officialId: body.officialId,
        officialEnrolled: official.status !== 'notEnrolled',
        role: body.role,
        addedOn: bangkokToday(),
      },
      actorOf(caller),
    );
    return versioned(response, { teamId, officialId: body.officialId, version });
  }

  @Delete(':teamId/members/:officialId')
  @Allow('teams.manage', TeamInPath)
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an official from a team' })
  @ApiOkResponse({ description: 'removed; ETag is the team version' })
  @ApiNotFoundResponse({ description: 'unknown team' })
  @ApiConflictResponse({ description: 'the official is not a member' })
  async removeMember(
    @Param('teamId') teamId: string,
    @Param('officialId') officialId: string,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { version } = await this.aggregates.execute(
      teamStream(teamId),
      teamDecider,
      { type: 'RemoveTeamMember', teamId, officialId, removedOn: bangkokToday() },
      actorOf(caller),
    );
    return versioned(response, { teamId, officialId, version });
  }

  @Get(':teamId')
  @Allow('teams.read', TeamInPath)
  @ApiOperation({ summary: 'A team, its area and its members' })
  @ApiNotFoundResponse({ description: 'no such team' })
  async read(@Param('teamId') teamId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.aggregates.load(teamStream(teamId), teamDecider);
    if (state.status === 'notFormed') throw new NotFoundError('team', teamId);
    return versioned(response, { ...state, version });
  }
}
