import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import type { WelfareEvent } from '@khu-siao/welfare-payments-domain';
import { LedgerEntry } from './ledger-entry.schema';

/** The events a ledger, a reconciliation or a household's history reads: funds moved, and everything about grants. */
const ledgerTypes = [
  'BudgetAllocated',
  'BudgetToppedUp',
  'BudgetWithdrawn',
  'AssistanceGranted',
  'DisbursementStarted',
  'AssistanceDisbursed',
  'DisbursementFailed',
  'DisbursementReversed',
  'GrantCancelled',
] as const satisfies readonly WelfareEvent['type'][];
type Ledgered = Extract<LoggedEvent, { type: (typeof ledgerTypes)[number] }>;

const isLedgered = (event: LoggedEvent): event is Ledgered => (ledgerTypes as readonly string[]).includes(event.type);

interface Parties {
  readonly centreId: string;
  readonly householdId: string | null;
}

/** The budget or grant an event opens (and whose parties it names), or the one it belongs to. */
function placeOf(event: Ledgered): { readonly opens: string; readonly parties: Parties } | { readonly of: string } {
  switch (event.type) {
    case 'BudgetAllocated':
      return { opens: `budget:${event.data.budgetId}`, parties: { centreId: event.data.centreId, householdId: null } };
    case 'BudgetToppedUp':
    case 'BudgetWithdrawn':
      return { of: `budget:${event.data.budgetId}` };
    case 'AssistanceGranted': {
      const { grantId, centreId, recipient } = event.data;
      return { opens: `grant:${grantId}`, parties: { centreId, householdId: recipient.kind === 'household' ? recipient.householdId : null } };
    }
    default:
      return { of: `grant:${event.data.grantId}` };
  }
}

/**
 * Files each event of a centre's money under its centre (and household), in log order. Events of a budget or grant
 * find their centre through the entry of the event that opened it, which the log always delivers first.
 */
@Injectable()
export class LedgerEntriesProjection extends LogProjection {
  readonly name = 'ledger-entries';

  constructor(@InjectModel(LedgerEntry.name) private readonly entries: Model<LedgerEntry>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    const placed = events.filter(isLedgered).map((event) => ({ event, place: placeOf(event) }));
    if (placed.length === 0) return;
    const parties = new Map<string, Parties>();
    for (const { place } of placed) if ('opens' in place) parties.set(place.opens, place.parties);
    const sought = [...new Set(placed.flatMap(({ place }) => ('of' in place && !parties.has(place.of) ? [place.of] : [])))];
    if (sought.length > 0) {
      const openings = await this.entries.find({ opens: { $in: sought } }, { opens: 1, centreId: 1, householdId: 1 }).lean();
      for (const { opens, centreId, householdId } of openings) if (opens) parties.set(opens, { centreId, householdId });
    }
    const writes: AnyBulkWriteOperation<LedgerEntry>[] = [];
    for (const { event, place } of placed) {
      const opens = 'opens' in place ? place.opens : null;
      const of = 'opens' in place ? place.parties : parties.get(place.of);
      // An event of a budget or grant that was never opened belongs to no centre's ledger.
      if (!of) continue;
      const entry = { centreId: of.centreId, householdId: of.householdId, opens, event };
      writes.push({ updateOne: { filter: { _id: event.eventId }, update: { $setOnInsert: entry }, upsert: true } });
    }
    if (writes.length > 0) await this.entries.bulkWrite(writes, { ordered: true });
  }

  async clear(): Promise<void> {
    await this.entries.deleteMany({});
  }
}
