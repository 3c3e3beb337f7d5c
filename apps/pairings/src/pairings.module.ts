import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SERVICE_CONFIG, type ServiceConfig } from '@khu-siao/service-runtime';
import { defaultCaseloadLimit } from '@khu-siao/pairings-domain';
import { CASELOAD_LIMIT } from './caseload-limit';
import { AreaInQuery } from './access/area-in-query';
import { HouseholdInBody, HouseholdInPath, HouseholdPlaces, VisitedHousehold } from './access/household-area';
import { OfficialInBody, OfficialInPath } from './access/official-area';
import { PartnerInPath, ServedProvince } from './access/partner-area';
import { TeamInBody, TeamInPath } from './access/team-area';
import { Aggregates } from './command-handling/aggregates';
import { KnownHouseholdDocument, KnownHouseholdSchema } from './known-households/known-household.schema';
import { KnownHouseholds } from './known-households/known-households';
import { KnownHouseholdsProjection } from './known-households/known-households.projection';
import { OfficialsController } from './officials/officials.controller';
import { PairingProtocol } from './pairing/pairing-protocol';
import { PairingsController } from './pairing/pairings.controller';
import { PartnersController } from './partners/partners.controller';
import { PROVINCE_CODE } from './province';
import { TeamsController } from './teams/teams.controller';
import { HouseholdVisit, HouseholdVisitSchema } from './visits/visit-index.schema';
import { VisitRecords } from './visits/visit-records';
import { VisitsController } from './visits/visits.controller';

export interface PairingsOptions {
  /** The province's limit of households per official; `defaultCaseloadLimit` when not given. */
  readonly caseloadLimit?: number;
  /** The province served, where the development partners lie; no one may manage or read partners without it. */
  readonly provinceCode?: string;
}

/** Where each route's resource lies, for the access guard. */
const areaResolvers = [HouseholdPlaces, HouseholdInPath, HouseholdInBody, VisitedHousehold, OfficialInPath, OfficialInBody, TeamInPath, TeamInBody, ServedProvince, PartnerInPath, AreaInQuery];

function pairingsMetadata(options: PairingsOptions): ModuleMetadata {
  return {
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
    controllers: [OfficialsController, PairingsController, VisitsController, PartnersController, TeamsController, KnownHouseholdsProjection],
    providers: [
      Aggregates,
      KnownHouseholds,
      PairingProtocol,
      VisitRecords,
      ...areaResolvers,
      { provide: CASELOAD_LIMIT, useValue: options.caseloadLimit ?? defaultCaseloadLimit },
      { provide: PROVINCE_CODE, useValue: options.provinceCode ?? null },
    ],
  };
}

/** The pairings service: buddy officials and their caseloads, pairings, home visits, teams and development partners. */
@Module(pairingsMetadata({}))
export class PairingsModule {
  /**
   * The service with the province's settings. A module class rather than a DynamicModule, since the service runtime
   * starts a feature module class.
   */
  static forRoot(options: PairingsOptions): Type {
    @Module(pairingsMetadata(options))
    class ConfiguredPairingsModule {}
    return ConfiguredPairingsModule;
  }
}

/** The consumer group that feeds `known_households` from the households topic. */
export const householdsConsumption = { group: 'pairings-households', from: ['households'] as const };
