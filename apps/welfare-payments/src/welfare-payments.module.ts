import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownHouseholdsModule, NoArea } from '@khu-siao/service-runtime';
import { BudgetCentre } from './budget/budget-area';
import { BudgetController } from './budget/budget.controller';
import { BudgetHandler } from './budget/budget.handler';
import { CentreAreas, CentreInPath, KhonKaen, PayingCentreInBody, RequestedCentreArea } from './centre/centre-area';
import { CentreController } from './centre/centre.controller';
import { CentreHandler } from './centre/centre.handler';
import { GrantCentre } from './grant/grant-area';
import { GrantAward } from './grant/grant-award.process';
import { GrantCancellation } from './grant/grant-cancellation.process';
import { GrantController } from './grant/grant.controller';
import { GrantHandler, GrantPaymentHandler } from './grant/grant.handler';
import { HouseholdAssistanceController } from './household-assistance/household-assistance.controller';
import { LedgerController } from './ledger/ledger.controller';
import { ProgrammeController } from './programme/programme.controller';
import { ProgrammeHandler } from './programme/programme.handler';
import { BudgetFigures, BudgetFiguresSchema } from './read-models/budgets/budget-figures.schema';
import { BudgetsProjection } from './read-models/budgets/budgets.projection';
import { Budgets } from './read-models/budgets/budgets.query';
import { CentreListing, CentreListingSchema } from './read-models/centre-register/centre-listing.schema';
import { CentreRegisterProjection } from './read-models/centre-register/centre-register.projection';
import { CentreRegister } from './read-models/centre-register/centre-register.query';
import { GrantParties, GrantPartiesSchema } from './read-models/grants/grant-parties.schema';
import { GrantsProjection } from './read-models/grants/grants.projection';
import { Grants } from './read-models/grants/grants.query';
import { LedgerEntry, LedgerEntrySchema } from './read-models/ledger-entries/ledger-entry.schema';
import { LedgerEntriesProjection } from './read-models/ledger-entries/ledger-entries.projection';
import { LedgerEntries } from './read-models/ledger-entries/ledger-entries.query';

/** The welfare-payments service: the centre register, programmes, centre budgets, grants and their payment, ledgers and receipts. */
@Module({
  imports: [
    KnownHouseholdsModule,
    MongooseModule.forFeature([
      { name: CentreListing.name, schema: CentreListingSchema },
      { name: BudgetFigures.name, schema: BudgetFiguresSchema },
      { name: GrantParties.name, schema: GrantPartiesSchema },
      { name: LedgerEntry.name, schema: LedgerEntrySchema },
    ]),
  ],
  controllers: [CentreController, ProgrammeController, BudgetController, GrantController, LedgerController, HouseholdAssistanceController],
  providers: [
    CentreHandler,
    ProgrammeHandler,
    BudgetHandler,
    GrantHandler,
    GrantPaymentHandler,
    GrantAward,
    GrantCancellation,
    CentreRegisterProjection,
    BudgetsProjection,
    GrantsProjection,
    LedgerEntriesProjection,
    CentreRegister,
    Budgets,
    Grants,
    LedgerEntries,
    NoArea,
    CentreAreas,
    CentreInPath,
    PayingCentreInBody,
    RequestedCentreArea,
    KhonKaen,
    BudgetCentre,
    GrantCentre,
  ],
})
export class WelfarePaymentsModule {}
