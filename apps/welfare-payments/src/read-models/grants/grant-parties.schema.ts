import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Who a grant is between: the centre that pays it and, for a household's grant, the household it helps. */
@Schema({ collection: 'grants', versionKey: false, minimize: false })
export class GrantParties {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) centreId!: string;
  @Prop({ type: String, default: null }) householdId!: string | null;
}

export const GrantPartiesSchema = SchemaFactory.createForClass(GrantParties);
GrantPartiesSchema.index({ centreId: 1 }, { name: 'by_centre' });
GrantPartiesSchema.index({ householdId: 1 }, { name: 'by_household' });
