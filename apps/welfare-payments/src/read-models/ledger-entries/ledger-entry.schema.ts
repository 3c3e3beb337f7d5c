import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes } from 'mongoose';
import type { WelfareEvent } from '@khu-siao/welfare-payments-domain';

/** A welfare event as the ledgers read it, with its place in the service's log (the order every figure runs in). */
export type LedgerEvent = WelfareEvent & { readonly position: number; readonly aggregateVersion: number };

/**
 * One event of a centre's money, kept under the centre it belongs to (and the household its grant helps), so that a
 * ledger, a reconciliation or a household's history reads one indexed range instead of every stream involved.
 */
@Schema({ collection: 'ledger_entries', versionKey: false, minimize: false })
export class LedgerEntry {
  /** The event's id: an event applied twice is one entry. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) centreId!: string;
  @Prop({ type: String, default: null }) householdId!: string | null;
  /** `budget:<id>` or `grant:<id>` on the event that opens one: how later events of it find their centre. */
  @Prop({ type: String, default: null }) opens!: string | null;
  @Prop({ type: SchemaTypes.Mixed, required: true }) event!: LedgerEvent;
}

export const LedgerEntrySchema = SchemaFactory.createForClass(LedgerEntry);
LedgerEntrySchema.index({ centreId: 1, 'event.position': 1, 'event.aggregateVersion': 1 }, { name: 'by_centre_in_log_order' });
LedgerEntrySchema.index({ householdId: 1, 'event.position': 1, 'event.aggregateVersion': 1 }, { name: 'by_household_in_log_order' });
LedgerEntrySchema.index({ opens: 1 }, { name: 'by_opening' });
