import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { fold, NotFoundError } from '@khu-siao/decider';
import { EventStore } from '@khu-siao/event-store';
import {
  availableOf,
  budgetDecider,
  budgetIdFor,
  programmeDecider,
  reservedOf,
  type BudgetCommand,
  type BudgetEvent,
  type ProgrammeCommand,
  type ProgrammeEvent,
} from '@khu-siao/welfare-payments-domain';
import { bangkokNow } from '../command-handling/clock';
import { optionalExpectedVersion } from '../command-handling/http-edges';
import { budgetStream, programmeStream } from '../command-handling/streams';
import { WelfareCommands } from '../command-handling/welfare-commands';
import { CentreRegister } from '../reading/centre-register';
import { WelfareRecords } from '../reading/welfare-records';
import { Allow, Caller, NoArea, actorOf } from '@khu-siao/service-runtime';
import type { Principal } from '@khu-siao/security';
import { AllocateBudgetBody, BudgetMovementBody, DefineProgrammeBody } from './bodies';
import { BudgetCentre, KhonKaen, PayingCentreInBody } from './welfare-areas';

@ApiTags('programmes and budgets')
@ApiBearerAuth()
@Controller()
export class ProgrammesBudgetsController {
  constructor(
    private readonly commands: WelfareCommands,
    private readonly records: WelfareRecords,
    private readonly centres: CentreRegister,
    private readonly store: EventStore,
  ) {}

  @Post('programmes')
  @Allow('programmes.manage', KhonKaen)
  @ApiOperation({ summary: 'Define an assistance programme (who it pays, its standard amount)' })
  @ApiCreatedResponse({ description: 'defined; ETag is its version' })
  @ApiConflictResponse({ description: 'the programme is already defined' })
  async defineProgramme(
    @Body() body: DefineProgrammeBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const actor = actorOf(caller);
    const command: ProgrammeCommand = {
      type: 'DefineProgramme',
      programmeId: body.programmeId,
      name: body.name,
      kind: body.kind,
      recipients: body.recipients,
      ...(body.standardAmount === undefined ? {} : { standardAmount: body.standardAmount }),
      definedBy: actor.id,
      definedAt: bangkokNow(),
    };
    const change = await this.commands.decide(programmeStream(body.programmeId), programmeDecider, [command], actor);
    response.setHeader('ETag', `"${change.version}"`);
    response.setHeader('Location', `/programmes/${body.programmeId}`);
    return { programmeId: body.programmeId, version: change.version };
  }

  @Get('programmes/:programmeId')
  @Allow('programmes.read', NoArea)
  @ApiOperation({ summary: 'A programme' })
  @ApiNotFoundResponse({ description: 'no such programme' })
  async programme(@Param('programmeId') programmeId: string, @Res({ passthrough: true }) response: Response) {
    const { version, events } = await this.store.readStream(programmeStream(programmeId));
    if (version === 0) throw new NotFoundError('programme', programmeId);
    response.setHeader('ETag', `"${version}"`);
    return { version, ...fold(programmeDecider, events as unknown as ProgrammeEvent[]) };
  }

  @Post('budgets')
  @Allow('budgets.manage', PayingCentreInBody)
  @ApiOperation({ summary: "Allocate a centre's budget for a programme in a fiscal year" })
  @ApiCreatedResponse({ description: 'allocated; the budget id is centre:FYyyyy:programme' })
  @ApiNotFoundResponse({ description: 'a centre not on the register, or an unknown programme' })
  @ApiConflictResponse({ description: 'already allocated (top it up instead), or the centre or the programme is closed' })
  async allocate(
    @Body() body: AllocateBudgetBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const actor = actorOf(caller);
    const budgetId = budgetIdFor(body);
    const command: BudgetCommand = {
      type: 'AllocateBudget',
      centreId: body.centreId,
      centre: await this.centres.facts(body.centreId),
      ...(body.centreKind === undefined ? {} : { centreKind: body.centreKind }),
      fiscalYear: body.fiscalYear,
      programmeId: body.programmeId,
      programme: await this.records.programmeFacts(body.programmeId),
      amount: body.amount,
      allocatedBy: actor.id,
      allocatedAt: bangkokNow(),
    };
    // Validated before the centre is noted, so a refused allocation leaves nothing behind.
    budgetDecider.decide(command, budgetDecider.initialState());
    await this.records.noteBudget(budgetId, body.centreId);
    const change = await this.commands.decide(budgetStream(budgetId), budgetDecider, [command], actor);
    response.setHeader('ETag', `"${change.version}"`);
    response.setHeader('Location', `/budgets/${budgetId}`);
    return { budgetId, version: change.version };
  }

  @Post('budgets/:budgetId/top-ups')
  @Allow('budgets.manage', BudgetCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Top up a budget' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the budget version last read' })
  @ApiOkResponse({ description: 'topped up; ETag is the new version' })
  topUp(
    @Param('budgetId') budgetId: string,
    @Body() body: BudgetMovementBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move('TopUpBudget', budgetId, body, ifMatch, caller, response);
  }

  @Post('budgets/:budgetId/withdrawals')
  @Allow('budgets.manage', BudgetCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw unreserved funds from a budget' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the budget version last read' })
  @ApiConflictResponse({ description: 'the budget has less left than the withdrawal' })
  withdraw(
    @Param('budgetId') budgetId: string,
    @Body() body: BudgetMovementBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.move('WithdrawFromBudget', budgetId, body, ifMatch, caller, response);
  }

  @Get('budgets/:budgetId')
  @Allow('budgets.read', BudgetCentre)
  @ApiOperation({ summary: 'A budget: funded, reserved by grants, available' })
  @ApiNotFoundResponse({ description: 'no such budget' })
  async budget(@Param('budgetId') budgetId: string, @Res({ passthrough: true }) response: Response) {
    const { version, events } = await this.store.readStream(budgetStream(budgetId));
    const state = fold(budgetDecider, events as unknown as BudgetEvent[]);
    if (state.status === 'unallocated') throw new NotFoundError('budget', budgetId);
    response.setHeader('ETag', `"${version}"`);
    const { reservations: _reservations, released: _released, ...budget } = state;
    return { ...budget, version, reserved: reservedOf(state), available: availableOf(state), grants: Object.keys(state.reservations).length };
  }

  private async move(
    type: 'TopUpBudget' | 'WithdrawFromBudget',
    budgetId: string,
    body: BudgetMovementBody,
    ifMatch: string | undefined,
    caller: Principal,
    response: Response,
  ) {
    const actor = actorOf(caller);
    const command: BudgetCommand = { type, budgetId, amount: body.amount, reason: body.reason, by: actor.id, at: bangkokNow() };
    const change = await this.commands.decide(budgetStream(budgetId), budgetDecider, [command], actor, {
      expectedVersion: optionalExpectedVersion(ifMatch),
      retries: 10,
    });
    response.setHeader('ETag', `"${change.version}"`);
    return { budgetId, version: change.version };
  }
}
