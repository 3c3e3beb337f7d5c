import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { pairingDecider, type HouseholdPairings, type PairingCommand, type PairingEvent } from '@khu-siao/pairings-domain';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';

/** One pairing stream per household (aggregate id = household id): "one buddy at a time" is decided on it. */
export const pairingStream = (householdId: string) => streamOf<PairingEvent>('pairing', householdId);

export class HandlePairing extends AggregateCommand<PairingCommand> {}

@CommandHandler(HandlePairing)
export class PairingHandler extends AggregateCommandHandler<PairingCommand, PairingEvent, HouseholdPairings> {
  protected readonly decider = pairingDecider;

  protected streamOf(householdId: string) {
    return pairingStream(householdId);
  }
}
