import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pairingHistory } from '@khu-siao/pairings-domain';
import { Allow, CommandContext, withETag } from '@khu-siao/service-runtime';
import { HouseholdInPath } from '../household/household-area';
import { PairBody, ReassignBody, UnpairBody } from './pairing-body';
import { PairingHandler } from './pairing.handler';
import { PairingProtocolRunner } from './pairing.process';

const keyHeader = { name: 'idempotency-key', required: false, description: 'a retry with the same key answers the outcome of the first request' };

@ApiTags('pairings')
// Pairing, handing over and ending are one operation; the history is read by those who pair.
@Allow('pairings.pair', HouseholdInPath)
@Controller('households/:householdId/buddy')
export class PairingController {
  constructor(
    private readonly protocol: PairingProtocolRunner,
    private readonly pairings: PairingHandler,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Pair a buddy official with a household (one buddy at a time, a caseload limit per official)' })
  @ApiHeader(keyHeader)
  @ApiCreatedResponse({ description: 'paired; ETag is the household pairing stream version' })
  @ApiNotFoundResponse({ description: 'unknown household or official' })
  @ApiConflictResponse({ description: 'the household already has a buddy or its case is finished, or the official is at the caseload limit' })
  async pair(
    @Param('householdId') householdId: string,
    @Body() body: PairBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.protocol.change({ kind: 'pair', householdId, officialId: body.officialId }, context));
  }

  @Post('reassignments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the household to another official; the ended pairing stays in the history' })
  @ApiHeader(keyHeader)
  @ApiOkResponse({ description: 'reassigned' })
  async reassign(
    @Param('householdId') householdId: string,
    @Body() body: ReassignBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.protocol.change({ kind: 'reassign', householdId, officialId: body.officialId, reason: body.reason }, context));
  }

  @Post('end')
  @HttpCode(200)
  @ApiOperation({ summary: "End the household's current pairing" })
  @ApiHeader(keyHeader)
  @ApiOkResponse({ description: 'unpaired' })
  async unpair(
    @Param('householdId') householdId: string,
    @Body() body: UnpairBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.protocol.change({ kind: 'unpair', householdId, reason: body.reason }, context));
  }

  @Get()
  @ApiOperation({ summary: "The household's buddy now (null when it has none), for a client to tell what its request did" })
  async current(@Param('householdId') householdId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.pairings.load(householdId);
    return withETag(response, { householdId, version, current: state.current });
  }

  @Get('history')
  @ApiOperation({ summary: "The household's buddy history, oldest first, the current pairing last" })
  async history(@Param('householdId') householdId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.pairings.load(householdId);
    return withETag(response, { householdId, version, current: state.current, pairings: pairingHistory(state) });
  }
}
