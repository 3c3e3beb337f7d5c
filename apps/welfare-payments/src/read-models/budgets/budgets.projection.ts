import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LogProjection, type LoggedEvent } from '@khu-siao/service-runtime';
import { applyAtVersion } from '../at-version';
import { BudgetFigures } from './budget-figures.schema';

/** The budgets' figures, from their streams: funds moved by allocations, top-ups and withdrawals, held by reservations. */
@Injectable()
export class BudgetsProjection extends LogProjection {
  readonly name = 'budgets';

  constructor(@InjectModel(BudgetFigures.name) private readonly budgets: Model<BudgetFigures>) {
    super();
  }

  async apply(events: readonly LoggedEvent[]): Promise<void> {
    for (const event of events) {
      const version = event.aggregateVersion;
      switch (event.type) {
        case 'BudgetAllocated': {
          const { budgetId, centreId, centreKind, fiscalYear, programmeId, amount } = event.data;
          const opened = { status: 'allocated', centreId, centreKind, fiscalYear, programmeId, funded: amount, reserved: 0, grants: 0 } as const;
          await applyAtVersion(this.budgets, budgetId, version, { $set: opened }, { opens: true });
          break;
        }
        case 'BudgetToppedUp':
          await applyAtVersion(this.budgets, event.data.budgetId, version, { $inc: { funded: event.data.amount } });
          break;
        case 'BudgetWithdrawn':
          await applyAtVersion(this.budgets, event.data.budgetId, version, { $inc: { funded: -event.data.amount } });
          break;
        case 'BudgetReserved':
          await applyAtVersion(this.budgets, event.data.budgetId, version, { $inc: { reserved: event.data.amount, grants: 1 } });
          break;
        case 'BudgetReservationReleased':
          await applyAtVersion(this.budgets, event.data.budgetId, version, { $inc: { reserved: -event.data.amount, grants: -1 } });
          break;
      }
    }
  }

  async clear(): Promise<void> {
    await this.budgets.deleteMany({});
  }
}
