import { Module } from '@nestjs/common';
import { DecideOnStreamHandler } from './command-handling/decide-on-stream';
import { WelfareCommands } from './command-handling/welfare-commands';
import { CentresController } from './http/centres.controller';
import { GrantsController } from './http/grants.controller';
import { ProgrammesBudgetsController } from './http/programmes-budgets.controller';
import { ReadingsController } from './http/readings.controller';
import { KnownHouseholdsProjection } from './known-households/known-households.projection';
import { CentreRegister } from './reading/centre-register';
import { WelfareRecords } from './reading/welfare-records';
import { welfareAreas } from './http/welfare-areas';

/** The welfare-payments service: the centre register, programmes, centre budgets, grants and their payment, ledgers and receipts. */
@Module({
  controllers: [CentresController, ProgrammesBudgetsController, GrantsController, ReadingsController, KnownHouseholdsProjection],
  providers: [DecideOnStreamHandler, WelfareCommands, WelfareRecords, CentreRegister, ...welfareAreas],
})
export class WelfarePaymentsModule {}
