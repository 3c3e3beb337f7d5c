import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { HouseholdCommand } from '@khu-siao/households-domain';
import { HandleHousehold, type HouseholdChange } from './handle-household';
import type { Actor } from '@khu-siao/contracts';
import { expectedVersionFrom, versioned } from './http-versions';

export interface CommandRequest {
  readonly householdId: string;
  readonly ifMatch: string | undefined;
  readonly actor: Actor;
  readonly idempotencyKey?: string;
  readonly response: Response;
}

/** What every change to an existing household does at the edge: If-Match in, command through the bus, ETag out. */
@Injectable()
export class HouseholdCommands {
  constructor(private readonly bus: CommandBus) {}

  async change(request: CommandRequest, command: HouseholdCommand): Promise<HouseholdChange> {
    const change = await this.bus.execute<HandleHousehold, HouseholdChange>(
      new HandleHousehold(
        request.householdId,
        expectedVersionFrom(request.ifMatch),
        command,
        request.actor,
        request.idempotencyKey,
      ),
    );
    return versioned(request.response, change);
  }
}
