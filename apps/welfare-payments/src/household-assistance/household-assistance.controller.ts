import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@khu-siao/decider';
import { Allow, KnownHouseholds } from '@khu-siao/service-runtime';
import { KhonKaen } from '../centre/centre-area';
import { LedgerEntries } from '../read-models/ledger-entries/ledger-entries.query';

@ApiTags('ledgers and reports')
@ApiBearerAuth()
@Controller('households/:householdId/assistance')
export class HouseholdAssistanceController {
  constructor(
    private readonly households: KnownHouseholds,
    private readonly entries: LedgerEntries,
  ) {}

  @Get()
  @Allow('grants.read', KhonKaen)
  @ApiOperation({ summary: "A household's assistance history: every grant it was given, with its payments" })
  @ApiNotFoundResponse({ description: 'the household is not known to this service' })
  async history(@Param('householdId') householdId: string) {
    if ((await this.households.of(householdId)) === null) throw new NotFoundError('household', householdId);
    return { householdId, grants: await this.entries.historyOf(householdId) };
  }
}
