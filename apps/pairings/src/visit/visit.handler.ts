import { CommandHandler } from '@nestjs/cqrs';
import { IllegalStateError } from '@khu-siao/decider';
import { EventStore, streamOf, type StoredEvent } from '@khu-siao/event-store';
import {
  openVisitEvent,
  sealVisitEvent,
  visitDecider,
  type SealedVisitEvent,
  type VisitCommand,
  type VisitEvent,
  type VisitState,
} from '@khu-siao/pairings-domain';
import { HouseholdErasedError } from '@khu-siao/security';
import { AggregateCommand, EventSourcedHandler, LogProjections } from '@khu-siao/service-runtime';
import { VisitCipher } from './visit-cipher';

/** One stream per visit: its log and its corrections, personal fields sealed. */
export const visitStream = (visitId: string) => streamOf<SealedVisitEvent>('visit', visitId);

export class HandleVisit extends AggregateCommand<VisitCommand> {}

/** The domain decides on clear needs, help, referrals and location; the stream keeps them sealed. */
@CommandHandler(HandleVisit)
export class VisitHandler extends EventSourcedHandler<VisitCommand, VisitEvent, VisitState, SealedVisitEvent> {
  protected readonly decider = visitDecider;

  constructor(
    store: EventStore,
    projections: LogProjections,
    private readonly cipher: VisitCipher,
  ) {
    super(store, projections);
  }

  protected streamOf(visitId: string) {
    return visitStream(visitId);
  }

  protected open(_visitId: string, stored: readonly StoredEvent<SealedVisitEvent>[]): Promise<VisitEvent[]> {
    return Promise.all(stored.map((event) => openVisitEvent(event, this.cipher.openerFor(event.data.householdId))));
  }

  /** Nothing new is recorded of an erased household: its key is gone, and its case ended. */
  protected async seal(_visitId: string, events: readonly VisitEvent[]): Promise<SealedVisitEvent[]> {
    try {
      return await Promise.all(events.map((event) => sealVisitEvent(event, this.cipher.sealerFor(event.data.householdId))));
    } catch (error) {
      if (!(error instanceof HouseholdErasedError)) throw error;
      throw new IllegalStateError(`household ${error.householdId}'s data was erased: its case is ended`);
    }
  }
}
