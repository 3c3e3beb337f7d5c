import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, fold } from '@khu-siao/decider';
import { EventStore } from '@khu-siao/event-store';
import { householdDecider, householdSummary, type HouseholdEvent } from '@khu-siao/households-domain';
import { householdStream } from '../command-handling/household-stream';
import { withMaskedNationalIds } from './masking';

/** Reads straight from the household's stream: always current, never behind a projection. */
@ApiTags('reading')
@Controller('households/:householdId')
export class HouseholdReadingController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: "The household's current state; national IDs masked; ETag is its version" })
  @ApiOkResponse({ description: 'summary, address and members' })
  @ApiNotFoundResponse({ description: 'no such household' })
  async current(@Param('householdId', ParseUUIDPipe) householdId: string, @Res({ passthrough: true }) response: Response) {
    const { version, events } = await this.read(householdId);
    const state = fold(householdDecider, events as unknown as HouseholdEvent[]);
    if (state.status === 'unregistered') throw new NotFoundError('household', householdId);
    response.setHeader('ETag', `"${version}"`);
    return withMaskedNationalIds({
      version,
      ...householdSummary(state),
      members: state.members,
      plan: state.lifePlan,
    });
  }

  @Get('timeline')
  @ApiOperation({ summary: 'Every event of the household: what, when it happened, when recorded, by whom' })
  async timeline(@Param('householdId', ParseUUIDPipe) householdId: string) {
    const { version, events } = await this.read(householdId);
    return {
      householdId,
      version,
      entries: events.map((event) =>
        withMaskedNationalIds({
          version: event.aggregateVersion,
          type: event.type,
          occurredAt: event.occurredAt,
          recordedAt: event.recordedAt,
          actor: event.actor,
          correlationId: event.correlationId,
          data: event.data,
        }),
      ),
    };
  }

  private async read(householdId: string) {
    const stream = await this.store.readStream(householdStream(householdId));
    if (stream.version === 0) throw new NotFoundError('household', householdId);
    return stream;
  }
}
