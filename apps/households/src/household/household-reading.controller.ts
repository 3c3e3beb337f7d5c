import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidCommandError, NotFoundError } from '@khu-siao/decider';
import { householdSummary } from '@khu-siao/households-domain';
import { isEncryptedField, MissingPurposeError, type Principal, type SecurityServices } from '@khu-siao/security';
import { Allow, Caller, SECURITY } from '@khu-siao/service-runtime';
import { PersonalData, withMaskedNationalIds } from '../personal-data/personal-data';
import { AccessLoad, HouseholdArea } from './household-area';
import { HouseholdHandler, type LoadedHousehold } from './household.handler';

/** Reads straight from the household's stream (as its access check loaded it): always current, never behind a projection. */
@ApiTags('reading')
@Controller()
export class HouseholdReadingController {
  constructor(
    private readonly households: HouseholdHandler,
    private readonly personalData: PersonalData,
    @Inject(SECURITY) private readonly security: SecurityServices,
  ) {}

  @Get('households/:householdId')
  @Allow('households.read', HouseholdArea)
  @ApiOperation({ summary: "The household's current state; national IDs masked, erased fields as { erased: true }; ETag is its version" })
  @ApiOkResponse({ description: 'summary, address and members' })
  @ApiNotFoundResponse({ description: 'no such household' })
  async current(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { version, state } = await this.read(householdId, loaded);
    if (state.status === 'unregistered') throw new NotFoundError('household', householdId);
    response.setHeader('ETag', `"${version}"`);
    return withMaskedNationalIds({ version, ...householdSummary(state), members: state.members, plan: state.lifePlan });
  }

  @Get('households/:householdId/timeline')
  @Allow('households.read', HouseholdArea)
  @ApiOperation({ summary: 'Every event of the household: what, when it happened, when recorded, by whom' })
  async timeline(@Param('householdId', ParseUUIDPipe) householdId: string, @AccessLoad() loaded: Promise<LoadedHousehold> | undefined) {
    const { version, stored, events } = await this.read(householdId, loaded);
    return {
      householdId,
      version,
      entries: stored.map((event, index) =>
        withMaskedNationalIds({
          version: event.aggregateVersion,
          type: event.type,
          occurredAt: event.occurredAt,
          recordedAt: event.recordedAt,
          actor: event.actor,
          correlationId: event.correlationId,
          data: events[index]?.data,
        }),
      ),
    };
  }

  @Get('households/:householdId/members/:memberId/national-id')
  @Allow('households.readFullNationalId', HouseholdArea)
  @ApiOperation({ summary: "A member's full national ID: the read is recorded (who, when, why) before it is answered" })
  @ApiQuery({ name: 'purpose', required: true, description: 'why the full number is needed (3 to 500 characters)' })
  async fullNationalId(
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Param('memberId') memberId: string,
    @Query('purpose') purpose: unknown,
    @Caller() reader: Principal,
    @AccessLoad() loaded: Promise<LoadedHousehold> | undefined,
  ) {
    if (typeof purpose !== 'string') throw new InvalidCommandError([{ field: 'purpose', message: 'is required to read a full national ID' }]);
    const { stored } = await this.read(householdId, loaded);
    const sealed = this.personalData.sealedNationalIdOf(stored, memberId);
    if (sealed === undefined) throw new NotFoundError('member', memberId);
    if (!isEncryptedField(sealed)) return { householdId, memberId, nationalId: sealed };
    try {
      const nationalId = await this.security.nationalIds.reveal(sealed, { reader, householdId, memberId, purpose }, this.security.fullIdReads);
      return { householdId, memberId, nationalId };
    } catch (error) {
      if (error instanceof MissingPurposeError) throw new InvalidCommandError([{ field: 'purpose', message: error.message }]);
      throw error;
    }
  }

  @Get('audit/full-id-reads')
  @Allow('audit.readPersonalDataAccess', HouseholdArea)
  @ApiOperation({ summary: "Every full national-ID read of a household's members: who, when, which member, why" })
  @ApiQuery({ name: 'householdId', required: true })
  async fullIdReads(@Query('householdId', ParseUUIDPipe) householdId: string) {
    return { householdId, reads: await this.security.fullIdReads.readsOfHousehold(householdId) };
  }

  private async read(householdId: string, loaded: Promise<LoadedHousehold> | undefined) {
    const household = await (loaded ?? this.households.load(householdId));
    if (household.version === 0) throw new NotFoundError('household', householdId);
    return household;
  }
}
