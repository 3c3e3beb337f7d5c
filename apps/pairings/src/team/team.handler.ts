import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { teamDecider, type TeamCommand, type TeamEvent, type TeamState } from '@khu-siao/pairings-domain';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';

export const teamStream = (teamId: string) => streamOf<TeamEvent>('team', teamId);

export class HandleTeam extends AggregateCommand<TeamCommand> {}

@CommandHandler(HandleTeam)
export class TeamHandler extends AggregateCommandHandler<TeamCommand, TeamEvent, TeamState> {
  protected readonly decider = teamDecider;

  protected streamOf(teamId: string) {
    return teamStream(teamId);
  }
}
