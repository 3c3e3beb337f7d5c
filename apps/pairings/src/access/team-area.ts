import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError, optional } from '@khu-siao/decider';
import { teamDecider } from '@khu-siao/pairings-domain';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { Aggregates, teamStream } from '../command-handling/aggregates';
import { idIn } from './household-area';

/** A team lies in its district (or the one tambon of it it was formed for). */
@Injectable()
export class TeamInPath implements AreaResolver {
  constructor(private readonly aggregates: Aggregates) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const teamId = idIn(request.params, 'teamId');
    const { state } = await this.aggregates.load(teamStream(teamId), teamDecider);
    if (state.status === 'notFormed') throw new NotFoundError('team', teamId);
    return { districtCode: state.area.districtCode, ...optional('tambonCode', state.area.tambonCode) };
  }
}

/** A team being formed: the area the body names. */
@Injectable()
export class TeamInBody implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const area = (request.body as { area?: { tambonCode?: unknown } } | undefined)?.area;
    const districtCode = idIn(area, 'districtCode', 'area.districtCode');
    return { districtCode, ...(area?.tambonCode === undefined ? {} : { tambonCode: idIn(area, 'tambonCode', 'area.tambonCode') }) };
  }
}
