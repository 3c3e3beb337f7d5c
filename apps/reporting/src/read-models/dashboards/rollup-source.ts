import type { Counters, InMemoryReadModel } from '@khu-siao/reporting-projections';
import type { Generation } from './generation';

/** Where the dashboards' roll-ups are read from: the serving generation, or a replay of the log up to a date. */
export interface RollupSource {
  area(code: string): Promise<Counters>;
  /** The areas one level below `code`, by code. */
  children(code: string): Promise<[string, Counters][]>;
  /** The area's monthly figures, oldest month first. */
  trend(code: string): Promise<[string, Counters][]>;
  officials(): Promise<[string, Counters][]>;
}

const childLength: Readonly<Record<number, number>> = { 2: 4, 4: 6, 6: 8 };

const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export class GenerationRollups implements RollupSource {
  constructor(private readonly generation: Generation) {}

  async area(code: string): Promise<Counters> {
    const doc = await this.generation.rollups().findOne({ _id: `area:${code}` });
    return (doc?.['counters'] as Counters | undefined) ?? {};
  }

  async children(code: string): Promise<[string, Counters][]> {
    const length = childLength[code.length];
    if (!length) return [];
    const docs = await this.generation
      .rollups()
      .find({ kind: 'area', area: { $regex: `^${code}\\d{${length - code.length}}$` } })
      .toArray();
    return byKey(docs.map((doc) => [String(doc['area']), doc['counters'] as Counters]));
  }

  async trend(code: string): Promise<[string, Counters][]> {
    const docs = await this.generation.rollups().find({ kind: 'trend', area: code }).toArray();
    return byKey(docs.map((doc) => [String(doc['month']), doc['counters'] as Counters]));
  }

  async officials(): Promise<[string, Counters][]> {
    const docs = await this.generation.rollups().find({ kind: 'official' }).toArray();
    return byKey(docs.map((doc) => [String(doc['officialId']), doc['counters'] as Counters]));
  }
}

/** The roll-ups of an in-memory replay (as of a past date). */
export class ReplayedRollups implements RollupSource {
  constructor(private readonly model: InMemoryReadModel) {}

  async area(code: string): Promise<Counters> {
    return this.model.rollups.get(`area:${code}`) ?? {};
  }

  async children(code: string): Promise<[string, Counters][]> {
    const length = childLength[code.length];
    return byKey(this.matching('area:', (rest) => rest.length === length && rest.startsWith(code)));
  }

  async trend(code: string): Promise<[string, Counters][]> {
    const prefix = `${code}:`;
    return byKey(this.matching('trend:', (rest) => rest.startsWith(prefix)).map(([rest, counters]) => [rest.slice(prefix.length), counters]));
  }

  async officials(): Promise<[string, Counters][]> {
    return byKey(this.matching('official:', () => true));
  }

  private matching(prefix: string, accepts: (rest: string) => boolean): [string, Counters][] {
    return [...this.model.rollups]
      .filter(([id]) => id.startsWith(prefix) && accepts(id.slice(prefix.length)))
      .map(([id, counters]) => [id.slice(prefix.length), counters]);
  }
}
