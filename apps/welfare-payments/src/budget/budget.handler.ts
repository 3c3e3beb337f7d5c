import { CommandHandler } from '@nestjs/cqrs';
import { streamOf } from '@khu-siao/event-store';
import { AggregateCommand, AggregateCommandHandler } from '@khu-siao/service-runtime';
import { budgetDecider, type BudgetCommand, type BudgetEvent, type BudgetState } from '@khu-siao/welfare-payments-domain';

export class HandleBudget extends AggregateCommand<BudgetCommand> {}

@CommandHandler(HandleBudget)
export class BudgetHandler extends AggregateCommandHandler<BudgetCommand, BudgetEvent, BudgetState> {
  protected readonly decider = budgetDecider;
  /** Every grant of a centre reserves on its one budget stream: under a burst of grants, a loser decides again often. */
  protected override readonly conflictRetries = 30;

  protected streamOf(budgetId: string) {
    return streamOf<BudgetEvent>('budget', budgetId);
  }

  protected override creates(command: BudgetCommand): boolean {
    return command.type === 'AllocateBudget';
  }
}
