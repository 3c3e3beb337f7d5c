import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Collection, Db } from 'mongodb';
import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, type LogCommit } from '@khu-siao/event-store';
import type { Logger } from '@khu-siao/observability';
import { DATABASE, ROOT_LOGGER } from '../tokens';
import { LogProjection, type LoggedEvent } from './log-projection';

interface Checkpoint {
  _id: string;
  position: number;
}

interface ParkedEvent {
  _id: string;
  projection: string;
  position: number;
  eventId: string;
  type: string;
  error: string;
  parkedAt: Date;
}

/** How long a command's answer waits for the projections to see its append before answering anyway. */
const settleTimeoutMs = 10_000;
const pageSize = 500;
const attemptsPerEvent = 3;

/** One projection's loop over the log: the only writer of its read model and of its checkpoint. */
class ProjectionRun {
  position = 0;
  stopped = false;
  /** A rebuild asked for: the loop clears the read model and starts over before its next page. */
  restart?: () => void;
  private wake?: () => void;
  private readonly waiters: { position: number; resolve: () => void }[] = [];

  constructor(readonly projection: LogProjection) {}

  notify(): void {
    this.wake?.();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  reached(position: number): void {
    this.position = position;
    for (let index = this.waiters.length - 1; index >= 0; index -= 1) {
      if (this.waiters[index].position <= position) this.waiters.splice(index, 1)[0].resolve();
    }
  }

  until(position: number): Promise<void> {
    if (this.position >= position || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  release(): void {
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }
}

/**
 * Runs every `LogProjection` of the service (found among its providers) over the service's own event log: from its
 * checkpoint, a page at a time, woken at once by an append in this process. An event a projection cannot apply
 * after a few attempts is parked in `projection_dead_letters` and the projection goes on. The write path waits on
 * `settled(position)`, so a client reads what its command wrote.
 */
@Injectable()
export class LogProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runs = new Map<string, ProjectionRun>();
  private readonly checkpoints: Collection<Checkpoint>;
  private readonly parked: Collection<ParkedEvent>;
  private unsubscribe?: () => void;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly store: EventStore,
    @Inject(DATABASE) db: Db,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.checkpoints = db.collection<Checkpoint>('projection_checkpoints');
    this.parked = db.collection<ParkedEvent>('projection_dead_letters');
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof LogProjection) this.runs.set(instance.name, new ProjectionRun(instance));
    }
    if (this.runs.size === 0) return;
    this.unsubscribe = this.store.onAppended(() => this.runs.forEach((run) => run.notify()));
    for (const run of this.runs.values()) {
      run.reached((await this.checkpoints.findOne({ _id: run.projection.name }))?.position ?? 0);
      this.loops.push(this.loop(run));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    for (const run of this.runs.values()) {
      run.stopped = true;
      run.notify();
      run.release();
    }
    await Promise.all(this.loops);
  }

  /** Resolves once every projection has applied the log up to `position` (or after a bounded wait). */
  async settled(position: number): Promise<void> {
    if (this.runs.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, settleTimeoutMs)));
    await Promise.race([Promise.all([...this.runs.values()].map((run) => run.until(position))), timeout]);
    clearTimeout(timer);
  }

  /** Where each projection stands in the log. */
  status(): { name: string; position: number }[] {
    return [...this.runs.values()].map((run) => ({ name: run.projection.name, position: run.position }));
  }

  /** Drops the read model and replays the whole log into it; resolves when it has caught up with the log's head. */
  async rebuild(name: string): Promise<void> {
    const run = this.runs.get(name);
    if (!run) throw new Error(`no log projection named ${name}`);
    const head = await this.store.log().head();
    await new Promise<void>((resolve) => {
      run.restart = resolve;
      run.notify();
    });
    await run.until(head);
  }

  private async loop(run: ProjectionRun): Promise<void> {
    const log = this.store.log();
    let idleMs = 5;
    while (!run.stopped) {
      try {
        if (run.restart) await this.startOver(run);
        const page = await log.read(run.position, pageSize);
        if (page.position > run.position) {
          await this.applyPage(run, page.commits);
          await this.checkpoints.updateOne({ _id: run.projection.name }, { $set: { position: page.position } }, { upsert: true });
          run.reached(page.position);
          idleMs = 5;
          continue;
        }
      } catch (error) {
        this.logger.warn({ err: error, projection: run.projection.name }, 'log projection failed; retrying');
      }
      await run.sleep(idleMs);
      idleMs = Math.min(idleMs * 2, 1_000);
    }
  }

  private async startOver(run: ProjectionRun): Promise<void> {
    await run.projection.clear();
    await this.checkpoints.updateOne({ _id: run.projection.name }, { $set: { position: 0 } }, { upsert: true });
    run.position = 0;
    const restarted = run.restart;
    run.restart = undefined;
    restarted?.();
  }

  private async applyPage(run: ProjectionRun, commits: readonly LogCommit[]): Promise<void> {
    const events = commits.flatMap((commit) => commit.events.map((event): LoggedEvent => ({ ...platformCatalogue.read(event), position: commit.position })));
    if (events.length === 0) return;
    try {
      await run.projection.apply(events);
      return;
    } catch (error) {
      this.logger.warn({ err: error, projection: run.projection.name }, 'log projection failed a page; applying it event by event');
    }
    for (const event of events) await this.applyOne(run, event);
  }

  private async applyOne(run: ProjectionRun, event: LoggedEvent): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await run.projection.apply([event]);
        return;
      } catch (error) {
        if (attempt < attemptsPerEvent) continue;
        this.logger.error({ err: error, projection: run.projection.name, eventId: event.eventId, type: event.type }, 'event parked by a log projection');
        await this.parked.updateOne(
          { _id: `${run.projection.name}:${event.eventId}` },
          {
            $setOnInsert: {
              projection: run.projection.name,
              position: event.position,
              eventId: event.eventId,
              type: event.type,
              error: error instanceof Error ? error.name : 'Error',
              parkedAt: new Date(),
            },
          },
          { upsert: true },
        );
        return;
      }
    }
  }
}
