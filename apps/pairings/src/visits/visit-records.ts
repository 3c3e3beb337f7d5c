import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@khu-siao/contracts';
import { IllegalStateError, fold } from '@khu-siao/decider';
import { EventStore } from '@khu-siao/event-store';
import {
  openVisitDetails,
  openVisitEvent,
  sealVisitEvent,
  visitDecider,
  type VisitCommand,
  type VisitEvent,
  type VisitState,
} from '@khu-siao/pairings-domain';
import { HouseholdErasedError, type EncryptedField, type SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';
import { Aggregates, visitStream, type Decided, type Loaded } from '../command-handling/aggregates';

/** A visit as loaded: opened for deciding and reading, and as stored (sealed) for the read model. */
export interface LoadedVisit extends Loaded<VisitState> {
  readonly sealed: VisitState;
}

/**
 * Where a visit's personal data crosses the store boundary: the domain decides on clear needs, help, referrals and
 * location; the events carry them sealed under the household's data key, so erasing the household (its key
 * destroyed by the households service) makes them open as `{ erased: true }` everywhere.
 */
@Injectable()
export class VisitRecords {
  constructor(
    @Inject(SECURITY) private readonly security: SecurityServices,
    private readonly store: EventStore,
    private readonly aggregates: Aggregates,
  ) {}

  async load(visitId: string): Promise<LoadedVisit> {
    const { version, events } = await this.store.readStream(visitStream(visitId));
    const opened = await Promise.all(events.map((event) => openVisitEvent(event, this.opener(householdOf(event)))));
    return { version, state: fold(visitDecider, opened), sealed: fold(visitDecider, events as unknown as VisitEvent[]) };
  }

  async decide(visitId: string, command: VisitCommand): Promise<Decided<VisitEvent>> {
    const { version, state } = await this.load(visitId);
    return { stream: visitStream(visitId), version, events: visitDecider.decide(command, state) };
  }

  /** Seals the decided events and appends them at `version`; nothing new is recorded of an erased household. */
  async append(decided: Decided<VisitEvent>, version: number, actor: Actor): Promise<number> {
    try {
      const events = await Promise.all(
        decided.events.map((event) => sealVisitEvent(event, (text) => this.security.fieldCipher.encryptField(householdOf(event), text))),
      );
      return await this.aggregates.append({ stream: decided.stream, version, events }, actor);
    } catch (error) {
      if (!(error instanceof HouseholdErasedError)) throw error;
      throw new IllegalStateError(`household ${error.householdId}'s data was erased: its case is ended`);
    }
  }

  /** Opens a visit's details as a read model keeps them (sealed). */
  open<T extends Record<string, unknown>>(householdId: string, details: T): Promise<T> {
    return openVisitDetails(details, this.opener(householdId));
  }

  private opener(householdId: string) {
    return (sealed: string) => this.security.fieldCipher.decryptField(householdId, sealed as EncryptedField);
  }
}

function householdOf(event: { data: unknown }): string {
  return (event.data as { householdId: string }).householdId;
}
