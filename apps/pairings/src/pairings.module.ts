import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { defaultCaseloadLimit } from '@khu-siao/pairings-domain';
import { KnownHouseholdsModule } from '@khu-siao/service-runtime';
import { HouseholdInBody, HouseholdInPath, HouseholdPlaces } from './household/household-area';
import { CASELOAD_LIMIT } from './official/caseload-limit';
import { OfficialInBody, OfficialInPath } from './official/official-area';
import { OfficialController } from './official/official.controller';
import { OfficialHandler } from './official/official.handler';
import { PairingController } from './pairing/pairing.controller';
import { PairingHandler } from './pairing/pairing.handler';
import { PairingProtocolRunner } from './pairing/pairing.process';
import { PartnerInPath, ServedProvince } from './partner/partner-area';
import { PartnerController } from './partner/partner.controller';
import { PartnerHandler } from './partner/partner.handler';
import { PROVINCE_CODE } from './partner/province';
import { HouseholdVisit, HouseholdVisitSchema } from './read-models/household-visits/household-visit.schema';
import { HouseholdVisitsController } from './read-models/household-visits/household-visits.controller';
import { HouseholdVisitsProjection } from './read-models/household-visits/household-visits.projection';
import { HouseholdVisitsQuery } from './read-models/household-visits/household-visits.query';
import { AreaInQuery } from './read-models/overdue-visits/area-in-query';
import { OverdueHouseholdsConsumer } from './read-models/overdue-visits/overdue-households.consumer';
import { OverdueVisit, OverdueVisitSchema } from './read-models/overdue-visits/overdue-visit.schema';
import { OverdueVisitsController } from './read-models/overdue-visits/overdue-visits.controller';
import { OverdueVisitsProjection } from './read-models/overdue-visits/overdue-visits.projection';
import { OverdueVisitsQuery } from './read-models/overdue-visits/overdue-visits.query';
import { TeamInBody, TeamInPath } from './team/team-area';
import { TeamController } from './team/team.controller';
import { TeamHandler } from './team/team.handler';
import { VisitedHousehold } from './visit/visit-area';
import { VisitCipher } from './visit/visit-cipher';
import { VisitController } from './visit/visit.controller';
import { VisitHandler } from './visit/visit.handler';

export interface PairingsOptions {
  /** The province's limit of households per official; `defaultCaseloadLimit` when not given. */
  readonly caseloadLimit?: number;
  /** The province served, where the development partners lie; no one may manage or read partners without it. */
  readonly provinceCode?: string;
}

const handlers = [OfficialHandler, PairingHandler, VisitHandler, TeamHandler, PartnerHandler];
/** Where each route's resource lies, for the access guard. */
const areaResolvers = [HouseholdPlaces, HouseholdInPath, HouseholdInBody, VisitedHousehold, OfficialInPath, OfficialInBody, TeamInPath, TeamInBody, ServedProvince, PartnerInPath, AreaInQuery];
const readModels = [HouseholdVisitsProjection, HouseholdVisitsQuery, OverdueVisitsProjection, OverdueVisitsQuery];

function pairingsMetadata(options: PairingsOptions): ModuleMetadata {
  return {
    imports: [
      KnownHouseholdsModule,
      MongooseModule.forFeature([
        { name: HouseholdVisit.name, schema: HouseholdVisitSchema },
        { name: OverdueVisit.name, schema: OverdueVisitSchema },
      ]),
    ],
    controllers: [
      OfficialController,
      PairingController,
      VisitController,
      HouseholdVisitsController,
      OverdueVisitsController,
      PartnerController,
      TeamController,
      OverdueHouseholdsConsumer,
    ],
    providers: [
      ...handlers,
      ...areaResolvers,
      ...readModels,
      VisitCipher,
      PairingProtocolRunner,
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

/** The consumer group that feeds what pairings knows of households (`known_households`, `overdue_visits`). */
export const householdsConsumption = { group: 'pairings-households', from: ['households'] as const };
