import { AsyncLocalStorage } from 'node:async_hooks';
import { CommandHandler } from '@nestjs/cqrs';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import type { CalendarDate } from '@khu-siao/decider';
import { EventStore, type AppendResult, type StoredEvent } from '@khu-siao/event-store';
import {
  householdDecider,
  type HouseholdCommand,
  type HouseholdEvent,
  type HouseholdState,
  type StoredHouseholdEvent,
} from '@khu-siao/households-domain';
import {
  AggregateCommand,
  EventSourcedHandler,
  LogProjections,
  type Appending,
  type CommandContext,
  type CommandOutcome,
  type ExpectedVersion,
  type LoadedAggregate,
} from '@khu-siao/service-runtime';
import { NationalIdRegister } from '../national-ids/national-id-register';
import { PersonalData } from '../personal-data/personal-data';
import { householdStream } from './household-stream';

export type LoadedHousehold = LoadedAggregate<HouseholdEvent, StoredHouseholdEvent, HouseholdState>;

/** A command for one household, as the HTTP edge hands it over. */
export class HandleHousehold extends AggregateCommand<HouseholdCommand> {
  constructor(
    householdId: string,
    command: HouseholdCommand,
    context: CommandContext,
    expectedVersion: ExpectedVersion,
    /** The household as the request's access check loaded it, decided on rather than read again. */
    readonly loaded?: Promise<LoadedHousehold>,
  ) {
    super(householdId, command, context, expectedVersion);
  }
}

const householdIdNamespace = '8d3f5a0e-2c71-4b1e-9f4a-1d6c2b7e9a10';

/** The id a registration gets: derived from the caller's Idempotency-Key, so that a retry names the same household. */
export const householdIdFor = (idempotencyKey: string | undefined): string =>
  idempotencyKey ? uuidV5(`register:${idempotencyKey}`, householdIdNamespace) : uuidV7();

/**
 * Every household command: opened (personal fields in clear, a half-done erasure finished), decided, its national
 * IDs claimed, sealed and appended, by the platform's one write path.
 */
@CommandHandler(HandleHousehold)
export class HouseholdHandler extends EventSourcedHandler<HouseholdCommand, HouseholdEvent, HouseholdState, StoredHouseholdEvent> {
  protected readonly decider = householdDecider;
  /** The access check's load of this command's household, taken once: a decision again after a conflict reads afresh. */
  private readonly accessLoad = new AsyncLocalStorage<{ loaded?: Promise<LoadedHousehold> }>();

  constructor(
    store: EventStore,
    projections: LogProjections,
    private readonly personalData: PersonalData,
    private readonly nationalIds: NationalIdRegister,
  ) {
    super(store, projections);
  }

  override execute(command: HandleHousehold): Promise<CommandOutcome<HouseholdState>> {
    return this.accessLoad.run({ loaded: command.loaded }, () => super.execute(command));
  }

  override load(householdId: string): Promise<LoadedHousehold> {
    const slot = this.accessLoad.getStore();
    const loaded = slot?.loaded;
    if (slot) slot.loaded = undefined;
    return loaded ?? super.load(householdId);
  }

  protected streamOf(householdId: string) {
    return householdStream(householdId);
  }

  /** A stream that ends in its erasure has it finished here: a request that died after the append is completed by the next read. */
  protected async open(householdId: string, stored: readonly StoredEvent<StoredHouseholdEvent>[]): Promise<HouseholdEvent[]> {
    if (stored.at(-1)?.type === 'HouseholdErased') await this.personalData.finishErasure(householdId);
    return this.personalData.open(householdId, stored);
  }

  protected seal(householdId: string, events: readonly HouseholdEvent[]): Promise<HouseholdEvent[]> {
    return this.personalData.seal(householdId, events);
  }

  protected override creates(command: HouseholdCommand): boolean {
    return command.type === 'RegisterHousehold';
  }

  protected override occurredAt(event: HouseholdEvent): string | undefined {
    return occurredAt(event);
  }

  /** The members' national IDs are claimed before the append and released if it fails; those of members who left, after it. */
  protected override async appending(
    { aggregateId, before, events }: Appending<HouseholdEvent, HouseholdState>,
    append: () => Promise<AppendResult>,
  ): Promise<AppendResult> {
    const held = nationalIdsOf(before);
    const kept = nationalIdsOf(events.reduce(householdDecider.evolve, before));
    const added = [...kept].filter((id) => !held.has(id));
    const removed = [...held].filter((id) => !kept.has(id));
    await this.nationalIds.claim(aggregateId, added);
    // Erasure destroys the key before its event is published, so no service that learns of it (and evicts its cached
    // copy of the key) can open the household's fields afterwards; a retry appends the event if this append fails.
    if (events.at(-1)?.type === 'HouseholdErased') await this.personalData.finishErasure(aggregateId);
    let appended: AppendResult;
    try {
      appended = await append();
    } catch (error) {
      await this.nationalIds.release(aggregateId, added);
      throw error;
    }
    await this.nationalIds.release(aggregateId, removed);
    return appended;
  }
}

/** The clear IDs of the members (an erased household has none left to claim or release). */
function nationalIdsOf(state: HouseholdState): Set<string> {
  if (state.status === 'unregistered') return new Set();
  return new Set(state.members.flatMap(({ nationalId }) => (typeof nationalId === 'string' ? [nationalId] : [])));
}

/** The date an event happened in the world, where its payload names one (visits and assessments are often logged late). */
export function occurredAt(event: HouseholdEvent): string | undefined {
  const date = dateOf(event);
  return date === undefined ? undefined : `${date}T00:00:00+07:00`;
}

function dateOf(event: HouseholdEvent): CalendarDate | undefined {
  switch (event.type) {
    case 'HouseholdAssessed':
      return event.data.assessedOn;
    case 'HouseholdMoved':
      return event.data.movedOn;
    case 'LifePlanDrawnUp':
      return event.data.drawnUpOn;
    case 'LifePlanActionProgressed':
      return event.data.recordedOn;
    case 'HouseholdGraduated':
      return event.data.graduatedOn;
    case 'HouseholdCaseClosed':
      return event.data.closedOn;
    default:
      return undefined;
  }
}
