import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { errorOf, refusalOf, type Refusal } from '@khu-siao/decider';
import { StreamConflictError } from '@khu-siao/event-store';
import { Clock, KnownHouseholds, ProcessRunner, type CommandContext, type CommandOutcome, type StepTaker } from '@khu-siao/service-runtime';
import {
  centreFactsOf,
  grantAward,
  grantAwardOf,
  programmeFactsOf,
  type BudgetState,
  type GrantAssistance,
  type GrantAwardInput,
  type GrantAwardOutcome,
  type GrantAwardStep,
  type GrantState,
  type Recipient,
} from '@khu-siao/welfare-payments-domain';
import { HandleBudget } from '../budget/budget.handler';
import { CentreHandler } from '../centre/centre.handler';
import { ProgrammeHandler } from '../programme/programme.handler';
import { GrantHandler, HandleGrant } from './grant.handler';

const grantIdNamespace = '3c9e2b71-5d4a-4f8e-a1b6-7c0d9e8f2a13';

export interface GrantRequest {
  readonly programmeId: string;
  readonly centreId: string;
  readonly recipient: Recipient;
  readonly amount?: number;
  readonly reason: string;
}

export interface GrantAwarded {
  readonly grantId: string;
  readonly budgetId: string;
  readonly version: number;
  readonly status: 'awaitingPayment';
  readonly amount: number;
}

/**
 * Awards grants through the `grant-award` process: the approval is decided on the grant first (refused before any
 * budget is touched), then the runner reserves, records and — if the grant is refused — releases, each step under
 * an idempotency key of its own, so a step taken again after a crash changes nothing twice. A grant's id comes
 * from the caller's Idempotency-Key when there is one: a retry takes up the same award and answers its outcome.
 */
@Injectable()
export class GrantAward implements OnApplicationBootstrap {
  constructor(
    private readonly bus: CommandBus,
    private readonly runner: ProcessRunner,
    private readonly clock: Clock,
    private readonly grants: GrantHandler,
    private readonly programmes: ProgrammeHandler,
    private readonly centres: CentreHandler,
    private readonly households: KnownHouseholds,
  ) {}

  /** The awards a crash cut off are completed (or compensated) before the service takes requests. */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.resumeUnended(grantAward, this.take);
  }

  async award(request: GrantRequest, context: CommandContext): Promise<GrantAwarded> {
    const grantId = context.idempotency ? uuidV5(`grant:${context.idempotency.key}`, grantIdNamespace) : uuidV7();
    // Only a key's grant may exist already: a fresh id has no stream to read.
    const [approval, current] = await Promise.all([this.approval(grantId, request, context), context.idempotency ? this.grants.load(grantId) : null]);
    const input = grantAwardOf(approval, current?.state ?? { status: 'none' }, context.actor);
    const { grant, refusal, input: awarded } = await this.runner.run(grantAward, grantId, input, this.take, { request: context.idempotency?.fingerprint });
    if (grant.status === 'recorded') return { grantId, budgetId: awarded.budgetId, version: grant.version, status: 'awaitingPayment', amount: awarded.amount };
    throw refusal ? errorOf(refusal) : new Error(`the award of grant ${grantId} ended without its grant`);
  }

  /** The approval with the facts the domain decides on: the programme, and whether the recipient exists (or was erased). */
  private async approval(grantId: string, request: GrantRequest, context: CommandContext): Promise<GrantAssistance> {
    const { programmeId, centreId, recipient, amount, reason } = request;
    const [programme, found] = await Promise.all([this.programmes.load(programmeId), this.recipient(recipient)]);
    return {
      type: 'GrantAssistance',
      grantId,
      programmeId,
      programme: programmeFactsOf(programme.state),
      centreId,
      recipient,
      recipientFound: found !== 'unknown',
      recipientErased: found === 'erased',
      ...(amount === undefined ? {} : { amount }),
      reason,
      approvedBy: context.actor.id,
      grantedAt: this.clock.now(),
    };
  }

  private async recipient(recipient: Recipient): Promise<'known' | 'erased' | 'unknown'> {
    if (recipient.kind === 'household') {
      const household = await this.households.of(recipient.householdId);
      return household === null ? 'unknown' : household.status === 'erased' ? 'erased' : 'known';
    }
    return centreFactsOf((await this.centres.load(recipient.centreId)).state) === null ? 'unknown' : 'known';
  }

  private readonly take: StepTaker<GrantAwardInput, GrantAwardStep, GrantAwardOutcome> = async (step, input) => {
    const { grantId } = input.grant;
    const context = { actor: input.approvedBy, idempotency: { key: `grant-award:${grantId}#${step.type}`, fingerprint: grantId } };
    switch (step.type) {
      case 'reserve':
        try {
          await this.bus.execute<HandleBudget, CommandOutcome<BudgetState>>(new HandleBudget(input.budgetId, step.command, context));
          return { type: 'reserved' };
        } catch (error) {
          // A budget still contended after every retry refuses the award: the client may ask again.
          const refusal = error instanceof StreamConflictError ? busy(input.budgetId) : refusalOf(error);
          if (!refusal) throw error;
          return { type: 'reservationRefused', refusal };
        }
      case 'record':
        try {
          const outcome = await this.bus.execute<HandleGrant, CommandOutcome<GrantState>>(new HandleGrant(grantId, step.command, context));
          return { type: 'recorded', version: outcome.version };
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          return { type: 'grantRefused', refusal, at: this.clock.now() };
        }
      case 'release':
        await this.bus.execute<HandleBudget, CommandOutcome<BudgetState>>(new HandleBudget(input.budgetId, step.command, context));
        return { type: 'released' };
    }
  };
}

function busy(budgetId: string): Refusal {
  return { kind: 'illegalState', message: `budget ${budgetId} is taken by other grants at this moment: try again` };
}
