import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { pairingDecider, visitDecider } from '@khu-siao/pairings-domain';
import type { ResourceArea } from '@khu-siao/security';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';
import { Aggregates, pairingStream, visitStream } from '../command-handling/aggregates';
import { KnownHouseholds } from '../known-households/known-households';

/**
 * Where a household lies for access: its area as the households topic told it, and its buddy as this service
 * recorded the pairing (a field official sees the households paired with them, no other). An unknown household
 * is a 404 before any rule is weighed.
 */
@Injectable()
export class HouseholdPlaces {
  constructor(
    private readonly households: KnownHouseholds,
    private readonly aggregates: Aggregates,
  ) {}

  async of(householdId: string): Promise<ResourceArea> {
    const [area, pairing] = await Promise.all([this.households.areaOf(householdId), this.aggregates.load(pairingStream(householdId), pairingDecider)]);
    if (area === undefined) throw new NotFoundError('household', householdId);
    const buddy = pairing.state.current?.officialId;
    return { ...area, buddyOfficialIds: buddy ? [buddy] : [] };
  }
}

/**
 * Reads an id or code the guard needs before the validation pipe has run: a non-string is the caller's fault (400,
 * naming `field`, the path in the request).
 */
export function idIn(source: unknown, key: string, field = key): string {
  const value = (source as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new RequestInvalid([{ field, message: 'must be an id' }]);
  return value;
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

/** The household visited in `/visits/:visitId/…`. */
@Injectable()
export class VisitedHousehold implements AreaResolver {
  constructor(
    private readonly places: HouseholdPlaces,
    private readonly aggregates: Aggregates,
  ) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const visitId = idIn(request.params, 'visitId');
    const { state } = await this.aggregates.load(visitStream(visitId), visitDecider);
    if (state.status === 'notLogged') throw new NotFoundError('visit', visitId);
    return this.places.of(state.householdId);
  }
}
