import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Clock, CommandContext, withETag } from '@khu-siao/service-runtime';
import { AccessLoad, HouseholdArea, RegistrationArea } from './household-area';
import { EraseBody, MoveBody, RegisterHouseholdBody, UpdateMembersBody } from './household-body';
import { changeAsLastRead, changeHousehold, type HouseholdChange } from './household-change';
import { HandleHousehold, householdIdFor, type LoadedHousehold } from './household.handler';

/** Who the household is and where it lives: registration, members, moves, and erasure of its personal data. */
@ApiTags('registry')
@Controller('households')
export class RegistryController {
  constructor(
    private readonly bus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('households.register', RegistrationArea)
  @ApiOperation({ summary: 'Register a target household (pinpoint)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key and body registers once; another body is refused' })
  @ApiCreatedResponse({ description: 'registered; ETag is its version' })
  @ApiConflictResponse({ description: 'a national ID is already registered in another household (named)' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used before with another body' })
  async register(
    @Body() body: RegisterHouseholdBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    const householdId = householdIdFor(context.idempotency?.key);
    const { source, address, members } = body;
    const command = { type: 'RegisterHousehold', householdId, source, address, members, today: this.clock.today() } as const;
    const change = await changeHousehold(this.bus, new HandleHousehold(householdId, command, context, 0));
    response.setHeader('Location', `/households/${householdId}`);
    return withETag(response, change);
  }

  @Put(':householdId/members')
  @Allow('households.updateMembers', HouseholdArea)
  @ApiOperation({ summary: 'Replace the member list (history is kept in the timeline)' })
  @ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
  updateMembers(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: UpdateMembersBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    const command = { type: 'UpdateMembers', members: body.members, reason: body.reason, today: this.clock.today() } as const;
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, command);
  }

  @Post(':householdId/moves')
  @Allow('households.move', HouseholdArea)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a move to another area (or correct the address)' })
  @ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
  move(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: MoveBody,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    const command = { type: 'MoveHousehold', to: body.to, movedOn: body.movedOn } as const;
    return changeAsLastRead(this.bus, { householdId, ifMatch, context, loaded, response }, command);
  }

  @Post(':householdId/erasure')
  @HttpCode(200)
  @Allow('households.erase', HouseholdArea)
  @ApiOperation({
    summary: "Erase the household's personal data (PDPA): its data key is destroyed, its figures stay",
    description: 'Allowed once, whatever the case status; a second erasure is refused with 409.',
  })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key is answered, and finishes the erasure' })
  @ApiOkResponse({ description: 'erased' })
  async erase(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: EraseBody,
    @CommandContext('optional') context: CommandContext,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
  ): Promise<{ householdId: string; version: number }> {
    const { version } = await changeHousehold(this.bus, new HandleHousehold(householdId, { type: 'EraseHousehold', ...body }, context, 'any', loaded));
    return { householdId, version };
  }
}
