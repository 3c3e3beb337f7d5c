import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';
import { fold, NotFoundError } from '@khu-siao/decider';
import { EventStore, type StreamRef } from '@khu-siao/event-store';
import { DATABASE } from '@khu-siao/service-runtime';
import { grantDecider, programmeDecider, programmeFactsOf, type GrantEvent, type GrantState, type ProgrammeEvent, type ProgrammeFacts, type WelfareEvent } from '@khu-siao/welfare-payments-domain';
import { budgetStream, grantStream, programmeStream } from '../command-handling/streams';

export interface KnownHousehold {
  _id: string;
  /** `erased`: its personal data was erased at the households service (PDPA); it is given no new grant. */
  status: 'registered' | 'graduated' | 'closed' | 'erased';
  version: number;
}
/** Which budget streams belong to a centre: written before the budget's first append. */
export interface BudgetRecord {
  _id: string;
  centreId: string;
}
/** Which grant streams belong to a centre and, for household grants, to a household: written before the grant is recorded. */
export interface GrantRecord {
  _id: string;
  centreId: string;
  householdId: string | null;
}

/** The small collections the service keeps beside its event streams, and the reads that follow them into the store. */
@Injectable()
export class WelfareRecords implements OnModuleInit {
  readonly households: Collection<KnownHousehold>;
  readonly budgets: Collection<BudgetRecord>;
  readonly grants: Collection<GrantRecord>;

  constructor(
    @Inject(DATABASE) db: Db,
    private readonly store: EventStore,
  ) {
    this.households = db.collection<KnownHousehold>('known_households');
    this.budgets = db.collection<BudgetRecord>('budget_streams');
    this.grants = db.collection<GrantRecord>('grant_streams');
  }

  async onModuleInit(): Promise<void> {
    await this.budgets.createIndex({ centreId: 1 }, { name: 'by_centre' });
    await this.grants.createIndex({ centreId: 1 }, { name: 'by_centre' });
    await this.grants.createIndex({ householdId: 1 }, { name: 'by_household' });
  }

  async programmeFacts(programmeId: string): Promise<ProgrammeFacts | null> {
    const { events } = await this.store.readStream(programmeStream(programmeId));
    return programmeFactsOf(fold(programmeDecider, events as unknown as ProgrammeEvent[]));
  }

  async householdKnown(householdId: string): Promise<boolean> {
    return (await this.householdStatus(householdId)) !== null;
  }

  /** The household's status as last heard from the households service; null when never heard of. */
  async householdStatus(householdId: string): Promise<KnownHousehold['status'] | null> {
    return (await this.households.findOne({ _id: householdId }, { projection: { status: 1 } }))?.status ?? null;
  }

  async noteBudget(budgetId: string, centreId: string): Promise<void> {
    await this.budgets.updateOne({ _id: budgetId }, { $setOnInsert: { centreId } }, { upsert: true });
  }

  async noteGrant(grantId: string, centreId: string, householdId: string | null): Promise<void> {
    await this.grants.updateOne({ _id: grantId }, { $setOnInsert: { centreId, householdId } }, { upsert: true });
  }

  async grant(grantId: string): Promise<{ version: number; state: GrantState }> {
    const { version, events } = await this.store.readStream(grantStream(grantId));
    if (version === 0) throw new NotFoundError('grant', grantId);
    return { version, state: fold(grantDecider, events as unknown as GrantEvent[]) };
  }

  /** Every event of a centre's budgets and grants, in the order they were recorded. */
  async centreEvents(centreId: string): Promise<WelfareEvent[]> {
    const budgets = await this.budgets.find({ centreId }).toArray();
    const grants = await this.grants.find({ centreId }).toArray();
    return this.eventsOf([...budgets.map((b) => budgetStream(b._id)), ...grants.map((g) => grantStream(g._id))]);
  }

  async householdEvents(householdId: string): Promise<WelfareEvent[]> {
    const grants = await this.grants.find({ householdId }).toArray();
    return this.eventsOf(grants.map((g) => grantStream(g._id)));
  }

  private async eventsOf(streams: readonly StreamRef[]): Promise<WelfareEvent[]> {
    const envelopes = [];
    // A few streams at a time: enough to be quick, few enough not to flood the connection pool.
    for (let start = 0; start < streams.length; start += 16) {
      const read = await Promise.all(streams.slice(start, start + 16).map((stream) => this.store.readStream(stream)));
      envelopes.push(...read.flatMap((stream) => stream.events));
    }
    // Stable: events of one stream keep their order when recorded in the same millisecond.
    envelopes.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    return envelopes.map((event) => ({ type: event.type, data: event.data }) as unknown as WelfareEvent);
  }
}
