import { bangkokDate } from '../rollup/calendar';
import type { EventOfType } from '../projection/projected-events';

/** One grant as the dashboards count it: what was granted, what reached the recipient, what came back. */
export interface GrantRecord {
  readonly grantId: string;
  readonly programmeId: string;
  readonly centreId: string;
  readonly amount: number;
  readonly grantedOn: string;
  readonly cancelledOn?: string;
  readonly payments: readonly { readonly disbursementId: string; readonly amount: number; readonly paidOn: string; readonly method: string }[];
  readonly reversals: readonly { readonly disbursementId: string; readonly amount: number; readonly reversedOn: string }[];
}

/** The grant events that change what the dashboards show (attempts that start or fail move no money). */
export const grantFigureEvents = ['AssistanceGranted', 'AssistanceDisbursed', 'DisbursementReversed', 'GrantCancelled'] as const;
export type GrantFigureEvent = EventOfType<(typeof grantFigureEvents)[number]>;

export function evolveGrant(grant: GrantRecord | undefined, event: GrantFigureEvent): GrantRecord | undefined {
  switch (event.type) {
    case 'AssistanceGranted': {
      const { data } = event;
      return {
        grantId: data.grantId,
        programmeId: data.programmeId,
        centreId: data.centreId,
        amount: data.amount,
        grantedOn: bangkokDate(data.grantedAt ?? event.occurredAt),
        payments: [],
        reversals: [],
      };
    }
    case 'AssistanceDisbursed': {
      if (!grant) return grant;
      const { data } = event;
      const payment = { disbursementId: data.disbursementId, amount: data.amount, paidOn: bangkokDate(data.paidAt), method: data.method };
      return { ...grant, payments: [...grant.payments, payment] };
    }
    case 'DisbursementReversed': {
      if (!grant) return grant;
      const { data } = event;
      const reversal = { disbursementId: data.disbursementId, amount: data.amount, reversedOn: bangkokDate(data.reversedAt) };
      return { ...grant, reversals: [...grant.reversals, reversal] };
    }
    case 'GrantCancelled': {
      if (!grant) return grant;
      const { data } = event;
      return { ...grant, cancelledOn: bangkokDate(data.cancelledAt) };
    }
    default:
      return grant;
  }
}

export const paidOf = (grant: GrantRecord) => grant.payments.reduce((sum, payment) => sum + payment.amount, 0);
export const reversedOf = (grant: GrantRecord) => grant.reversals.reduce((sum, reversal) => sum + reversal.amount, 0);
