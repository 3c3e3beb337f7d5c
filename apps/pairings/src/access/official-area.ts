import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { officialDecider } from '@khu-siao/pairings-domain';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { Aggregates, officialStream } from '../command-handling/aggregates';
import { idIn } from './household-area';

/** An official lies in the district they are enrolled in (their home district). */
@Injectable()
export class OfficialInPath implements AreaResolver {
  constructor(private readonly aggregates: Aggregates) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const officialId = idIn(request.params, 'officialId');
    const { state } = await this.aggregates.load(officialStream(officialId), officialDecider);
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
