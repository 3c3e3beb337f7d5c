import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SERVICE_CONFIG, type ServiceConfig } from '@khu-siao/service-runtime';
import { Aggregates } from './command-handling/aggregates';
import { KnownHouseholdDocument, KnownHouseholdSchema } from './known-households/known-household.schema';
import { KnownHouseholds } from './known-households/known-households';
import { KnownHouseholdsProjection } from './known-households/known-households.projection';
import { OfficialsController } from './officials/officials.controller';
import { PairingProtocol } from './pairing/pairing-protocol';
import { PairingsController } from './pairing/pairings.controller';
import { PartnersController } from './partners/partners.controller';
import { HouseholdVisit, HouseholdVisitSchema } from './visits/visit-index.schema';
import { VisitsController } from './visits/visits.controller';

/** The pairings service: buddy officials and their caseloads, pairings, home visits and development partners. */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => ({ uri: config.mongoUrl, dbName: config.databaseName }),
    }),
    MongooseModule.forFeature([
      { name: KnownHouseholdDocument.name, schema: KnownHouseholdSchema },
      { name: HouseholdVisit.name, schema: HouseholdVisitSchema },
    ]),
  ],
  controllers: [OfficialsController, PairingsController, VisitsController, PartnersController, KnownHouseholdsProjection],
  providers: [Aggregates, KnownHouseholds, PairingProtocol],
})
export class PairingsModule {}

/** The consumer group that feeds `known_households` from the households topic. */
export const householdsConsumption = { group: 'pairings-households', from: ['households'] as const };
