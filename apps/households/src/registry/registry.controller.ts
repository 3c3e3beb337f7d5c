import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { HouseholdArea, RegistrationArea } from '../access/household-areas';
import type { Response } from 'express';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { bangkokToday } from '../command-handling/bangkok-today';
import { HandleHousehold, type HouseholdChange } from '../command-handling/handle-household';
import { HouseholdCommands } from '../command-handling/household-commands';
import { versioned } from '../command-handling/http-versions';
import { EraseBody, MoveBody, RegisterHouseholdBody, UpdateMembersBody } from './household-body';

const householdIdNamespace = '8d3f5a0e-2c71-4b1e-9f4a-1d6c2b7e9a10';

/** The id a registration gets: derived from its Idempotency-Key, so that a retry names the same household. */
export const householdIdFor = (idempotencyKey: string | undefined): string =>
  idempotencyKey ? uuidV5(`register:${idempotencyKey}`, householdIdNamespace) : uuidV7();

@ApiTags('registry')
@Controller('households')
export class RegistryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly household: HouseholdCommands,
  ) {}

  @Post()
  @Allow('households.register', RegistrationArea)
  @ApiOperation({ summary: 'Register a target household (pinpoint)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key registers once' })
  @ApiCreatedResponse({ description: 'registered; ETag is its version' })
  @ApiConflictResponse({ description: 'a national ID is already registered in another household (named)' })
  async register(
    @Body() body: RegisterHouseholdBody,
    @Caller() caller: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    const householdId = householdIdFor(idempotencyKey);
    const change = await this.commands.execute<HandleHousehold, HouseholdChange>(
      new HandleHousehold(
        householdId,
        0,
        { type: 'RegisterHousehold', householdId, source: body.source, address: body.address, members: body.members, today: bangkokToday() },
        actorOf(caller),
        idempotencyKey,
      ),
    );
    response.setHeader('Location', `/households/${householdId}`);
    return versioned(response, change);
  }

  @Put(':householdId/members')
  @Allow('households.updateMembers', HouseholdArea)
  @ApiOperation({ summary: 'Replace the member list (history is kept in the timeline)' })
  @ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
  updateMembers(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: UpdateMembersBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return this.household.change(
      { householdId, ifMatch, actor: actorOf(caller), response },
      { type: 'UpdateMembers', members: body.members, reason: body.reason, today: bangkokToday() },
    );
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
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return this.household.change({ householdId, ifMatch, actor: actorOf(caller), response }, { type: 'MoveHousehold', to: body.to, movedOn: body.movedOn });
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
    @Caller() caller: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<{ householdId: string; version: number }> {
    const { version } = await this.commands.execute<HandleHousehold, HouseholdChange>(
      new HandleHousehold(householdId, 'current', { type: 'EraseHousehold', ...body }, actorOf(caller), idempotencyKey),
    );
    return { householdId, version };
  }
}
