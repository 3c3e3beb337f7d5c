import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';

const levels = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;

/** A search lies in the area its filters name: without a province or district filter it lies nowhere it may be asked. */
@Injectable()
export class SearchArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    // Only the codes that are strings of digits: the guard runs before validation, on the raw query.
    return Object.fromEntries(
      levels.flatMap((level) => {
        const code = request.query[level];
        return typeof code === 'string' && /^\d+$/.test(code) ? [[level, code]] : [];
      }),
    );
  }
}
