import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { idIn } from '../request-ids';
import { PartnerHandler } from './partner.handler';
import { PROVINCE_CODE } from './province';

/**
 * A development partner signs the province's MOU and carries no area of its own: it lies province-wide, in the
 * province this service serves. Without one configured it lies nowhere, and is refused to everyone.
 */
@Injectable()
export class ServedProvince implements AreaResolver {
  constructor(@Inject(PROVINCE_CODE) private readonly provinceCode: string | null) {}
  areaOf(): ResourceArea {
    return this.provinceCode ? { provinceCode: this.provinceCode } : {};
  }
}

/** The partner of `/partners/:partnerId`: 404 when never registered, else the province served. */
@Injectable()
export class PartnerInPath implements AreaResolver {
  constructor(
    private readonly partners: PartnerHandler,
    private readonly province: ServedProvince,
  ) {}
  async areaOf(request: Request): Promise<ResourceArea> {
    const partnerId = idIn(request.params, 'partnerId');
    const { state } = await this.partners.load(partnerId);
    if (state.status === 'notRegistered') throw new NotFoundError('partner', partnerId);
    return this.province.areaOf();
  }
}
