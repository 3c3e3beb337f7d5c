import type { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { HouseholdCommand, HouseholdState } from '@khu-siao/households-domain';
import { expectedVersionOf, withETag, type CommandContext, type CommandOutcome } from '@khu-siao/service-runtime';
import { HandleHousehold, type LoadedHousehold } from './household.handler';

/** What a change answers: never the state, which holds the members in clear. */
export interface HouseholdChange {
  readonly householdId: string;
  readonly version: number;
  /** False when the command changed nothing (or was a retry answered from the first time). */
  readonly changed: boolean;
}

/** Sends a household command through the bus and answers what it changed. */
export async function changeHousehold(bus: CommandBus, command: HandleHousehold): Promise<HouseholdChange> {
  const { aggregateId, version, changed } = await bus.execute<HandleHousehold, CommandOutcome<HouseholdState>>(command);
  return { householdId: aggregateId, version, changed };
}

/** A request to change an existing household, as a route receives it. */
export interface HouseholdRequest {
  readonly householdId: string;
  readonly ifMatch: string | undefined;
  readonly context: CommandContext;
  /** The household as the request's access check loaded it. */
  readonly loaded: Promise<LoadedHousehold> | undefined;
  readonly response: Response;
}

/** A change decided on the version the client last read (If-Match, required), answered with the new one as ETag. */
export async function changeAsLastRead(bus: CommandBus, request: HouseholdRequest, command: HouseholdCommand): Promise<HouseholdChange> {
  const expectedVersion = expectedVersionOf(request.ifMatch, 'required', 'household');
  const change = await changeHousehold(bus, new HandleHousehold(request.householdId, command, request.context, expectedVersion, request.loaded));
  return withETag(request.response, change);
}
