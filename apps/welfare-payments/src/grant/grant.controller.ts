import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { Allow, Clock, CommandContext, expectedVersionOf, withETag, type CommandOutcome } from '@khu-siao/service-runtime';
import { disbursementReceipt, type GrantCommand, type GrantState, type Recipient } from '@khu-siao/welfare-payments-domain';
import { PayingCentreInBody } from '../centre/centre-area';
import { disbursementIdOf, disbursementOutcome } from './disbursement';
import { GrantCentre } from './grant-area';
import { GrantAward } from './grant-award.process';
import { ConfirmationBody, DisburseBody, GrantAssistanceBody, ReasonBody } from './grant-body';
import { GrantCancellation } from './grant-cancellation.process';
import { GrantHandler, HandleGrant, PayGrant } from './grant.handler';

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants')
export class GrantController {
  constructor(
    private readonly bus: CommandBus,
    private readonly awards: GrantAward,
    private readonly cancellations: GrantCancellation,
    private readonly grants: GrantHandler,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('grants.award', PayingCentreInBody)
  @ApiOperation({ summary: 'Grant assistance to a household or a centre: reserves it on the centre budget, then records it' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'a retry with the same key grants once' })
  @ApiCreatedResponse({ description: 'granted; ETag is the grant version' })
  @ApiBadRequestResponse({ description: 'an amount that is not whole positive satang, or not the standard amount' })
  @ApiNotFoundResponse({ description: 'unknown programme, household, centre or budget' })
  @ApiConflictResponse({ description: 'the budget has not enough left, or the programme is closed' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used for another request' })
  async grant(@Body() body: GrantAssistanceBody, @CommandContext('optional') context: CommandContext, @Res({ passthrough: true }) response: Response) {
    const { kind, householdId = '', centreId = '' } = body.recipient;
    const recipient: Recipient = kind === 'household' ? { kind, householdId } : { kind, centreId };
    const { programmeId, amount, reason } = body;
    const awarded = await this.awards.award({ programmeId, centreId: body.centreId, recipient, amount, reason }, context);
    response.setHeader('Location', `/grants/${awarded.grantId}`);
    return withETag(response, awarded);
  }

  @Get(':grantId')
  @Allow('grants.read', GrantCentre)
  @ApiOperation({ summary: 'A grant with its payment attempts' })
  @ApiNotFoundResponse({ description: 'no such grant' })
  async read(@Param('grantId') grantId: string, @Res({ passthrough: true }) response: Response) {
    const { version, state } = await this.grants.load(grantId);
    if (state.status === 'none') throw new NotFoundError('grant', grantId);
    return withETag(response, { version, ...state });
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
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(response, await this.cancellations.cancel(grantId, body.reason, context, expectedVersionOf(ifMatch, 'optional', 'grant')));
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
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used for another request' })
  async disburse(
    @Param('grantId') grantId: string,
    @Body() body: DisburseBody,
    @CommandContext('required') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const disbursementId = disbursementIdOf(context);
    const now = this.clock.now();
    const by = context.actor.id;
    const commands: GrantCommand[] = [{ type: 'StartDisbursement', grantId, disbursementId, method: body.method, requestedBy: by, requestedAt: now }];
    if (body.reference !== undefined) commands.push({ type: 'ConfirmDisbursement', grantId, disbursementId, reference: body.reference, paidAt: now, paidBy: by });
    const outcome = await this.bus.execute<PayGrant, CommandOutcome<GrantState>>(new PayGrant(grantId, commands, context));
    return withETag(response, disbursementOutcome(outcome, disbursementId));
  }

  @Post(':grantId/disbursements/:disbursementId/confirmation')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a transfer in progress was paid' })
  confirm(
    @Param('grantId') grantId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ConfirmationBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'ConfirmDisbursement', grantId, disbursementId, reference: body.reference, paidAt: this.clock.now(), paidBy: context.actor.id } as const;
    return this.record(grantId, disbursementId, command, context, response);
  }

  @Post(':grantId/disbursements/:disbursementId/failure')
  @Allow('disbursements.record', GrantCentre)
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that a transfer failed: the grant awaits payment again (retry with a new Idempotency-Key)' })
  fail(
    @Param('grantId') grantId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ReasonBody,
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'FailDisbursement', grantId, disbursementId, reason: body.reason, failedAt: this.clock.now() } as const;
    return this.record(grantId, disbursementId, command, context, response);
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
    @CommandContext('optional') context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const command = { type: 'ReverseDisbursement', grantId, disbursementId, reason: body.reason, reversedBy: context.actor.id, reversedAt: this.clock.now() } as const;
    return this.record(grantId, disbursementId, command, context, response);
  }

  @Get(':grantId/disbursements/:disbursementId/receipt')
  @Allow('receipts.read', GrantCentre)
  @ApiOperation({ summary: 'The receipt of a paid disbursement, the amount in Thai words, the date in the Buddhist era' })
  @ApiNotFoundResponse({ description: 'no such grant, or the disbursement never paid' })
  async receipt(@Param('grantId') grantId: string, @Param('disbursementId') disbursementId: string) {
    const { state } = await this.grants.load(grantId);
    if (state.status === 'none') throw new NotFoundError('grant', grantId);
    const receipt = disbursementReceipt(state, disbursementId);
    if (!receipt) throw new NotFoundError('receipt of disbursement', disbursementId);
    return receipt;
  }

  /** A disbursement's outcome (confirmed, failed, reversed), recorded on the grant. */
  private async record(grantId: string, disbursementId: string, command: GrantCommand, context: CommandContext, response: Response) {
    const outcome = await this.bus.execute<HandleGrant, CommandOutcome<GrantState>>(new HandleGrant(grantId, command, context));
    return withETag(response, disbursementOutcome(outcome, disbursementId));
  }
}
