import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';
import type { ResourceArea } from '@khu-siao/security';
import { khonKaenProvinceCode } from '@khu-siao/thai-areas';
import { CentreRegister } from '../read-models/centre-register/centre-register.query';

/**
 * Where welfare money lies: with the centre that pays it. A centre's area is its id (a tambon welfare officer acts
 * for one centre) and its codes on the register (an administrator or auditor acts for the province).
 */
@Injectable()
export class CentreAreas {
  constructor(private readonly register: CentreRegister) {}

  async of(centreId: unknown): Promise<ResourceArea> {
    // Read before the body is validated: a missing centre is bad input (400), not an area no one covers.
    if (typeof centreId !== 'string' || centreId === '') throw new RequestInvalid([{ field: 'centreId', message: 'must name the centre' }]);
    const centre = await this.register.centre(centreId);
    if (!centre) throw new NotFoundError('centre', centreId);
    const { provinceCode, districtCode, tambonCode } = centre.area;
    return { centreId, provinceCode, districtCode, tambonCode };
  }

  /** Where what a centre pays for (a budget, a grant) lies: with that centre; null for one never recorded (404). */
  payingFor(resource: 'budget' | 'grant', id: string, centreId: string | null): Promise<ResourceArea> {
    if (centreId === null) throw new NotFoundError(resource, id);
    return this.of(centreId);
  }
}

const bodyOf = (request: Request) => (request.body ?? {}) as Record<string, unknown>;

/** `/centres/:centreId/…`: the centre itself. */
@Injectable()
export class CentreInPath implements AreaResolver {
  constructor(private readonly centres: CentreAreas) {}

  areaOf(request: Request) {
    return this.centres.of(request.params['centreId']);
  }
}

/** A body naming the centre that pays (`centreId`): a budget's allocation, a grant. */
@Injectable()
export class PayingCentreInBody implements AreaResolver {
  constructor(private readonly centres: CentreAreas) {}

  areaOf(request: Request) {
    return this.centres.of(bodyOf(request)['centreId']);
  }
}

/**
 * A centre to be registered lies in the province its body names (a malformed code: 400 before anything else is
 * weighed; the district and tambon are checked by the register itself).
 */
@Injectable()
export class RequestedCentreArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const { centreId, area } = bodyOf(request);
    const provinceCode = (area as { provinceCode?: unknown } | undefined)?.provinceCode;
    if (typeof provinceCode !== 'string' || !/^\d{2}$/.test(provinceCode)) {
      throw new RequestInvalid([{ field: 'area.provinceCode', message: 'must be a 2-digit province code' }]);
    }
    return { centreId: String(centreId), provinceCode };
  }
}

/**
 * What the whole register holds lies in Khon Kaen (its only province): programmes, the listing of centres (by the
 * district and tambon asked for), a household's assistance history (every grant of it paid by a Khon Kaen centre).
 */
@Injectable()
export class KhonKaen implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const code = (name: string) => (typeof request.query[name] === 'string' ? { [name]: request.query[name] as string } : {});
    return { provinceCode: khonKaenProvinceCode, ...code('districtCode'), ...code('tambonCode') };
  }
}
