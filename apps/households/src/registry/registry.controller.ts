import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { bangkokToday } from '../command-handling/bangkok-today';
import { HandleHousehold, type HouseholdChange } from '../command-handling/handle-household';
import { HouseholdCommands } from '../command-handling/household-commands';
import { actorFrom, versioned } from '../command-handling/http-versions';
import { MoveBody, RegisterHouseholdBody, UpdateMembersBody } from './household-body';

const householdIdNamespace = '8d3f5a0e-2c71-4b1e-9f4a-1d6c2b7e9a10';

@ApiTags('registry')
@ApiHeader({ name: 'x-client-id', required: false, description: 'the integrating client, kept as the actor' })
@Controller('households')
export class RegistryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly household: HouseholdCommands,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a target household (pinpoint)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key registers once' })
  @ApiCreatedResponse({ description: 'registered; ETag is its version' })
  @ApiConflictResponse({ description: 'a national ID is already registered in another household (named)' })
  async register(
    @Body() body: RegisterHouseholdBody,
    @Headers('x-client-id') clientId: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    const householdId = idempotencyKey ? uuidV5(`register:${idempotencyKey}`, householdIdNamespace) : uuidV7();
    const change = await this.commands.execute<HandleHousehold, HouseholdChange>(
      new HandleHousehold(
        householdId,
        0,
        { type: 'RegisterHousehold', householdId, source: body.source, address: body.address, members: body.members, today: bangkokToday() },
        actorFrom(clientId),
        idempotencyKey,
      ),
    );
    response.setHeader('Location', `/households/${householdId}`);
    return versioned(response, change);
  }

  @Put(':householdId/members')
  @ApiOperation({ summary: 'Replace the member list (history is kept in the timeline)' })
  @ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
  updateMembers(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: UpdateMembersBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-client-id') clientId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return this.household.change(
      { householdId, ifMatch, clientId, response },
      { type: 'UpdateMembers', members: body.members, reason: body.reason, today: bangkokToday() },
    );
  }

  @Post(':householdId/moves')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a move to another area (or correct the address)' })
  @ApiHeader({ name: 'if-match', required: true, description: 'the household version last read' })
  move(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() body: MoveBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-client-id') clientId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdChange> {
    return this.household.change({ householdId, ifMatch, clientId, response }, { type: 'MoveHousehold', to: body.to, movedOn: body.movedOn });
  }
}
