import { Injectable } from '@nestjs/common';
import type { Actor } from '@khu-siao/contracts';
import { fold, type Decider } from '@khu-siao/decider';
import { EventStore, StreamConflictError, eventIdsFor, type PendingEvent, type StreamRef } from '@khu-siao/event-store';
import { currentCorrelation } from '@khu-siao/observability';

export const officialStream = (officialId: string): StreamRef => ({ aggregateType: 'official', aggregateId: officialId });
/** One pairing stream per household (aggregate id = household id): "one buddy at a time" is decided on it. */
export const pairingStream = (householdId: string): StreamRef => ({ aggregateType: 'pairing', aggregateId: householdId });
export const visitStream = (visitId: string): StreamRef => ({ aggregateType: 'visit', aggregateId: visitId });
export const teamStream = (teamId: string): StreamRef => ({ aggregateType: 'team', aggregateId: teamId });
export const partnerStream = (partnerId: string): StreamRef => ({ aggregateType: 'partner', aggregateId: partnerId });

export interface Loaded<S> {
  readonly version: number;
  readonly state: S;
}

export interface Decided<E> {
  readonly stream: StreamRef;
  readonly version: number;
  readonly events: readonly E[];
}

/** How many times a command is re-decided when another writer appended to its stream first. */
const attempts = 5;

/** Load → fold → decide → append at the expected version: the one path every pairings command takes. */
@Injectable()
export class Aggregates {
  constructor(private readonly store: EventStore) {}

  async load<C, E, S>(stream: StreamRef, decider: Decider<C, E, S>): Promise<Loaded<S>> {
    const { version, events } = await this.store.readStream(stream);
    return { version, state: fold(decider, events as unknown as E[]) };
  }

  async decide<C, E, S>(stream: StreamRef, decider: Decider<C, E, S>, command: C): Promise<Decided<E>> {
    const { version, state } = await this.load(stream, decider);
    return { stream, version, events: decider.decide(command, state) };
  }

  /** Appends a decision at the version it was made on; a stale version is a StreamConflictError. */
  async append<E extends { type: string; data: unknown }>(decided: Decided<E>, actor: Actor, idempotencyKey?: string): Promise<number> {
    if (decided.events.length === 0) return decided.version;
    const appended = await this.store.append(decided.stream, decided.version, pendingEvents(decided.events, actor, idempotencyKey));
    return appended.nextExpectedVersion;
  }

  /**
   * Decides and appends, re-deciding on the newer version when another writer got there first (a command that
   * is refused on the newer version throws the refusal). For commands whose client sent no If-Match.
   */
  async execute<C, E extends { type: string; data: unknown }, S>(
    stream: StreamRef,
    decider: Decider<C, E, S>,
    command: C,
    actor: Actor,
  ): Promise<{ version: number; changed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const decided = await this.decide(stream, decider, command);
      try {
        return { version: await this.append(decided, actor), changed: decided.events.length > 0 };
      } catch (error) {
        if (!(error instanceof StreamConflictError) || attempt >= attempts) throw error;
      }
    }
  }
}

export function pendingEvents(events: readonly { type: string; data: unknown }[], actor: Actor, idempotencyKey?: string): PendingEvent[] {
  const ids = eventIdsFor(events.length, idempotencyKey);
  const correlation = currentCorrelation();
  return events.map((event, index) => ({
    eventId: ids[index],
    type: event.type,
    data: event.data,
    metadata: { correlationId: correlation?.correlationId ?? ids[0], causationId: correlation?.causationId ?? null, actor },
  }));
}
