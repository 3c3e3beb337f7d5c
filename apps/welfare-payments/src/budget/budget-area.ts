import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { CentreAreas } from '../centre/centre-area';
import { Budgets } from '../read-models/budgets/budgets.query';

/** `/budgets/:budgetId…`: the centre the budget was allocated to. */
@Injectable()
export class BudgetCentre implements AreaResolver {
  constructor(
    private readonly budgets: Budgets,
    private readonly centres: CentreAreas,
  ) {}

  async areaOf(request: Request) {
    const budgetId = String(request.params['budgetId']);
    return this.centres.payingFor('budget', budgetId, await this.budgets.centreOf(budgetId));
  }
}
