import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { NotFoundError } from '@khu-siao/decider';
import { EventStore } from '@khu-siao/event-store';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { HouseholdPlaces } from '../household/household-area';
import { idIn } from '../request-ids';
import { visitStream } from './visit.handler';

/** The household visited in `/visits/:visitId/…`: named in clear by the visit's first event, nothing opened. */
@Injectable()
export class VisitedHousehold implements AreaResolver {
  constructor(
    private readonly places: HouseholdPlaces,
    private readonly store: EventStore,
  ) {}

  async areaOf(request: Request): Promise<ResourceArea> {
    const visitId = idIn(request.params, 'visitId');
    const { events } = await this.store.readStream(visitStream(visitId));
    const logged = events.find((event) => event.type === 'VisitLogged');
    if (!logged) throw new NotFoundError('visit', visitId);
    return this.places.of(logged.data.householdId);
  }
}
