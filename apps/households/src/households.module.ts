import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SERVICE_CONFIG, type ServiceConfig } from '@khu-siao/service-runtime';
import { HouseholdArea, ImportArea, RegistrationArea, SearchArea } from './access/household-areas';
import { CaseFileController } from './case-file/case-file.controller';
import { HandleHouseholdHandler } from './command-handling/handle-household';
import { HouseholdCommands } from './command-handling/household-commands';
import { HouseholdImportController } from './importing/household-import.controller';
import { HouseholdImport } from './importing/household-import';
import { HouseholdListing, HouseholdListingSchema } from './listing/household-listing.schema';
import { HouseholdListingProjection } from './listing/household-listing.projection';
import { HouseholdSearchController } from './listing/household-search.controller';
import { NationalIdRegister } from './national-ids/national-id-register';
import { PersonalData } from './personal-data/personal-data';
import { HouseholdReadingController } from './reading/household-reading.controller';
import { RegistryController } from './registry/registry.controller';

/** The households service: registry, assessments, life compass and graduation of target households. */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => ({ uri: config.mongoUrl, dbName: config.databaseName }),
    }),
    MongooseModule.forFeature([{ name: HouseholdListing.name, schema: HouseholdListingSchema }]),
  ],
  controllers: [
    RegistryController,
    HouseholdImportController,
    CaseFileController,
    HouseholdSearchController,
    HouseholdReadingController,
    HouseholdListingProjection,
  ],
  providers: [
    HandleHouseholdHandler,
    HouseholdCommands,
    NationalIdRegister,
    PersonalData,
    HouseholdImport,
    HouseholdArea,
    RegistrationArea,
    ImportArea,
    SearchArea,
  ],
})
export class HouseholdsModule {}
