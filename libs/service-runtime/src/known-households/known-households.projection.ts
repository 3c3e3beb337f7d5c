import { Controller, Inject } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, type PlatformEvent } from '@khu-siao/contracts';
import { isDuplicateKeyError } from '@khu-siao/event-store';
import type { SecurityServices } from '@khu-siao/security';
import { SECURITY } from '../tokens';
import { KnownHousehold } from './known-household.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);

/** Thrown when another writer moved the document first: the consumer retries the event. */
class KnownHouseholdMovedOn extends Error {
  override readonly name = 'KnownHouseholdMovedOn';
}

export type KnownHouseholdChange = Partial<Pick<KnownHousehold, 'status' | 'area' | 'lifePlan'>>;

/** What each household event changes in what the service knows; most change nothing but the version. */
export function knownHouseholdChangeOf(event: PlatformEvent): KnownHouseholdChange {
  switch (event.type) {
    case 'HouseholdRegistered':
      return { status: 'active', area: event.data.address.area };
    case 'HouseholdMoved':
      return { area: event.data.to.area };
    case 'HouseholdGraduated':
      return { status: 'graduated' };
    case 'HouseholdCaseClosed':
      return { status: 'closed' };
    // The erasure ends the case for good: no new pairing, pledge, visit or grant.
    case 'HouseholdErased':
      return { status: 'erased' };
    case 'LifePlanDrawnUp':
      return { lifePlan: { planId: event.data.planId, goalIds: event.data.goals.map((goal) => goal.goalId) } };
    default:
      return {};
  }
}

/**
 * Keeps `known_households` in step with the households topic. One partition per household keeps its events in
 * order; the version guard makes a redelivery or a replay a no-op, and a lost race a retry.
 */
@Controller()
export class KnownHouseholdsProjection {
  constructor(
    @InjectModel(KnownHousehold.name) private readonly households: Model<KnownHousehold>,
    @Inject(SECURITY) private readonly security: SecurityServices,
  ) {}

  @EventPattern(householdEventTypes)
  async apply(@Payload() event: PlatformEvent): Promise<void> {
    const householdId = event.aggregateId;
    // The households service destroys the key; this process forgets its cached copy, so sealed fields read as erased.
    if (event.type === 'HouseholdErased') this.security.dataKeys.evict(householdId);
    const current = await this.households.findById(householdId, { version: 1 }).lean();
    const known = current?.version ?? 0;
    if (known >= event.aggregateVersion) return;
    const change = knownHouseholdChangeOf(event);
    if (!current) {
      try {
        await this.households.create({ _id: householdId, version: event.aggregateVersion, status: 'active', area: null, lifePlan: null, ...change });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        throw new KnownHouseholdMovedOn(`known household ${householdId} was created meanwhile`);
      }
      return;
    }
    const updated = await this.households.updateOne({ _id: householdId, version: known }, { $set: { version: event.aggregateVersion, ...change } });
    if (updated.matchedCount === 0) throw new KnownHouseholdMovedOn(`known household ${householdId} moved past version ${known}`);
  }
}
