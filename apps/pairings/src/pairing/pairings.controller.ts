import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { pairingDecider, pairingHistory } from '@khu-siao/pairings-domain';
import type { Principal } from '@khu-siao/security';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import { HouseholdInPath } from '../access/household-area';
import { Aggregates, pairingStream } from '../command-handling/aggregates';
import { versioned } from '../command-handling/http-edges';
import { PairingProtocol } from './pairing-protocol';

const idPattern = /^[A-Za-z0-9._-]{1,100}$/;

export class PairBody {
  @ApiProperty({ example: 'official-7' }) @Matches(idPattern, { message: 'must be an official id' }) officialId!: string;
}

export class ReassignBody extends PairBody {
  @ApiProperty({ example: 'transferred to another district' }) @IsString() @Length(1, 500) reason!: string;
}

export class UnpairBody {
  @ApiProperty({ example: 'case closed' }) @IsString() @Length(1, 500) reason!: string;
}

@ApiTags('pairings')
// Pairing, handing over and ending are one operation; the history is read by those who pair.
@Allow('pairings.pair', HouseholdInPath)
@Controller('households/:householdId/buddy')
export class PairingsController {
  constructor(
    private readonly protocol: PairingProtocol,
    private readonly aggregates: Aggregates,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Pair a buddy official with a household (one buddy at a time, a caseload limit per official)' })
  @ApiCreatedResponse({ description: 'paired; ETag is the household pairing stream version' })
  @ApiNotFoundResponse({ description: 'unknown household or official' })
  @ApiConflictResponse({ description: 'the household already has a buddy or its case is finished, or the official is at the caseload limit' })
  async pair(
    @Param('householdId') householdId: string,
    @Body() body: PairBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versioned(response, await this.protocol.pair(householdId, body.officialId, actorOf(caller)));
  }

  @Post('reassignments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the household to another official; the ended pairing stays in the history' })
  @ApiOkResponse({ description: 'reassigned' })
  async reassign(
    @Param('householdId') householdId: string,
    @Body() body: ReassignBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versioned(response, await this.protocol.reassign(householdId, body.officialId, body.reason, actorOf(caller)));
  }

  @Post('end')
  @HttpCode(200)
  @ApiOperation({ summary: "End the household's current pairing" })
  @ApiOkResponse({ description: 'unpaired' })
  async unpair(
    @Param('householdId') householdId: string,
    @Body() body: UnpairBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versioned(response, await this.protocol.unpair(householdId, body.reason, actorOf(caller)));
  }

  @Get('history')
  @ApiOperation({ summary: "The household's buddy history, oldest first, the current pairing last" })
  async history(@Param('householdId') householdId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.aggregates.load(pairingStream(householdId), pairingDecider);
    return versioned(response, { householdId, version, current: state.current, pairings: pairingHistory(state) });
  }
}
