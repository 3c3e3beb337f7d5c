import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { partnerDecider, type PartnerCommand, type PartnerEvent, type PartnerState } from '@khu-siao/pairings-domain';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';

export const partnerStream = (partnerId: string) => streamOf<PartnerEvent>('partner', partnerId);

export class HandlePartner extends AggregateCommand<PartnerCommand> {}

@CommandHandler(HandlePartner)
export class PartnerHandler extends AggregateCommandHandler<PartnerCommand, PartnerEvent, PartnerState> {
  protected readonly decider = partnerDecider;

  protected streamOf(partnerId: string) {
    return partnerStream(partnerId);
  }
}
