import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@khu-siao/contracts';
import { NotFoundError, fold } from '@khu-siao/decider';
import { EventStore, StreamConflictError, eventIdsFor, streamIdOf } from '@khu-siao/event-store';
import { householdDecider, type HouseholdCommand, type HouseholdEvent, type HouseholdState } from '@khu-siao/households-domain';
import { pendingEventsFor, type DecidedEvent } from '@khu-siao/service-runtime';
import { NationalIdRegister } from '../national-ids/national-id-register';
import { PersonalData } from '../personal-data/personal-data';
import { householdStream } from './household-stream';

/** A command for one household, as the HTTP edge hands it over. */
export class HandleHousehold {
  constructor(
    readonly householdId: string,
    /** The version the client last saw (If-Match); 0 to register a new household; `current` whatever it is now. */
    readonly expectedVersion: number | 'current',
    readonly command: HouseholdCommand,
    readonly actor: Actor,
    /** A client's Idempotency-Key: a retried request produces the same event ids and is appended once. */
    readonly idempotencyKey?: string,
  ) {}
}

export interface HouseholdChange {
  readonly householdId: string;
  readonly version: number;
  /** False when the command changed nothing (or was a retry answered from the first time). */
  readonly changed: boolean;
}

/** Load and open, decide, claim national IDs, seal, append: the one path every household command takes. */
@CommandHandler(HandleHousehold)
export class HandleHouseholdHandler implements ICommandHandler<HandleHousehold, HouseholdChange> {
  constructor(
    private readonly store: EventStore,
    private readonly nationalIds: NationalIdRegister,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ householdId, command, actor, idempotencyKey, ...request }: HandleHousehold): Promise<HouseholdChange> {
    const stream = householdStream(householdId);
    const { version, stored, events } = await this.personalData.load(householdId);
    if (version === 0 && command.type !== 'RegisterHousehold') throw new NotFoundError('household', householdId);
    // A retry of a request that already went through is answered, not refused.
    const [firstId] = idempotencyKey ? eventIdsFor(1, idempotencyKey) : [];
    if (firstId && stored.some((event) => event.eventId === firstId)) return { householdId, version, changed: false };
    const expectedVersion = request.expectedVersion === 'current' ? version : request.expectedVersion;
    if (version !== expectedVersion) throw new StreamConflictError(streamIdOf(stream), expectedVersion, version);
    const state = fold(householdDecider, events);
    const decided = householdDecider.decide(command, state);
    if (decided.length === 0) return { householdId, version, changed: false };
    const before = nationalIdsOf(state);
    const after = nationalIdsAfter(decided) ?? before;
    const added = [...after].filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !after.has(id));
    await this.nationalIds.claim(householdId, added);
    // Erasure destroys the key before its event is published, so no service that learns of it (and evicts its cached
    // copy of the key) can open the household's fields afterwards; a retry appends the event if this append fails.
    if (decided.at(-1)?.type === 'HouseholdErased') await this.personalData.finishErasure(householdId);
    let appended;
    try {
      const sealed = await this.personalData.seal(householdId, decided);
      appended = await this.store.append(stream, expectedVersion, pendingEventsFor(sealed, actor, { idempotencyKey, occurredAt }));
    } catch (error) {
      await this.nationalIds.release(householdId, added);
      throw error;
    }
    await this.nationalIds.release(householdId, removed);
    return { householdId, version: appended.nextExpectedVersion, changed: appended.appended };
  }
}

/** The clear IDs of the members (an erased household has none left to claim or release). */
function nationalIdsOf(state: HouseholdState): Set<string> {
  return new Set(state.status === 'unregistered' ? [] : state.members.map((member) => member.nationalId).filter(isClear));
}

const isClear = (value: unknown): value is string => typeof value === 'string';

function nationalIdsAfter(events: readonly HouseholdEvent[]): Set<string> | undefined {
  const last = [...events].reverse().find((event) => event.type === 'HouseholdRegistered' || event.type === 'HouseholdMembersUpdated');
  return last && 'members' in last.data ? new Set(last.data.members.map((member) => member.nationalId).filter(isClear)) : undefined;
}

/** The date an event happened in the world, where its payload names one (visits and assessments are often logged late). */
export function occurredAt(event: DecidedEvent): string | undefined {
  const data = event.data as Record<string, unknown>;
  const date = ['assessedOn', 'movedOn', 'drawnUpOn', 'recordedOn', 'graduatedOn', 'closedOn']
    .map((field) => data[field])
    .find((value): value is string => typeof value === 'string');
  return date ? `${date}T00:00:00+07:00` : undefined;
}
