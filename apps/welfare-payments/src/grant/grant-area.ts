import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { CentreAreas } from '../centre/centre-area';
import { Grants } from '../read-models/grants/grants.query';

/** `/grants/:grantId…`: the centre that pays the grant. */
@Injectable()
export class GrantCentre implements AreaResolver {
  constructor(
    private readonly grants: Grants,
    private readonly centres: CentreAreas,
  ) {}

  async areaOf(request: Request) {
    const grantId = String(request.params['grantId']);
    return this.centres.payingFor('grant', grantId, await this.grants.centreOf(grantId));
  }
}
