import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Collection, Db } from 'mongodb';
import { v5 as uuidV5 } from 'uuid';
import type { Actor } from '@khu-siao/contracts';
import { IllegalStateError } from '@khu-siao/decider';
import { isDuplicateKeyError, type StreamRef } from '@khu-siao/event-store';
import { DATABASE } from '@khu-siao/service-runtime';
import {
  budgetDecider,
  grantBudgetId,
  grantDecider,
  type BudgetCommand,
  type GrantAssistance,
  type GrantCommand,
  type GrantState,
  type DisbursementMethod,
} from '@khu-siao/welfare-payments-domain';
import { CentreRegister } from '../reading/centre-register';
import { WelfareRecords } from '../reading/welfare-records';
import { bangkokNow } from './clock';
import { DecideOnStream, type DecideOptions, type StreamChange } from './decide-on-stream';
import { budgetStream, grantStream } from './streams';

const disbursementIdNamespace = 'b6a1d3c2-4e5f-4a7b-9c8d-0e1f2a3b4c5d';
/** Concurrent grants on one budget are serialised by its version: a loser reloads and decides again, this often. */
const reserveRetries = 30;

export interface GrantRequest {
  readonly grantId: string;
  readonly programmeId: string;
  readonly centreId: string;
  readonly recipient: GrantAssistance['recipient'];
  readonly amount?: number;
  readonly reason: string;
}

export interface GrantOutcome {
  readonly grantId: string;
  readonly budgetId: string;
  readonly version: number;
  readonly status: string;
  readonly amount: number;
}

export interface DisbursementOutcome {
  readonly grantId: string;
  readonly disbursementId: string;
  readonly status: string;
  readonly outcome: string;
  readonly amount: number;
  readonly version: number;
}

interface DisbursementRequest {
  _id: string;
  grantId: string;
  state: 'pending' | 'done';
  outcome?: DisbursementOutcome;
  requestedAt: Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cross-aggregate rules of the context, enforced in the order the domain asks for. */
@Injectable()
export class WelfareCommands {
  private readonly requests: Collection<DisbursementRequest>;

  constructor(
    private readonly bus: CommandBus,
    private readonly records: WelfareRecords,
    private readonly centres: CentreRegister,
    @Inject(DATABASE) db: Db,
  ) {
    this.requests = db.collection<DisbursementRequest>('disbursement_requests');
  }

  decide<TState>(stream: StreamRef, decider: DecideOnStream['decider'], commands: readonly unknown[], actor: Actor, options: DecideOptions = {}) {
    return this.bus.execute<DecideOnStream, StreamChange<TState>>(new DecideOnStream(stream, decider, commands, actor, options));
  }

  /**
   * Grants assistance: decided first on the grant's current state without writing (so a bad amount, an unknown
   * programme or recipient is refused before any budget is touched), then reserved on the budget stream with its
   * expected version (reloaded and decided again on a conflict), then recorded on the grant's stream.
   */
  async grant(request: GrantRequest, actor: Actor): Promise<GrantOutcome> {
    const grantedAt = bangkokNow();
    const recipient = request.recipient;
    const householdStatus = recipient?.kind === 'household' ? await this.records.householdStatus(recipient.householdId) : null;
    const recipientFound =
      recipient?.kind === 'household'
        ? householdStatus !== null
        : recipient?.kind === 'centre'
          ? (await this.centres.facts(recipient.centreId)) !== null
          : false;
    const command: GrantAssistance = {
      type: 'GrantAssistance',
      grantId: request.grantId,
      programmeId: request.programmeId,
      programme: await this.records.programmeFacts(request.programmeId),
      centreId: request.centreId,
      recipient,
      recipientFound,
      recipientErased: householdStatus === 'erased',
      ...(request.amount === undefined ? {} : { amount: request.amount }),
      reason: request.reason,
      approvedBy: actor.id,
      grantedAt,
    };
    const current = await this.records.grant(request.grantId).catch(() => ({ version: 0, state: grantDecider.initialState() }));
    const decided = grantDecider.decide(command, current.state);
    const budgetId = grantBudgetId(command);
    if (decided.length === 0 && current.state.status !== 'none') {
      return { grantId: request.grantId, budgetId, version: current.version, status: current.state.status, amount: current.state.amount };
    }
    const amount = (decided[0] as { data: { amount: number } }).data.amount;
    await this.decide(
      budgetStream(budgetId),
      budgetDecider,
      [{ type: 'ReserveBudget', budgetId, grantId: request.grantId, programmeId: request.programmeId, centreId: request.centreId, amount, reservedAt: grantedAt } satisfies BudgetCommand],
      actor,
      { idempotencyKey: `reserve:${request.grantId}`, retries: reserveRetries },
    );
    await this.records.noteGrant(request.grantId, request.centreId, recipient.kind === 'household' ? recipient.householdId : null);
    try {
      const change = await this.decide<GrantState>(grantStream(request.grantId), grantDecider, [command], actor, {
        idempotencyKey: `grant:${request.grantId}`,
        retries: 3,
      });
      const state = change.state as Exclude<GrantState, { status: 'none' }>;
      return { grantId: request.grantId, budgetId, version: change.version, status: state.status, amount: state.amount };
    } catch (error) {
      // The grant was not recorded: its reservation must not hold budget.
      await this.release(budgetId, request.grantId, 'grantNeverRecorded', actor).catch(() => undefined);
      throw error;
    }
  }

