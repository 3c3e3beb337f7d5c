import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError, optional } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { idIn } from '../request-ids';
import { TeamHandler } from './team.handler';

/** A team lies in its district (or the one tambon of it it was formed for). */
@Injectable()
export class TeamInPath implements AreaResolver {
  constructor(private readonly teams: TeamHandler) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const teamId = idIn(request.params, 'teamId');
    const { state } = await this.teams.load(teamId);
    if (state.status === 'notFormed') throw new NotFoundError('team', teamId);
    return { districtCode: state.area.districtCode, ...optional('tambonCode', state.area.tambonCode) };
  }
}

/** A team being formed: the area the body names. */
@Injectable()
export class TeamInBody implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const body: unknown = request.body;
    const area: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'area') : undefined;
    const districtCode = idIn(area, 'districtCode', 'area.districtCode');
    const tambonCode: unknown = typeof area === 'object' && area !== null ? Reflect.get(area, 'tambonCode') : undefined;
    return { districtCode, ...(tambonCode === undefined ? {} : { tambonCode: idIn(area, 'tambonCode', 'area.tambonCode') }) };
  }
}
