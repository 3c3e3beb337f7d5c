import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { areaCodePattern, areaOfCode, checkedCode } from '../report/area-codes';

/** The area of a roll-up route: the `code` of its path. */
@Injectable()
export class RollupArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    return areaOfCode(checkedCode(request.params['code'], 'code', areaCodePattern, 'must be an area code of 2, 4, 6 or 8 digits'));
  }
}
