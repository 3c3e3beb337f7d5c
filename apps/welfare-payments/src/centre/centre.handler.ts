import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';
import { centreDecider, type CentreCommand, type CentreEvent, type CentreState } from '@khu-siao/welfare-payments-domain';

export class HandleCentre extends AggregateCommand<CentreCommand> {}

@CommandHandler(HandleCentre)
export class CentreHandler extends AggregateCommandHandler<CentreCommand, CentreEvent, CentreState> {
  protected readonly decider = centreDecider;

  protected streamOf(centreId: string) {
    return streamOf<CentreEvent>('centre', centreId);
  }

  protected override creates(command: CentreCommand): boolean {
    return command.type === 'RegisterCentre';
  }
}
