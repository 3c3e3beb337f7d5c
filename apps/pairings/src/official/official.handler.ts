import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { officialDecider, type OfficialCommand, type OfficialEvent, type OfficialState } from '@khu-siao/pairings-domain';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';

/** An official's stream holds the enrolment and the caseload: "at most N households" is decided on it. */
export const officialStream = (officialId: string) => streamOf<OfficialEvent>('official', officialId);

export class HandleOfficial extends AggregateCommand<OfficialCommand> {}

@CommandHandler(HandleOfficial)
export class OfficialHandler extends AggregateCommandHandler<OfficialCommand, OfficialEvent, OfficialState> {
  protected readonly decider = officialDecider;

  protected streamOf(officialId: string) {
    return officialStream(officialId);
  }
}
