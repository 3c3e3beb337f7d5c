import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  centreLedger,
  householdAssistanceHistory,
  reconciliation,
  type CentreLedger,
  type Grant,
  type Period,
  type Reconciliation,
  type WelfareEvent,
} from '@khu-siao/welfare-payments-domain';
import { LedgerEntry } from './ledger-entry.schema';

const logOrder = { 'event.position': 1, 'event.aggregateVersion': 1 } as const;

/** The ledgers' figures, computed by the domain from the entries of one centre (or household) in log order. */
@Injectable()
export class LedgerEntries {
  constructor(@InjectModel(LedgerEntry.name) private readonly entries: Model<LedgerEntry>) {}

  async ledgerOf(centreId: string): Promise<CentreLedger> {
    return centreLedger(await this.eventsOf({ centreId }), centreId);
  }

  async reconciliationOf(centreId: string, period: Period): Promise<Reconciliation> {
    return reconciliation(await this.eventsOf({ centreId }), centreId, period);
  }

  async historyOf(householdId: string): Promise<Grant[]> {
    return householdAssistanceHistory(await this.eventsOf({ householdId }), householdId);
  }

  private async eventsOf(filter: { centreId: string } | { householdId: string }): Promise<WelfareEvent[]> {
    const entries = await this.entries.find(filter, { event: 1 }).sort(logOrder).lean();
    return entries.map((entry) => entry.event);
  }
}
