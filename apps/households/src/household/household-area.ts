import { Injectable, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';
import { HouseholdListingQuery } from '../read-models/household-listing/household-listing.query';
import { HouseholdHandler, type LoadedHousehold } from './household.handler';

/** The household each request's access check loaded: the route reads or decides on this load, not a second one. */
const loadedBy = new WeakMap<Request, { readonly householdId: string; readonly loaded: Promise<LoadedHousehold> }>();

/** The household the access check of this request loaded (undefined on a route that names none). */
export const AccessLoad = createParamDecorator((_: unknown, context: ExecutionContext): Promise<LoadedHousehold> | undefined => {
  const request = context.switchToHttp().getRequest<Request>();
  const entry = loadedBy.get(request);
  return entry && entry.householdId === request.params['householdId'] ? entry.loaded : undefined;
});

/**
 * Where an existing household lies: its area from its own stream (always current) and the buddies paired with it
 * from the listing. The household is named by the path, or by `householdId` in the query.
 */
@Injectable()
export class HouseholdArea implements AreaResolver {
  constructor(
    private readonly households: HouseholdHandler,
    private readonly listing: HouseholdListingQuery,
  ) {}

  async areaOf(request: Request): Promise<ResourceArea | undefined> {
    const householdId = request.params['householdId'] ?? request.query['householdId'];
    if (typeof householdId !== 'string' || householdId === '') return undefined;
    // One read of the stream per request: the route decides on (or answers) the very load its access was checked on.
    const loaded = this.households.load(householdId);
    loadedBy.set(request, { householdId, loaded });
    const [{ state }, buddyOfficialIds] = await Promise.all([loaded, this.listing.buddiesOf(householdId)]);
    if (state.status === 'unregistered') return undefined;
    const { provinceCode, districtCode, tambonCode, villageCode } = state.address.area;
    return { provinceCode, districtCode, tambonCode, villageCode, buddyOfficialIds };
  }
}

const codeDigits = { provinceCode: 2, districtCode: 4, tambonCode: 6, villageCode: 8 } as const;
const levels = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;

/**
 * A registration lies where the address in its body says. Read before the body is validated, so a code that is
 * missing or malformed is answered here, 400 naming it, rather than weighed as an area no one covers.
 */
@Injectable()
export class RegistrationArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const area = (request.body as { address?: { area?: Record<string, unknown> } } | undefined)?.address?.area;
    const codes: Partial<Record<(typeof levels)[number], string>> = {};
    const issues = levels.flatMap((level) => {
      const code = area?.[level];
      if (typeof code === 'string' && new RegExp(`^\\d{${codeDigits[level]}}$`).test(code)) {
        codes[level] = code;
        return [];
      }
      return [{ field: `address.area.${level}`, message: `must be a ${codeDigits[level]}-digit code` }];
    });
    if (issues.length > 0) throw new RequestInvalid(issues);
    return codes;
  }
}
