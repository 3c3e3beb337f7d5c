import { Injectable } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import type { Actor } from '@khu-siao/contracts';
import { InvalidCommandError } from '@khu-siao/decider';
import { EventStore, StreamConflictError, type AppendRequest } from '@khu-siao/event-store';
import { householdDecider, type HouseholdEvent } from '@khu-siao/households-domain';
import { HouseholdErasedError } from '@khu-siao/security';
import { pendingEventsFor, type DecidedEvent } from '@khu-siao/service-runtime';
import { bangkokToday } from '../command-handling/bangkok-today';
import { occurredAt } from '../command-handling/handle-household';
import { householdStream } from '../command-handling/household-stream';
import { NationalIdRegister, NationalIdTaken } from '../national-ids/national-id-register';
import { PersonalData } from '../personal-data/personal-data';
import { groupByHousehold, registrationOf, rowIssueOf, type HouseholdRows, type RowIssue } from './household-rows';
import type { TpmapRow } from './tpmap-csv';

export interface ImportReport {
  rows: number;
  readonly households: { registered: number; alreadyRegistered: number; refused: number };
  /** Every row that was not imported, with its line, and the field and reason where one row is at fault. */
  readonly refusedRows: RowIssue[];
}

interface Ready {
  readonly group: HouseholdRows;
  readonly householdId: string;
  readonly events: readonly HouseholdEvent[];
}

const importNamespace = '3b6d2f8e-41a7-4c55-9e0b-7f2a1c9d6e34';
const batchSize = 500;
const claimConcurrency = 8;

/**
 * Registers the households of a TPMAP-style file. A household is registered whole or not at all (one commit);
 * its id and event ids derive from its `household_ref`, so importing the same file again registers nothing twice;
 * every refused row is reported with its line.
 */
@Injectable()
export class HouseholdImport {
  constructor(
    private readonly store: EventStore,
    private readonly nationalIds: NationalIdRegister,
    private readonly personalData: PersonalData,
  ) {}

  async run(rows: readonly TpmapRow[], actor: Actor): Promise<ImportReport> {
    const report: ImportReport = { rows: rows.length, households: { registered: 0, alreadyRegistered: 0, refused: 0 }, refusedRows: [] };
    const refuse = (group: HouseholdRows, issues: RowIssue[]) => {
      report.households.refused += 1;
      const atFault = new Set(issues.map((issue) => issue.line));
      report.refusedRows.push(
        ...issues,
        ...group.rows
          .filter((row) => !atFault.has(row.line))
          .map((row) => ({ line: row.line, householdRef: group.householdRef, reason: 'another row of the household is refused' })),
      );
    };
    const ready: Ready[] = [];
    const today = bangkokToday();
    for (const group of groupByHousehold(rows)) {
      const householdId = uuidV5(`tpmap:${group.householdRef}`, importNamespace);
      const made = registrationOf(group, householdId, today);
      if ('issues' in made) {
        refuse(group, made.issues);
        continue;
      }
      try {
        ready.push({ group, householdId, events: householdDecider.decide(made.command, householdDecider.initialState()) });
      } catch (error) {
        if (!(error instanceof InvalidCommandError)) throw error;
        refuse(group, error.issues.map((issue) => rowIssueOf(group, issue.field, issue.message)));
      }
    }
    for (let start = 0; start < ready.length; start += batchSize) {
      await this.register(ready.slice(start, start + batchSize), actor, report, refuse);
    }
    report.refusedRows.sort((a, b) => a.line - b.line);
    return report;
  }

  private async register(
    batch: readonly Ready[],
    actor: Actor,
    report: ImportReport,
    refuse: (group: HouseholdRows, issues: RowIssue[]) => void,
  ): Promise<void> {
    const claimed: (Ready & { sealed: DecidedEvent[] })[] = [];
    // Two round trips for the batch's data keys rather than two per household.
    await this.personalData.prepareKeys(batch.map((item) => item.householdId));
    await forEachConcurrently(batch, claimConcurrency, async (item) => {
      const nationalIds = item.group.rows.map((row) => row.fields.national_id);
      try {
        await this.nationalIds.claim(item.householdId, nationalIds);
      } catch (error) {
        if (!(error instanceof NationalIdTaken)) throw error;
        const row = item.group.rows[error.position];
        refuse(item.group, [
          { line: row.line, householdRef: item.group.householdRef, field: 'national_id', reason: `is already registered in household ${error.otherHouseholdId}` },
        ]);
        return;
      }
      try {
        claimed.push({ ...item, sealed: await this.personalData.seal(item.householdId, item.events) });
      } catch (error) {
        await this.nationalIds.release(item.householdId, nationalIds);
        if (!(error instanceof HouseholdErasedError)) throw error;
        refuse(item.group, [{ line: item.group.rows[0].line, householdRef: item.group.householdRef, reason: "the household's personal data was erased" }]);
      }
    });
    const requests: AppendRequest[] = claimed.map((item) => ({
      stream: householdStream(item.householdId),
      expectedVersion: 0,
      events: pendingEventsFor(item.sealed, actor, { idempotencyKey: `tpmap-import:${item.group.householdRef}`, occurredAt }),
    }));
    const outcomes = await this.store.appendMany(requests);
    for (const [index, outcome] of outcomes.entries()) {
      const item = claimed[index];
      if (outcome instanceof StreamConflictError) {
        refuse(item.group, [{ line: item.group.rows[0].line, householdRef: item.group.householdRef, reason: 'the household already exists with other data' }]);
      } else if (outcome.appended) report.households.registered += 1;
      else report.households.alreadyRegistered += 1;
    }
  }
}

async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
