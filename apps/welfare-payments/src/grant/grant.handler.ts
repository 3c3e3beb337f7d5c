import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';
import { grantDecider, type GrantCommand, type GrantEvent, type GrantState } from '@khu-siao/welfare-payments-domain';

export const grantStream = (grantId: string) => streamOf<GrantEvent>('grant', grantId);

export class HandleGrant extends AggregateCommand<GrantCommand> {}

@CommandHandler(HandleGrant)
export class GrantHandler extends AggregateCommandHandler<GrantCommand, GrantEvent, GrantState> {
  protected readonly decider = grantDecider;

  protected streamOf(grantId: string) {
    return grantStream(grantId);
  }

  protected override creates(command: GrantCommand): boolean {
    return command.type === 'GrantAssistance';
  }
}

/** A payment of a grant: Start (and Confirm, when the money is handed over now) decided in one commit. */
export class PayGrant extends AggregateCommand<GrantCommand> {}

/** Decides a payment on the version it has just read, never again: of concurrent requests one pays, the others get 409. */
@CommandHandler(PayGrant)
export class GrantPaymentHandler extends GrantHandler {
  protected override readonly conflictRetries = 0;
}
