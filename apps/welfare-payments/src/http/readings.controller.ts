import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@khu-siao/decider';
import { centreLedger, fiscalYearAt, fiscalYearRange, householdAssistanceHistory, reconciliation } from '@khu-siao/welfare-payments-domain';
import { bangkokNow } from '../command-handling/clock';
import { WelfareRecords } from '../reading/welfare-records';
import { Allow } from '@khu-siao/service-runtime';
import { PeriodQuery } from './bodies';
import { CentreInPath, KhonKaen } from './welfare-areas';

@ApiTags('ledgers and reports')
@ApiBearerAuth()
@Controller()
export class ReadingsController {
  constructor(private readonly records: WelfareRecords) {}

  @Get('households/:householdId/assistance')
  @Allow('grants.read', KhonKaen)
  @ApiOperation({ summary: "A household's assistance history: every grant it was given, with its payments" })
  @ApiNotFoundResponse({ description: 'the household is not known to this service' })
  async householdHistory(@Param('householdId') householdId: string) {
    if (!(await this.records.householdKnown(householdId))) throw new NotFoundError('household', householdId);
    const grants = householdAssistanceHistory(await this.records.householdEvents(householdId), householdId);
    return { householdId, grants };
  }

  @Get('centres/:centreId/ledger')
  @Allow('centres.readLedger', CentreInPath)
  @ApiOperation({ summary: "A centre's ledger: funds, grants, payments, reversals, with running balances" })
  async ledger(@Param('centreId') centreId: string) {
    return centreLedger(await this.records.centreEvents(centreId), centreId);
  }

  @Get('centres/:centreId/reconciliation')
  @Allow('centres.readReconciliation', CentreInPath)
  @ApiOperation({ summary: 'Granted vs paid vs failed vs reversed for a centre over a period (default: the current fiscal year)' })
  async reconciliation(@Param('centreId') centreId: string, @Query() query: PeriodQuery) {
    const current = fiscalYearRange(fiscalYearAt(bangkokNow()));
    const period = { from: query.from ?? current.from, to: query.to ?? current.to };
    return reconciliation(await this.records.centreEvents(centreId), centreId, period);
  }
}
