import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import { InvalidCommandError } from '@khu-siao/decider';
import {
  EventStore,
  IdempotencyKeyReusedError,
  StreamConflictError,
  eventIdsFor,
  streamIdOf,
  type AppendOutcome,
  type AppendRequest,
  type PriorAppend,
} from '@khu-siao/event-store';
import { householdDecider, type HouseholdEvent } from '@khu-siao/households-domain';
import { HouseholdErasedError } from '@khu-siao/security';
import { Clock, pendingEventsFor, type CommandContext, type Idempotency } from '@khu-siao/service-runtime';
import { householdStream } from '../household/household-stream';
import { NationalIdRegister } from '../national-ids/national-id-register';
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
  readonly idempotency: Idempotency;
}

const importNamespace = '3b6d2f8e-41a7-4c55-9e0b-7f2a1c9d6e34';
const batchSize = 500;

/**
 * The key and request fingerprint of a household's registration, scoped to the caller as every key is. With the
 * client's Idempotency-Key the request is the whole file: each household's events derive from the key and its place
 * in the file, so another file under the same key meets the first one's events and is refused. Without one, the
 * request is the caller's registration of that TPMAP household (its rows): the same file again registers nothing twice.
 */
function idempotencyOf(context: CommandContext, group: HouseholdRows, place: number): Idempotency {
  if (context.idempotency) return { key: `${context.idempotency.key}#household-${place}`, fingerprint: context.idempotency.fingerprint };
  return {
    key: `${context.actor.kind}:${context.actor.id}:tpmap-import:${group.householdRef}`,
    fingerprint: createHash('sha256').update(JSON.stringify(group.rows.map((row) => row.fields))).digest('base64url'),
  };
}

/** The report as the import makes it: each household counted once, each row it refuses with its line. */
class ImportTally {
  private readonly report: ImportReport;

  constructor(rows: number) {
    this.report = { rows, households: { registered: 0, alreadyRegistered: 0, refused: 0 }, refusedRows: [] };
  }

  registered(appended: boolean): void {
    if (appended) this.report.households.registered += 1;
    else this.report.households.alreadyRegistered += 1;
  }

  /** Refuses the household for the rows at fault; its other rows are reported as refused with it. */
  refuse(group: HouseholdRows, issues: RowIssue[]): void {
    this.report.households.refused += 1;
    const atFault = new Set(issues.map((issue) => issue.line));
    this.report.refusedRows.push(
      ...issues,
      ...group.rows
        .filter((row) => !atFault.has(row.line))
        .map((row) => ({ line: row.line, householdRef: group.householdRef, reason: 'another row of the household is refused' })),
    );
  }

  /** Refuses the household for what it is, not for one of its rows: reported at its first line. */
  refuseWhole(group: HouseholdRows, reason: string): void {
    this.refuse(group, [{ line: group.rows[0].line, householdRef: group.householdRef, reason }]);
  }

  done(): ImportReport {
    this.report.refusedRows.sort((a, b) => a.line - b.line);
    return this.report;
  }
}

/**
 * Registers the households of a TPMAP-style file. A household is registered whole or not at all (one commit); its id
 * derives from its `household_ref`, so that no household is registered twice; every refused row is reported with its
 * line. Households are decided one by one but claimed, sealed and appended a batch at a time.
 */
@Injectable()
export class HouseholdImport {
  constructor(
    private readonly store: EventStore,
    private readonly nationalIds: NationalIdRegister,
    private readonly personalData: PersonalData,
    private readonly clock: Clock,
  ) {}

