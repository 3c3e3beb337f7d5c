import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { idIn } from '../request-ids';
import { OfficialHandler } from './official.handler';

/** An official lies in the district they are enrolled in (their home district). */
@Injectable()
export class OfficialInPath implements AreaResolver {
  constructor(private readonly officials: OfficialHandler) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const officialId = idIn(request.params, 'officialId');
    const { state } = await this.officials.load(officialId);
    if (state.status === 'notEnrolled') throw new NotFoundError('official', officialId);
    return { districtCode: state.enrolment.homeDistrictCode };
  }
}

/** An official being enrolled: the home district the body names. */
@Injectable()
export class OfficialInBody implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    return { districtCode: idIn(request.body, 'homeDistrictCode') };
  }
}
