import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Budget, CentreKind, FiscalYear } from '@khu-siao/welfare-payments-domain';

/** One budget's figures, at the version of its stream they reflect: what it funds, what grants hold of it. */
@Schema({ collection: 'budgets', versionKey: false, minimize: false })
export class BudgetFigures {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) status!: Budget['status'];
  @Prop({ required: true }) centreId!: string;
  @Prop({ type: String, required: true }) centreKind!: CentreKind;
  @Prop({ type: Number, required: true }) fiscalYear!: FiscalYear;
  @Prop({ required: true }) programmeId!: string;
  @Prop({ required: true }) funded!: number;
  /** What the grants' reservations hold, and how many grants hold some. */
  @Prop({ required: true }) reserved!: number;
  @Prop({ required: true }) grants!: number;
  @Prop({ required: true }) version!: number;
}

export const BudgetFiguresSchema = SchemaFactory.createForClass(BudgetFigures);
BudgetFiguresSchema.index({ centreId: 1 }, { name: 'by_centre' });
