import type { Actor } from '@khu-siao/contracts';
import type { Process, Refusal } from '@khu-siao/decider';
import type { ReleaseReservation } from '../budget/commands';
import type { CancelGrant } from './commands';

export interface GrantCancellationInput {
  /** One per request: a refused cancellation must not stand for a later one. */
  readonly cancellationId: string;
  readonly cancel: CancelGrant;
  /** The grant version the client last read (If-Match), or `any`. */
  readonly expectedVersion: number | 'any';
  readonly cancelledBy: Actor;
}

export type GrantCancellationStep =
  | { readonly type: 'cancel'; readonly command: CancelGrant; readonly expectedVersion: number | 'any' }
  | { readonly type: 'release'; readonly command: ReleaseReservation };

export type GrantCancellationOutcome =
  /** `budgetId` null: a grant written before budgets existed holds nothing to give back. */
  | { readonly type: 'cancelled'; readonly version: number; readonly budgetId: string | null }
  | { readonly type: 'cancelRefused'; readonly refusal: Refusal }
  /** The grant moved on since the version the client read. */
  | { readonly type: 'stale'; readonly currentVersion: number }
  | { readonly type: 'released' };

export interface GrantCancellationState {
  readonly input: GrantCancellationInput;
  readonly grant:
    | { readonly status: 'toCancel' }
    | { readonly status: 'cancelled'; readonly version: number; readonly budgetId: string | null }
    | { readonly status: 'refused'; readonly refusal: Refusal }
    | { readonly status: 'stale'; readonly currentVersion: number };
  readonly released: boolean;
}

/** A cancellation frees what the grant held on its budget: cancel the grant, then release its reservation. */
export const grantCancellation: Process<GrantCancellationInput, GrantCancellationOutcome, GrantCancellationState, GrantCancellationStep> = {
  name: 'grant-cancellation',
  initialState: (input) => ({ input, grant: { status: 'toCancel' }, released: false }),
  evolve: (state, outcome) => {
    switch (outcome.type) {
      case 'cancelled':
        return { ...state, grant: { status: 'cancelled', version: outcome.version, budgetId: outcome.budgetId } };
      case 'cancelRefused':
        return { ...state, grant: { status: 'refused', refusal: outcome.refusal } };
      case 'stale':
        return { ...state, grant: { status: 'stale', currentVersion: outcome.currentVersion } };
      case 'released':
        return { ...state, released: true };
    }
  },
  next: ({ input, grant, released }) => {
    const { cancel, expectedVersion } = input;
    if (grant.status === 'toCancel') return { type: 'cancel', command: cancel, expectedVersion };
    if (grant.status !== 'cancelled' || grant.budgetId === null || released) return null;
    const release: ReleaseReservation = { type: 'ReleaseReservation', budgetId: grant.budgetId, grantId: cancel.grantId, reason: 'grantCancelled', releasedAt: cancel.cancelledAt };
    return { type: 'release', command: release };
  },
};
