import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { BudgetFigures } from './budget-figures.schema';

/** A budget as a client reads it: funded, reserved by grants, available. */
export interface BudgetReading {
  readonly status: BudgetFigures['status'];
  readonly budgetId: string;
  readonly centreId: string;
  readonly centreKind: BudgetFigures['centreKind'];
  readonly fiscalYear: BudgetFigures['fiscalYear'];
  readonly programmeId: string;
  readonly funded: number;
  readonly reserved: number;
  readonly available: number;
  readonly grants: number;
  readonly version: number;
}

@Injectable()
export class Budgets {
  constructor(@InjectModel(BudgetFigures.name) private readonly budgets: Model<BudgetFigures>) {}

  /** Null for a budget never allocated. */
  async budget(budgetId: string): Promise<BudgetReading | null> {
    const found = await this.budgets.findById(budgetId).lean();
    if (!found) return null;
    const { _id, ...figures } = found;
    return { ...figures, budgetId: _id, available: figures.funded - figures.reserved };
  }

  /** The centre a budget was allocated to; null for a budget never allocated. */
  async centreOf(budgetId: string): Promise<string | null> {
    return (await this.budgets.findById(budgetId, { centreId: 1 }).lean())?.centreId ?? null;
  }
}