  async run(rows: readonly TpmapRow[], context: CommandContext): Promise<ImportReport> {
    const tally = new ImportTally(rows.length);
    const reused = context.idempotency ? 'the Idempotency-Key was used before for another file' : 'was imported before with other rows';
    const ready = this.decided(rows, context, tally);
    // A retry is answered from the first time, not claimed or sealed again; a reused key is refused before anything is written.
    const priors = await this.priorsOf(ready);
    const fresh: Ready[] = [];
    for (const [index, item] of ready.entries()) {
      const prior = priors[index];
      const retried = prior?.request === item.idempotency.fingerprint && prior?.streamId === streamIdOf(householdStream(item.householdId));
      if (!prior) fresh.push(item);
      else if (retried) tally.registered(false);
      else if (context.idempotency) throw new IdempotencyKeyReusedError();
      else tally.refuseWhole(item.group, reused);
    }
    const batches = Array.from({ length: Math.ceil(fresh.length / batchSize) }, (_, index) => fresh.slice(index * batchSize, (index + 1) * batchSize));
    // Two batches in flight: one is claimed and sealed while the other is written.
    const lane = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        for (const [item, outcome] of await this.register(batch, context, tally)) {
          if (outcome instanceof StreamConflictError) tally.refuseWhole(item.group, 'the household is already registered');
          else if (outcome instanceof IdempotencyKeyReusedError) tally.refuseWhole(item.group, reused);
          else tally.registered(outcome.appended);
        }
      }
    };
    await Promise.all([lane(), lane()]);
    return tally.done();
  }

  /** Each household's registration as the domain decides it on an empty stream, or its rows refused. */
  private decided(rows: readonly TpmapRow[], context: CommandContext, tally: ImportTally): Ready[] {
    const today = this.clock.today();
    return groupByHousehold(rows).flatMap((group, place) => {
      const householdId = uuidV5(`tpmap:${group.householdRef}`, importNamespace);
      const made = registrationOf(group, householdId, today);
      if ('issues' in made) {
        tally.refuse(group, made.issues);
        return [];
      }
      try {
        const events = householdDecider.decide(made.command, householdDecider.initialState());
        return [{ group, householdId, events, idempotency: idempotencyOf(context, group, place) }];
      } catch (error) {
        if (!(error instanceof InvalidCommandError)) throw error;
        tally.refuse(group, error.issues.map((issue) => rowIssueOf(group, issue.field, issue.message)));
        return [];
      }
    });
  }

  /** The append each household's key already made, a query per batch. */
  private async priorsOf(ready: readonly Ready[]): Promise<(PriorAppend | undefined)[]> {
    const priors: (PriorAppend | undefined)[] = [];
    for (let start = 0; start < ready.length; start += batchSize) {
      const firstIds = ready.slice(start, start + batchSize).map((item) => eventIdsFor(1, item.idempotency.key)[0]);
      const found = await this.store.priorAppends(firstIds);
      priors.push(...firstIds.map((eventId) => found.get(eventId)));
    }
    return priors;
  }

  /** Claims the batch's national IDs, seals its personal fields and appends it: one write of each for the batch. */
  private async register(
    batch: readonly Ready[],
    context: CommandContext,
    tally: ImportTally,
  ): Promise<[Ready, AppendOutcome][]> {
    const nationalIdsOf = (item: Ready) => item.group.rows.map((row) => row.fields.national_id);
    await this.personalData.prepareKeys(batch.map((item) => item.householdId));
    const taken = await this.nationalIds.claimEach(batch.map((item) => ({ householdId: item.householdId, nationalIds: nationalIdsOf(item) })));
    const sealed = await Promise.all(
      batch.map(async (item, index) => {
        const { group, householdId } = item;
        const refusal = taken[index];
        if (refusal) {
          const { line } = group.rows[refusal.position];
          const reason = `is already registered in household ${refusal.otherHouseholdId}`;
          tally.refuse(group, [{ line, householdRef: group.householdRef, field: 'national_id', reason }]);
          return null;
        }
        try {
          return { item, events: await this.personalData.seal(householdId, item.events) };
        } catch (error) {
          await this.nationalIds.release(householdId, nationalIdsOf(item));
          if (!(error instanceof HouseholdErasedError)) throw error;
          tally.refuseWhole(group, "the household's personal data was erased");
          return null;
        }
      }),
    );
    const appending = sealed.flatMap((entry) => (entry ? [entry] : []));
    const requests: AppendRequest[] = appending.map(({ item, events }) => ({
      stream: householdStream(item.householdId),
      expectedVersion: 0,
      events: pendingEventsFor(events, context.actor, { idempotencyKey: item.idempotency.key }),
      request: item.idempotency.fingerprint,
    }));
    const outcomes = await this.store.appendMany(requests);
    return appending.map(({ item }, index) => [item, outcomes[index]]);
  }
}