  /** Cancels a grant, then frees what it held on its budget. */
  async cancel(grantId: string, reason: string, actor: Actor, expectedVersion?: number): Promise<StreamChange<GrantState>> {
    const change = await this.decide<GrantState>(
      grantStream(grantId),
      grantDecider,
      [{ type: 'CancelGrant', grantId, reason, cancelledBy: actor.id, cancelledAt: bangkokNow() } satisfies GrantCommand],
      actor,
      { expectedVersion },
    );
    const state = change.state;
    if (state.status !== 'none' && state.budgetId) await this.release(state.budgetId, grantId, 'grantCancelled', actor);
    return change;
  }

  private release(budgetId: string, grantId: string, reason: 'grantCancelled' | 'grantNeverRecorded', actor: Actor) {
    return this.decide(
      budgetStream(budgetId),
      budgetDecider,
      [{ type: 'ReleaseReservation', budgetId, grantId, reason, releasedAt: bangkokNow() } satisfies BudgetCommand],
      actor,
      { idempotencyKey: `release:${grantId}`, retries: reserveRetries },
    );
  }

  /**
   * Pays a grant once per Idempotency-Key: the key's request document (unique `_id`) makes a repeat wait for and
   * return the first outcome; the grant stream's expected version makes one of several keys win, the others 409.
   */
  async disburse(
    grantId: string,
    key: string,
    payment: { method: DisbursementMethod; reference?: string },
    actor: Actor,
    depth = 0,
  ): Promise<DisbursementOutcome> {
    try {
      await this.requests.insertOne({ _id: key, grantId, state: 'pending', requestedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const first = await this.firstOutcome(key, grantId);
      if (first) return first;
      if (depth >= 3) throw new IllegalStateError(`the request with Idempotency-Key ${key} is still in progress`);
      return this.disburse(grantId, key, payment, actor, depth + 1);
    }
    try {
      const outcome = await this.pay(grantId, key, payment, actor);
      await this.requests.updateOne({ _id: key }, { $set: { state: 'done', outcome } });
      return outcome;
    } catch (error) {
      // Nothing was paid: the key is free again, so the client may retry it.
      await this.requests.deleteOne({ _id: key, state: 'pending' });
      throw error;
    }
  }

  private async firstOutcome(key: string, grantId: string): Promise<DisbursementOutcome | null> {
    for (let wait = 0; wait < 300; wait += 1) {
      const request = await this.requests.findOne({ _id: key });
      if (!request) return null;
      if (request.grantId !== grantId) throw new IllegalStateError(`Idempotency-Key ${key} was used for another grant`);
      if (request.state === 'done' && request.outcome) return request.outcome;
      await sleep(20);
    }
    return null;
  }

  private async pay(grantId: string, key: string, payment: { method: DisbursementMethod; reference?: string }, actor: Actor): Promise<DisbursementOutcome> {
    const { version } = await this.records.grant(grantId);
    const disbursementId = uuidV5(`disbursement:${key}`, disbursementIdNamespace);
    const now = bangkokNow();
    const commands: GrantCommand[] = [
      { type: 'StartDisbursement', grantId, disbursementId, method: payment.method, requestedBy: actor.id, requestedAt: now },
    ];
    if (payment.reference !== undefined) {
      commands.push({ type: 'ConfirmDisbursement', grantId, disbursementId, reference: payment.reference, paidAt: now, paidBy: actor.id });
    }
    // Decided on the version just read: of concurrent requests with different keys exactly one appends.
    const change = await this.decide<GrantState>(grantStream(grantId), grantDecider, commands, actor, {
      expectedVersion: version,
      idempotencyKey: `disburse:${key}`,
    });
    return outcomeOf(change, disbursementId);
  }
}

export function outcomeOf(change: StreamChange<GrantState>, disbursementId: string): DisbursementOutcome {
  const state = change.state;
  if (state.status === 'none') throw new IllegalStateError('the grant does not exist');
  const attempt = state.disbursements.find((candidate) => candidate.disbursementId === disbursementId);
  return {
    grantId: state.grantId,
    disbursementId,
    status: state.status,
    outcome: attempt?.outcome ?? 'none',
    amount: attempt?.amount ?? state.amount,
    version: change.version,
  };
}
