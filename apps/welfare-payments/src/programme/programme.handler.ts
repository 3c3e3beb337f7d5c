import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';
import { programmeDecider, type ProgrammeCommand, type ProgrammeEvent, type ProgrammeState } from '@khu-siao/welfare-payments-domain';

export class HandleProgramme extends AggregateCommand<ProgrammeCommand> {}

@CommandHandler(HandleProgramme)
export class ProgrammeHandler extends AggregateCommandHandler<ProgrammeCommand, ProgrammeEvent, ProgrammeState> {
  protected readonly decider = programmeDecider;

  protected streamOf(programmeId: string) {
    return streamOf<ProgrammeEvent>('programme', programmeId);
  }

  protected override creates(command: ProgrammeCommand): boolean {
    return command.type === 'DefineProgramme';
  }
}
