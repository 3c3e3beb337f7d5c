import { Controller, Inject } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { householdEvents, type AreaCode, type EventEnvelope } from '@khu-siao/contracts';
import type { SecurityServices } from '@khu-siao/security';
import { SECURITY } from '@khu-siao/service-runtime';
import { KnownHouseholdDocument } from './known-household.schema';

const householdEventTypes = householdEvents.map((definition) => definition.type);

/** Thrown when another writer moved the document first: the consumer retries the event. */
class KnownHouseholdMovedOn extends Error {
  override readonly name = 'KnownHouseholdMovedOn';
}

type Change = Partial<Pick<KnownHouseholdDocument, 'status' | 'area' | 'lifePlan'>>;

/** The clear area codes of a (v2) address; its sealed house number is left alone. */
const areaOf = (address: unknown): AreaCode => (address as { area: AreaCode }).area;

/**
 * What each household event changes in what pairings knows; most change nothing but the version. Members and
 * house numbers are sealed personal data pairings has no use for: they are never read.
 */
function changeOf(event: EventEnvelope): Change {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'HouseholdRegistered':
      return { status: 'active', area: areaOf(data['address']) };
    case 'HouseholdMoved':
      return { area: areaOf(data['to']) };
    case 'HouseholdGraduated':
      return { status: 'graduated' };
    case 'HouseholdCaseClosed':
      return { status: 'closed' };
    // The erasure ends the case for good: no new pairing, pledge or visit.
    case 'HouseholdErased':
      return { status: 'erased' };
    case 'LifePlanDrawnUp': {
      const goals = (data['goals'] as { goalId: string }[] | undefined) ?? [];
      return { lifePlan: { planId: String(data['planId']), goalIds: goals.map((goal) => goal.goalId) } };
    }
    default:
      return {};
  }
}

/**
 * Keeps `known_households` in step with the households topic (consumer group `pairings-households`). One
 * partition per household keeps its events in order; the version guard makes a redelivery or a replay a no-op.
 */
@Controller()
export class KnownHouseholdsProjection {
  constructor(
    @InjectModel(KnownHouseholdDocument.name) private readonly households: Model<KnownHouseholdDocument>,
    @Inject(SECURITY) private readonly security: SecurityServices,
  ) {}

  @EventPattern(householdEventTypes)
  async apply(@Payload() event: EventEnvelope): Promise<void> {
    const householdId = event.aggregateId;
    // The households service destroys the key; this process forgets its cached copy, so visits read as erased now.
    if (event.type === 'HouseholdErased') this.security.dataKeys.evict(householdId);
    const current = await this.households.findById(householdId).lean();
    const known = current?.version ?? 0;
    if (known >= event.aggregateVersion) return;
    const change = changeOf(event);
    if (!current) {
      try {
        await this.households.create({ _id: householdId, version: event.aggregateVersion, status: 'active', area: null, lifePlan: null, ...change });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 11000) throw error;
        throw new KnownHouseholdMovedOn(`known household ${householdId} was created meanwhile`);
      }
      return;
    }
    const updated = await this.households.updateOne({ _id: householdId, version: known }, { $set: { version: event.aggregateVersion, ...change } });
    if (updated.matchedCount === 0) throw new KnownHouseholdMovedOn(`known household ${householdId} moved past version ${known}`);
  }
}
