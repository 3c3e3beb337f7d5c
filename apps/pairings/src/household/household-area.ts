import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import { KnownHouseholds, type AreaResolver } from '@khu-siao/service-runtime';
import { PairingHandler } from '../pairing/pairing.handler';
import { idIn } from '../request-ids';

/**
 * Where a household lies for access: its area as the households topic told it, and its buddy as this service
 * recorded the pairing (a field official sees the households paired with them, no other). An unknown household
 * is a 404 before any rule is weighed.
 */
@Injectable()
export class HouseholdPlaces {
  constructor(
    private readonly households: KnownHouseholds,
    private readonly pairings: PairingHandler,
  ) {}

  async of(householdId: string): Promise<ResourceArea> {
    const [area, pairing] = await Promise.all([this.households.areaOf(householdId), this.pairings.load(householdId)]);
    if (area === undefined) throw new NotFoundError('household', householdId);
    const buddy = pairing.state.current?.officialId;
    return { ...area, buddyOfficialIds: buddy ? [buddy] : [] };
  }
}

/** The household of `/households/:householdId/…`. */
@Injectable()
export class HouseholdInPath implements AreaResolver {
  constructor(private readonly places: HouseholdPlaces) {}
  areaOf(request: Request): Promise<ResourceArea> {
    return this.places.of(idIn(request.params, 'householdId'));
  }
}

/** The household a body names (`householdId`): a visit logged or a pledge made for it. */
@Injectable()
export class HouseholdInBody implements AreaResolver {
  constructor(private readonly places: HouseholdPlaces) {}
  areaOf(request: Request): Promise<ResourceArea> {
    return this.places.of(idIn(request.body, 'householdId'));
  }
}
