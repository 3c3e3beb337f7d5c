import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownHousehold, KnownHouseholdSchema } from './known-household.schema';
import { KnownHouseholds } from './known-households';
import { KnownHouseholdsProjection } from './known-households.projection';

/**
 * The households a service acts on, as the households service publishes them: the projection (a consumer of the
 * households topic, so the service must consume it) and its queries. Pairings and welfare-payments import it.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: KnownHousehold.name, schema: KnownHouseholdSchema }])],
  controllers: [KnownHouseholdsProjection],
  providers: [KnownHouseholds],
  exports: [KnownHouseholds, MongooseModule],
})
export class KnownHouseholdsModule {}
