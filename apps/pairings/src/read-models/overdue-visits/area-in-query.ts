import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';

/** A listing over an area the query names: `districtCode` (4 digits) or `provinceCode` (2 digits). */
@Injectable()
export class AreaInQuery implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const { districtCode, provinceCode } = request.query;
    if (typeof districtCode === 'string' && /^\d{4}$/.test(districtCode)) return { districtCode };
    if (typeof provinceCode === 'string' && /^\d{2}$/.test(provinceCode) && districtCode === undefined) return { provinceCode };
    throw new RequestInvalid([{ field: 'districtCode', message: 'a 4-digit districtCode or a 2-digit provinceCode is required' }]);
  }
}
