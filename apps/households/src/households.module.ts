import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CaseFileController } from './household/case-file.controller';
import { HouseholdArea, RegistrationArea } from './household/household-area';
import { HouseholdReadingController } from './household/household-reading.controller';
import { HouseholdHandler } from './household/household.handler';
import { RegistryController } from './household/registry.controller';
import { HouseholdImportController } from './importing/household-import.controller';
import { HouseholdImport } from './importing/household-import';
import { ImportArea } from './importing/import-area';
import { NationalIdRegister } from './national-ids/national-id-register';
import { PersonalData } from './personal-data/personal-data';
import { HouseholdListing, HouseholdListingSchema } from './read-models/household-listing/household-listing.schema';
import { HouseholdBuddiesProjection, HouseholdListingProjection } from './read-models/household-listing/household-listing.projection';
import { HouseholdListingQuery } from './read-models/household-listing/household-listing.query';
import { HouseholdSearchController } from './read-models/household-listing/household-search.controller';
import { SearchArea } from './read-models/household-listing/search-area';

/** The households service: registry, assessments, life compass and graduation of target households. */
@Module({
  imports: [MongooseModule.forFeature([{ name: HouseholdListing.name, schema: HouseholdListingSchema }])],
  controllers: [
    RegistryController,
    CaseFileController,
    HouseholdReadingController,
    HouseholdImportController,
    HouseholdSearchController,
    // The buddies come from the pairings topic; the household's own part of the listing from this service's log.
    HouseholdBuddiesProjection,
  ],
  providers: [
    HouseholdHandler,
    PersonalData,
    NationalIdRegister,
    HouseholdImport,
    HouseholdListingProjection,
    HouseholdListingQuery,
    HouseholdArea,
    RegistrationArea,
    ImportArea,
    SearchArea,
  ],
})
export class HouseholdsModule {}
