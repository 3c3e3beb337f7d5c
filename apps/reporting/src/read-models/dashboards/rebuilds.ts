import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import type { Logger } from '@khu-siao/observability';
import { InMemoryReadModel, entityKinds } from '@khu-siao/reporting-projections';
import { ROOT_LOGGER } from '@khu-siao/service-runtime';
import { entityDocument, type Generation, type ReadModelDocument } from './generation';
import { Generations } from './generations';
import { rollupDocument } from './rollup-document';
import { Projector } from './projector';
import { ReadModelWriter } from './read-model-writer';
import { compareGenerations, type GenerationComparison } from './compare-generations';

export interface RebuildRun {
  readonly rebuildId: string;
  state: 'running' | 'switched' | 'failed';
  readonly startedAt: string;
  finishedAt?: string;
  fromGeneration?: number;
  generation?: number;
  eventsReplayed: number;
  /** Events per second of the replay into memory and the writing out, measured on this run. */
  eventsPerSecond?: number;
  position?: number;
  comparison?: GenerationComparison;
  failure?: string;
}

const insertChunk = 1_000;

/**
 * Rebuilds the read model from the archive into a new generation while the serving one keeps answering: the log is
 * folded in memory and written out, then — with the live projector held still — both generations are brought to
 * the same position, compared document for document, and the new one takes over.
 */
@Injectable()
export class Rebuilds {
  private readonly runs = new Map<string, RebuildRun>();

  constructor(
    private readonly projector: Projector,
    private readonly generations: Generations,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  start(): RebuildRun {
    if ([...this.runs.values()].some((run) => run.state === 'running')) {
      throw new IllegalStateError('a rebuild is already running');
    }
    const run: RebuildRun = { rebuildId: randomUUID(), state: 'running', startedAt: new Date().toISOString(), eventsReplayed: 0 };
    this.runs.set(run.rebuildId, run);
    this.execute(run).catch((error: unknown) => {
      run.state = 'failed';
      run.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      run.finishedAt = new Date().toISOString();
      this.logger.error({ rebuildId: run.rebuildId, reason: run.failure }, 'rebuild failed');
    });
    return run;
  }

  get(rebuildId: string): RebuildRun {
    const run = this.runs.get(rebuildId);
    if (!run) throw new NotFoundError('rebuild', rebuildId);
    return run;
  }

  private async execute(run: RebuildRun): Promise<void> {
    const generation = await this.generations.create();
    run.generation = generation.number;
    const started = Date.now();
    const model = new InMemoryReadModel();
    let position = 0;
    for await (const page of this.projector.reader.toHead()) {
      for (const event of page.events) model.apply(event);
      run.eventsReplayed += page.events.length;
      position = page.to;
    }
    await this.writeOut(generation, model, position);
    run.eventsPerSecond = Math.round(run.eventsReplayed / Math.max(0.001, (Date.now() - started) / 1_000));
    const writer = new ReadModelWriter(generation);
    const slot = { generation, writer, position: await writer.recover() };
    // Most of what arrived meanwhile is projected before the live projector is held still, so the hold is short.
    await this.projector.catchUp(slot);
    await this.projector.exclusive(async (live) => {
      const reached = await this.projector.catchUp(live);
      await this.projector.catchUp(slot, reached);
      run.fromGeneration = live.generation.number;
      run.position = reached;
      run.comparison = await compareGenerations(live.generation, generation);
      await this.generations.switchTo(generation);
      this.projector.adopt(slot);
    });
    await this.generations.dropOlderThan(run.fromGeneration ?? generation.number);
    run.state = 'switched';
    run.finishedAt = new Date().toISOString();
    this.logger.info(
      { rebuildId: run.rebuildId, generation: generation.number, events: run.eventsReplayed, eventsPerSecond: run.eventsPerSecond, equal: run.comparison?.equal },
      'rebuild switched',
    );
  }

  private async writeOut(generation: Generation, model: InMemoryReadModel, position: number): Promise<void> {
    for (const kind of entityKinds) {
      const docs = [...model.entities[kind]].map(([id, entity]) => entityDocument(id, entity));
      await insertAll(generation.entities(kind), docs);
    }
    await insertAll(generation.rollups(), [...model.rollups].map(([id, counters]) => rollupDocument(id, counters)));
    await generation.state().updateOne({ _id: generation.stateId }, { $set: { position } });
  }
}

async function insertAll(collection: ReturnType<Generation['rollups']>, docs: readonly ReadModelDocument[]): Promise<void> {
  for (let start = 0; start < docs.length; start += insertChunk) {
    await collection.insertMany(docs.slice(start, start + insertChunk), { ordered: false });
  }
}
