import { fold, type Decider } from '@khu-siao/decider';
import { budgetDecider } from '../budget/business-logic';
import { grantBudgetId, grantDecider } from '../grant/business-logic';
import type { GrantCommand } from '../grant/commands';
import { familyGrant } from '../programme/programme.examples';
import type { WelfareEvent } from '../welfare-events';

/** Runs commands through a decider stream by stream, as the application would, and returns every event in order. */
export class Province {
  readonly events: WelfareEvent[] = [];
  private readonly streams = new Map<string, WelfareEvent[]>();

  allocate(centreId: string, amount: number): void {
    const command = { type: 'AllocateBudget', centreId, centre: { centreId, kind: 'tambonCentre', status: 'open' }, fiscalYear: 2565, programmeId: 'family-grant', programme: familyGrant, amount, allocatedBy: 'officer-1', allocatedAt: '2021-10-01T09:00:00+07:00' } as const;
    this.run(budgetDecider, `${centreId}:FY2565:family-grant`, command);
  }

  /** Reserves on the budget first, then records the grant: the order the application follows. */
  grant(grantId: string, centreId: string, householdId: string, grantedAt = '2022-01-27T10:00:00+07:00'): void {
    const command = { type: 'GrantAssistance', grantId, programmeId: 'family-grant', programme: familyGrant, centreId, recipient: { kind: 'household', householdId }, recipientFound: true, reason: 'family assistance', approvedBy: 'officer-1', grantedAt } as const;
    const budgetId = grantBudgetId(command);
    this.run(budgetDecider, budgetId, { type: 'ReserveBudget', budgetId, grantId, programmeId: 'family-grant', centreId, amount: 300_000, reservedAt: grantedAt });
    this.run(grantDecider, grantId, command);
  }

  pay(grantId: string, disbursementId: string, at = '2022-02-01T10:00:00+07:00'): void {
    this.run(grantDecider, grantId, { type: 'StartDisbursement', grantId, disbursementId, method: 'cashAtCentre', requestedBy: 'officer-2', requestedAt: at });
    this.run(grantDecider, grantId, { type: 'ConfirmDisbursement', grantId, disbursementId, reference: `R-${disbursementId}`, paidBy: 'officer-2', paidAt: at });
  }

  failTransfer(grantId: string, disbursementId: string, at = '2022-02-01T10:00:00+07:00'): void {
    this.run(grantDecider, grantId, { type: 'StartDisbursement', grantId, disbursementId, method: 'bankTransfer', requestedBy: 'officer-2', requestedAt: at });
    this.run(grantDecider, grantId, { type: 'FailDisbursement', grantId, disbursementId, reason: 'account closed', failedAt: at });
  }

  reverse(grantId: string, disbursementId: string, at = '2022-03-01T10:00:00+07:00'): void {
    this.run(grantDecider, grantId, { type: 'ReverseDisbursement', grantId, disbursementId, reason: 'paid in error', reversedBy: 'officer-3', reversedAt: at });
  }

  /** Cancels the grant, then releases its reservation: the order the application follows. */
  cancel(grantId: string, centreId: string, at = '2022-03-02T10:00:00+07:00'): void {
    const command: GrantCommand = { type: 'CancelGrant', grantId, reason: 'household left the province', cancelledBy: 'officer-1', cancelledAt: at };
    this.run(grantDecider, grantId, command);
    const budgetId = `${centreId}:FY2565:family-grant`;
    this.run(budgetDecider, budgetId, { type: 'ReleaseReservation', budgetId, grantId, reason: 'grantCancelled', releasedAt: at });
  }

  /** A top-up and a withdrawal of the same amount, with their reasons. */
  revise(centreId: string, amount: number, at = '2022-04-01T10:00:00+07:00'): void {
    const budgetId = `${centreId}:FY2565:family-grant`;
    this.run(budgetDecider, budgetId, { type: 'TopUpBudget', budgetId, amount, reason: 'mid-year revision', by: 'officer-1', at });
    this.run(budgetDecider, budgetId, { type: 'WithdrawFromBudget', budgetId, amount, reason: 'returned to the province', by: 'officer-1', at });
  }

  private run<TCommand, TEvent extends WelfareEvent, TState>(decider: Decider<TCommand, TEvent, TState>, streamId: string, command: TCommand): void {
    const stream = (this.streams.get(streamId) ?? []) as TEvent[];
    const events = decider.decide(command, fold(decider, stream));
    this.streams.set(streamId, [...stream, ...events]);
    this.events.push(...events);
  }
}

/** The seed's figures: 360 families, 3,000 baht each, across 12 tambon centres (30 each), all paid. */
export function threeHundredSixtyGrantsPaid(): Province {
  const province = new Province();
  const centres = Array.from({ length: 12 }, (_, n) => `tc-4001${String(n + 1).padStart(2, '0')}`);
  centres.forEach((centreId) => province.allocate(centreId, 30 * 300_000));
  for (let n = 0; n < 360; n += 1) {
    const centreId = centres[n % centres.length] as string;
    province.grant(`g-${n + 1}`, centreId, `hh-${n + 1}`);
    province.pay(`g-${n + 1}`, `d-${n + 1}`);
  }
  return province;
}

export const centresOf = (province: Province): string[] =>
  [...new Set(province.events.flatMap((event) => (event.type === 'BudgetAllocated' ? [event.data.centreId] : [])))];
