import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, optional } from '@khu-siao/decider';
import type { TeamCommand, TeamState } from '@khu-siao/pairings-domain';
import { Allow, Clock, CommandContext, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { OfficialHandler } from '../official/official.handler';
import { newIdFor } from '../request-ids';
import { TeamInBody, TeamInPath } from './team-area';
import { AddTeamMemberBody, FormTeamBody } from './team-body';
import { HandleTeam, TeamHandler } from './team.handler';

@ApiTags('teams')
@Controller('teams')
export class TeamController {
  constructor(
    private readonly bus: CommandBus,
    private readonly teams: TeamHandler,
    private readonly officials: OfficialHandler,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('teams.manage', TeamInBody)
  @ApiOperation({ summary: 'Form an operational or mentor team for a district, or one tambon of it' })
  @ApiCreatedResponse({ description: 'formed; ETag is the team version' })
  @ApiBadRequestResponse({ description: 'each field at fault named' })
  async form(@Body() body: FormTeamBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const teamId = newIdFor('team', context);
    const area = { districtCode: body.area.districtCode, ...optional('tambonCode', body.area.tambonCode) };
    const command = { type: 'FormTeam', teamId, kind: body.kind, name: body.name, area, formedOn: this.clock.today() } as const;
    const { version } = await this.execute(teamId, command, context);
    response.setHeader('Location', `/teams/${teamId}`);
    return withETag(response, { teamId, version });
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
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { officialId, role } = body;
    const { state: official } = await this.officials.load(officialId);
    const command = { type: 'AddTeamMember', teamId, officialId, officialEnrolled: official.status !== 'notEnrolled', role, addedOn: this.clock.today() } as const;
    const { version } = await this.execute(teamId, command, context);
    return withETag(response, { teamId, officialId, version });
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
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { version } = await this.execute(teamId, { type: 'RemoveTeamMember', teamId, officialId, removedOn: this.clock.today() }, context);
    return withETag(response, { teamId, officialId, version });
  }

  @Get(':teamId')
  @Allow('teams.read', TeamInPath)
  @ApiOperation({ summary: 'A team, its area and its members' })
  @ApiNotFoundResponse({ description: 'no such team' })
  async read(@Param('teamId') teamId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.teams.load(teamId);
    if (state.status === 'notFormed') throw new NotFoundError('team', teamId);
    return withETag(response, { ...state, version });
  }

  private execute(teamId: string, command: TeamCommand, context: CommandContext) {
    return this.bus.execute<HandleTeam, CommandOutcome<TeamState>>(new HandleTeam(teamId, command, context));
  }
}
