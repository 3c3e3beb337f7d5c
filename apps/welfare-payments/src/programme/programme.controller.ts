import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { Allow, Clock, CommandContext, NoArea, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import type { ProgrammeState } from '@khu-siao/welfare-payments-domain';
import { KhonKaen } from '../centre/centre-area';
import { DefineProgrammeBody } from './programme-body';
import { HandleProgramme, ProgrammeHandler } from './programme.handler';

@ApiTags('programmes and budgets')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammeController {
  constructor(
    private readonly bus: CommandBus,
    private readonly programmes: ProgrammeHandler,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('programmes.manage', KhonKaen)
  @ApiOperation({ summary: 'Define an assistance programme (who it pays, its standard amount)' })
  @ApiCreatedResponse({ description: 'defined; ETag is its version' })
  @ApiConflictResponse({ description: 'the programme is already defined' })
  async define(@Body() body: DefineProgrammeBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const { programmeId, name, kind, recipients, standardAmount } = body;
    const command = {
      type: 'DefineProgramme',
      programmeId,
      name,
      kind,
      recipients,
      ...(standardAmount === undefined ? {} : { standardAmount }),
      definedBy: context.actor.id,
      definedAt: this.clock.now(),
    } as const;
    const outcome = await this.bus.execute<HandleProgramme, CommandOutcome<ProgrammeState>>(new HandleProgramme(programmeId, command, context));
    response.setHeader('Location', `/programmes/${programmeId}`);
    return withETag(response, { programmeId, version: outcome.version });
  }

  @Get(':programmeId')
  @Allow('programmes.read', NoArea)
  @ApiOperation({ summary: 'A programme' })
  @ApiNotFoundResponse({ description: 'no such programme' })
  async programme(@Param('programmeId') programmeId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.programmes.load(programmeId);
    if (state.status === 'undefined') throw new NotFoundError('programme', programmeId);
    return withETag(response, { version, ...state });
  }
}
