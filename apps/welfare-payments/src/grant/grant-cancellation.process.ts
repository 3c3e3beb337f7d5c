import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { errorOf, refusalOf } from '@khu-siao/decider';
import { StreamConflictError, streamIdOf } from '@khu-siao/event-store';
import { Clock, ProcessRunner, type CommandContext, type CommandOutcome, type ExpectedVersion, type StepTaker } from '@khu-siao/service-runtime';
import {
  grantCancellation,
  type BudgetState,
  type GrantCancellationInput,
  type GrantCancellationOutcome,
  type GrantCancellationStep,
  type GrantState,
} from '@khu-siao/welfare-payments-domain';
import { HandleBudget } from '../budget/budget.handler';
import { HandleGrant, grantStream } from './grant.handler';

const cancellationIdNamespace = '8d2f4a61-0c3b-4e9d-b7a5-1f6e2c9d0a47';

export interface GrantCancelled {
  readonly grantId: string;
  readonly version: number;
  readonly status: 'cancelled';
}

/**
 * Cancels grants through the `grant-cancellation` process: the grant first (at the version the client read), then
 * the release of its reservation, so that a crash between the two never leaves budget held by a cancelled grant.
 * Each request is an instance of its own, taken up again by a retry with the same Idempotency-Key.
 */
@Injectable()
export class GrantCancellation implements OnApplicationBootstrap {
  constructor(
    private readonly bus: CommandBus,
    private readonly runner: ProcessRunner,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.resumeUnended(grantCancellation, this.take);
  }

  async cancel(grantId: string, reason: string, context: CommandContext, expectedVersion: ExpectedVersion): Promise<GrantCancelled> {
    const cancellationId = context.idempotency ? uuidV5(`grant-cancellation:${context.idempotency.key}`, cancellationIdNamespace) : uuidV7();
    const cancel = { type: 'CancelGrant', grantId, reason, cancelledBy: context.actor.id, cancelledAt: this.clock.now() } as const;
    const input: GrantCancellationInput = { cancellationId, cancel, expectedVersion, cancelledBy: context.actor };
    const { grant } = await this.runner.run(grantCancellation, cancellationId, input, this.take, { request: context.idempotency?.fingerprint });
    switch (grant.status) {
      case 'cancelled':
        return { grantId, version: grant.version, status: 'cancelled' };
      case 'refused':
        throw errorOf(grant.refusal);
      case 'stale':
        throw new StreamConflictError(streamIdOf(grantStream(grantId)), typeof expectedVersion === 'number' ? expectedVersion : grant.currentVersion, grant.currentVersion);
      case 'toCancel':
        throw new Error(`the cancellation of grant ${grantId} ended before the grant was cancelled`);
    }
  }

  private readonly take: StepTaker<GrantCancellationInput, GrantCancellationStep, GrantCancellationOutcome> = async (step, input) => {
    const { cancellationId, cancel } = input;
    const grantId = cancel.grantId;
    const context = { actor: input.cancelledBy, idempotency: { key: `grant-cancellation:${cancellationId}#${step.type}`, fingerprint: cancellationId } };
    switch (step.type) {
      case 'cancel':
        try {
          const { version, state } = await this.bus.execute<HandleGrant, CommandOutcome<GrantState>>(new HandleGrant(grantId, step.command, context, step.expectedVersion));
          return { type: 'cancelled', version, budgetId: state.status === 'none' ? null : state.budgetId };
        } catch (error) {
          if (error instanceof StreamConflictError) return { type: 'stale', currentVersion: error.actualVersion };
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          return { type: 'cancelRefused', refusal };
        }
      case 'release':
        await this.bus.execute<HandleBudget, CommandOutcome<BudgetState>>(new HandleBudget(step.command.budgetId, step.command, context));
        return { type: 'released' };
    }
  };
}
