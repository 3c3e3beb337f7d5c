import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Clock } from '@khu-siao/service-runtime';
import { fiscalYearAt, fiscalYearRange } from '@khu-siao/welfare-payments-domain';
import { CentreInPath } from '../centre/centre-area';
import { LedgerEntries } from '../read-models/ledger-entries/ledger-entries.query';
import { PeriodQuery } from './period-query';

@ApiTags('ledgers and reports')
@ApiBearerAuth()
@Controller('centres/:centreId')
export class LedgerController {
  constructor(
    private readonly entries: LedgerEntries,
    private readonly clock: Clock,
  ) {}

  @Get('ledger')
  @Allow('centres.readLedger', CentreInPath)
  @ApiOperation({ summary: "A centre's ledger: funds, grants, payments, reversals, with running balances" })
  ledger(@Param('centreId') centreId: string) {
    return this.entries.ledgerOf(centreId);
  }

  @Get('reconciliation')
  @Allow('centres.readReconciliation', CentreInPath)
  @ApiOperation({ summary: 'Granted vs paid vs failed vs reversed for a centre over a period (default: the current fiscal year)' })
  reconciliation(@Param('centreId') centreId: string, @Query() query: PeriodQuery) {
    const current = fiscalYearRange(fiscalYearAt(this.clock.now()));
    return this.entries.reconciliationOf(centreId, { from: query.from ?? current.from, to: query.to ?? current.to });
  }
}
