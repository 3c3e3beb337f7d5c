import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { areaOfCode, checkedCode } from '../report/area-codes';

/** The area of the officials' ranking: the optional `areaCode` of the query (officials whose home district lies there), else the nation. */
@Injectable()
export class RankingArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const code = request.query['areaCode'];
    return code === undefined ? {} : areaOfCode(checkedCode(code, 'areaCode', /^(\d{2}|\d{4})$/, 'must be a province (2 digits) or district (4 digits) code'));
  }
}
