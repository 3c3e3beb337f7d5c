import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { NotFoundError } from '@khu-siao/decider';
import { disbursementReceipt, grantDecider, type GrantCommand, type GrantState, type Recipient } from '@khu-siao/welfare-payments-domain';
import { bangkokNow } from '../command-handling/clock';
import { idempotencyKeyFrom, optionalExpectedVersion } from '../command-handling/http-edges';
import { grantStream } from '../command-handling/streams';
import { WelfareCommands, outcomeOf } from '../command-handling/welfare-commands';
import { WelfareRecords } from '../reading/welfare-records';
import { Allow, Caller, actorOf } from '@khu-siao/service-runtime';
import type { Principal } from '@khu-siao/security';
import { ConfirmationBody, DisburseBody, GrantAssistanceBody, ReasonBody } from './bodies';
import { GrantCentre, PayingCentreInBody } from './welfare-areas';

const grantIdNamespace = '3c9e2b71-5d4a-4f8e-a1b6-7c0d9e8f2a13';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantsController {
  constructor(
    private readonly commands: WelfareCommands,
    private readonly records: WelfareRecords,
  ) {}

  @Post()
  @Allow('grants.award', PayingCentreInBody)
  @ApiOperation({ summary: 'Grant assistance to a household or a centre: reserves it on the centre budget, then records it' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key grants once' })
  @ApiCreatedResponse({ description: 'granted; ETag is the grant version' })
  @ApiBadRequestResponse({ description: 'an amount that is not whole positive satang, or not the standard amount' })
  @ApiNotFoundResponse({ description: 'unknown programme, household, centre or budget' })
  @ApiConflictResponse({ description: 'the budget has not enough left, or the programme is closed' })
  async grant(
    @Body() body: GrantAssistanceBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = idempotencyKeyFrom(idempotencyKey, false);
    const grantId = key ? uuidV5(`grant:${key}`, grantIdNamespace) : uuidV7();
    const recipient = (
      body.recipient.kind === 'household'
        ? { kind: 'household', householdId: body.recipient.householdId }
        : { kind: body.recipient.kind, centreId: body.recipient.centreId }
    ) as Recipient;
    const outcome = await this.commands.grant(
      { grantId, programmeId: body.programmeId, centreId: body.centreId, recipient, amount: body.amount, reason: body.reason },
      actorOf(caller),
    );
    response.setHeader('ETag', `"${outcome.version}"`);
    response.setHeader('Location', `/grants/${grantId}`);
    return outcome;
  }

  @Get(':grantId')
  @Allow('grants.read', GrantCentre)
  @ApiOperation({ summary: 'A grant with its payment attempts' })
  @ApiNotFoundResponse({ description: 'no such grant' })
  async read(@Param('grantId') grantId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.records.grant(grantId);
    response.setHeader('ETag', `"${version}"`);
    return { version, ...state };
  }

  @Post(':grantId/cancellation')
  @Allow('grants.cancel', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a grant no money is out for; frees its budget reservation' })
  @ApiHeader({ name: 'if-match', required: false, description: 'the grant version last read' })
  @ApiConflictResponse({ description: 'paid, in progress or already cancelled' })
  async cancel(
    @Param('grantId') grantId: string,
    @Body() body: ReasonBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.records.grant(grantId);
    const change = await this.commands.cancel(grantId, body.reason, actorOf(caller), optionalExpectedVersion(ifMatch));
    response.setHeader('ETag', `"${change.version}"`);
    return { grantId, version: change.version, status: change.state.status };
  }

  @Post(':grantId/disbursements')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pay a grant (with a reference: paid now; without: a transfer whose outcome is recorded later)',
    description: 'The same Idempotency-Key again returns the first outcome; of concurrent requests with different keys one pays, the others get 409.',
  })
  @ApiHeader({ name: 'idempotency-key', required: true, description: 'one key per payment request' })
  @ApiOkResponse({ description: 'the disbursement and the grant status' })
  @ApiConflictResponse({ description: 'already paid, cancelled, or another payment is in progress' })
  async disburse(
    @Param('grantId') grantId: string,
    @Body() body: DisburseBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const key = idempotencyKeyFrom(idempotencyKey, true) as string;
    const outcome = await this.commands.disburse(grantId, key, { method: body.method, reference: body.reference }, actorOf(caller));
    response.setHeader('ETag', `"${outcome.version}"`);
    return outcome;
  }

  @Post(':grantId/disbursements/:disbursementId/confirmation')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a transfer in progress was paid' })
  confirm(
    @Param('grantId') grantId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ConfirmationBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const by = actorOf(caller).id;
    return this.change(grantId, disbursementId, { type: 'ConfirmDisbursement', grantId, disbursementId, reference: body.reference, paidAt: bangkokNow(), paidBy: by }, caller, response);
  }

  @Post(':grantId/disbursements/:disbursementId/failure')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a transfer failed: the grant awaits payment again (retry with a new Idempotency-Key)' })
  fail(
    @Param('grantId') grantId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ReasonBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.change(grantId, disbursementId, { type: 'FailDisbursement', grantId, disbursementId, reason: body.reason, failedAt: bangkokNow() }, caller, response);
  }

  @Post(':grantId/disbursements/:disbursementId/reversal')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reverse a paid disbursement, with the reason: the grant awaits payment again' })
  @ApiConflictResponse({ description: 'the disbursement is not paid, or already reversed' })
  reverse(
    @Param('grantId') grantId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ReasonBody,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const by = actorOf(caller).id;
    return this.change(
      grantId,
      disbursementId,
      { type: 'ReverseDisbursement', grantId, disbursementId, reason: body.reason, reversedBy: by, reversedAt: bangkokNow() },
      caller,
      response,
    );
  }

  @Get(':grantId/disbursements/:disbursementId/receipt')
  @Allow('receipts.read', GrantCentre)
  @ApiOperation({ summary: 'The receipt of a paid disbursement, the amount in Thai words, the date in the Buddhist era' })
  @ApiNotFoundResponse({ description: 'no such grant, or the disbursement never paid' })
  async receipt(@Param('grantId') grantId: string, @Param('disbursementId') disbursementId: string) {
    const { state } = await this.records.grant(grantId);
    const receipt = state.status === 'none' ? null : disbursementReceipt(state, disbursementId);
    if (!receipt) throw new NotFoundError('receipt of disbursement', disbursementId);
    return receipt;
  }

  private async change(grantId: string, disbursementId: string, command: GrantCommand, caller: Principal, response: Response) {
    await this.records.grant(grantId);
    const change = await this.commands.decide<GrantState>(grantStream(grantId), grantDecider, [command], actorOf(caller), { retries: 5 });
    response.setHeader('ETag', `"${change.version}"`);
    return outcomeOf(change, disbursementId);
  }
}
