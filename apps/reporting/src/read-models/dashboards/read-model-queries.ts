import { Injectable } from '@nestjs/common';
import type { Document } from 'mongodb';
import type { PlatformEvent } from '@khu-siao/contracts';
import { InMemoryReadModel, type Contribution, type HouseholdCase, type OfficialProfile, type ProgrammeLabel } from '@khu-siao/reporting-projections';
import { Projector } from './projector';
import { entityOf } from './generation';
import { Generations } from './generations';
import { GenerationRollups, ReplayedRollups, type RollupSource } from './rollup-source';

export interface CaseFilter {
  readonly provinceCode?: string;
  readonly districtCode?: string;
  readonly tambonCode?: string;
  readonly villageCode?: string;
  readonly status?: string;
}

/** What the HTTP API reads: the serving generation, or a replay of the archive up to an instant. */
@Injectable()
export class ReadModelQueries {
  constructor(
    private readonly generations: Generations,
    private readonly projector: Projector,
  ) {}

  async rollups(asOf?: Date): Promise<RollupSource> {
    if (asOf) return new ReplayedRollups(await this.replay(asOf));
    return new GenerationRollups(await this.generations.active());
  }

  async profiles(asOf?: Date): Promise<Map<string, OfficialProfile>> {
    if (asOf) return (await this.replay(asOf)).entities.official;
    const docs = await (await this.generations.active()).entities('official').find().toArray();
    return new Map(docs.map((doc) => [String(doc['_id']), entityOf<OfficialProfile>(doc)]));
  }

  async programmes(): Promise<ProgrammeLabel[]> {
    const docs = await (await this.generations.active()).entities('programme').find().sort({ _id: 1 }).toArray();
    return docs.map((doc) => entityOf<ProgrammeLabel>(doc));
  }

  async householdCase(householdId: string): Promise<HouseholdCase | undefined> {
    const doc = await (await this.generations.active()).entities('case').findOne({ _id: householdId });
    return doc ? entityOf<HouseholdCase>(doc) : undefined;
  }

  async cases(filter: CaseFilter, skip: number, limit: number): Promise<{ total: number; cases: HouseholdCase[] }> {
    const query: Document = { status: filter.status ?? { $ne: 'unregistered' } };
    if (filter.provinceCode) query['area.provinceCode'] = filter.provinceCode;
    if (filter.districtCode) query['area.districtCode'] = filter.districtCode;
    if (filter.tambonCode) query['area.tambonCode'] = filter.tambonCode;
    if (filter.villageCode) query['area.villageCode'] = filter.villageCode;
    const collection = (await this.generations.active()).entities('case');
    const [total, docs] = await Promise.all([
      collection.countDocuments(query),
      collection.find(query).sort({ _id: 1 }).skip(skip).limit(limit).toArray(),
    ]);
    return { total, cases: docs.map((doc) => entityOf<HouseholdCase>(doc)) };
  }

  /**
   * Folds the archive in memory, keeping the events that had happened by `asOf` (their `occurredAt`), and tells
   * `visit` what each event changed: the read model as it stood then, and where each figure came from.
   */
  async replay(asOf?: Date, visit?: (event: PlatformEvent, delta: Contribution) => void): Promise<InMemoryReadModel> {
    const model = new InMemoryReadModel();
    const until = asOf?.getTime() ?? Number.POSITIVE_INFINITY;
    for await (const page of this.projector.reader.toHead()) {
      for (const event of page.events) {
        if (Date.parse(event.occurredAt) > until) continue;
        const delta = model.apply(event);
        visit?.(event, delta);
      }
    }
    return model;
  }
}
