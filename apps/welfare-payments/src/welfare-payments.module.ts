import { Module } from '@nestjs/common';
import { DecideOnStreamHandler } from './command-handling/decide-on-stream';
import { WelfareCommands } from './command-handling/welfare-commands';
import { GrantsController } from './http/grants.controller';
import { ProgrammesBudgetsController } from './http/programmes-budgets.controller';
import { ReadingsController } from './http/readings.controller';
import { KnownHouseholdsProjection } from './known-households/known-households.projection';
import { WelfareRecords } from './reading/welfare-records';

/** The welfare-payments service: programmes, centre budgets, grants and their payment, ledgers and receipts. */
@Module({
  controllers: [ProgrammesBudgetsController, GrantsController, ReadingsController, KnownHouseholdsProjection],
  providers: [DecideOnStreamHandler, WelfareCommands, WelfareRecords],
})
export class WelfarePaymentsModule {}
