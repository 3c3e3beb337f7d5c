import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Db } from 'mongodb';
import { Subject, type Observable } from 'rxjs';
import { EventStore } from '@khu-siao/event-store';
import { Lease } from '@khu-siao/messaging';
import type { Logger } from '@khu-siao/observability';
import { DATABASE, ROOT_LOGGER } from '@khu-siao/service-runtime';
import { ArchiveReader, type ArchivePage } from '../../archive/archive-reader';
import type { Generation } from './generation';
import { Generations } from './generations';
import { LostWriterRace, ReadModelWriter } from './read-model-writer';

const pageSize = 200;
const idleMs = 250;
const leaseTtlMs = 15_000;

export interface ProjectorStatus {
  readonly generation?: number;
  readonly position: number;
  readonly archiveHead: number;
  readonly eventsBehind: number;
  readonly holdsLease: boolean;
  readonly lastBatchAt?: string;
  readonly lastEventOccurredAt?: string;
}

/** A writer and the position it has reached: what the projector hands to work that runs while it waits. */
export interface ProjectorSlot {
  readonly generation: Generation;
  readonly writer: ReadModelWriter;
  position: number;
}

/**
 * Keeps the serving generation of the read model up with the archive: the only writer of its documents (a lease
 * makes one replica the projector; the others serve reads), page after page, woken as soon as the archive grows.
 */
@Injectable()
export class Projector implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly reader: ArchiveReader;
  private readonly lease: Lease;
  private slot?: ProjectorSlot;
  private running = false;
  private holdsLease = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private turn: Promise<unknown> = Promise.resolve();
  private lastBatchAt?: Date;
  private lastEventOccurredAt?: string;
  private readonly unsubscribe: () => void;
  private readonly advanced = new Subject<{ readonly generation: number; readonly position: number }>();

  constructor(
    @Inject(DATABASE) db: Db,
    store: EventStore,
    private readonly generations: Generations,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.reader = new ArchiveReader(store.log());
    this.lease = new Lease(db, 'reporting-projector', randomUUID(), leaseTtlMs);
    this.unsubscribe = store.onAppended(() => this.wake?.());
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.advanced.complete();
    this.wake?.();
    await this.loop;
    if (this.holdsLease) await this.lease.release().catch(() => undefined);
  }

  /** Runs `work` between two batches, with the projector's writer held still; the rebuild's switch runs here. */
  exclusive<T>(work: (slot: ProjectorSlot) => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => work(await this.ensureSlot()));
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Serves from now on the given generation, written by the given writer (after a rebuild). */
  adopt(slot: ProjectorSlot): void {
    this.slot = slot;
    this.advanced.next({ generation: slot.generation.number, position: slot.position });
  }

  /** Each time the serving read model moves on: what dashboards listen to, to refresh without reloading. */
  changes(): Observable<{ readonly generation: number; readonly position: number }> {
    return this.advanced.asObservable();
  }

  /** Projects pages until the archive's head as it is now; returns the position reached. */
  async catchUp(slot: ProjectorSlot, upTo?: number): Promise<number> {
    const target = upTo ?? (await this.reader.head());
    while (slot.position < target) {
      const page = await this.reader.page(slot.position, pageSize, target);
      if (page.to === slot.position) {
        await sleep(20);
        continue;
      }
      await this.advance(slot, page);
    }
    return slot.position;
  }

  async status(): Promise<ProjectorStatus> {
    const head = await this.reader.head();
    const position = this.slot?.position ?? 0;
    return {
      generation: this.slot?.generation.number,
      position,
      archiveHead: head,
      eventsBehind: Math.max(0, head - position),
      holdsLease: this.holdsLease,
      lastBatchAt: this.lastBatchAt?.toISOString(),
      lastEventOccurredAt: this.lastEventOccurredAt,
    };
  }

  private async ensureSlot(): Promise<ProjectorSlot> {
    if (!this.slot) {
      const generation = await this.generations.active();
      const writer = new ReadModelWriter(generation);
      this.slot = { generation, writer, position: await writer.recover() };
    }
    return this.slot;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        this.holdsLease = await this.lease.hold();
        const moved = this.holdsLease ? await this.exclusive((slot) => this.step(slot)) : false;
        if (!moved) await this.idle();
      } catch (error) {
        // Another replica wrote this generation (it took the lease over): start again from what is stored.
        if (error instanceof LostWriterRace) this.slot = undefined;
        this.logger.error({ reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'projection batch failed');
        await sleep(1_000);
      }
    }
  }

  /** One page, if there is one; false when the archive has nothing new. */
  private async step(slot: ProjectorSlot): Promise<boolean> {
    const page = await this.reader.page(slot.position, pageSize);
    if (page.to === slot.position) return false;
    await this.advance(slot, page);
    return true;
  }

  private async advance(slot: ProjectorSlot, page: ArchivePage): Promise<void> {
    await slot.writer.apply(page.from, page.to, page.events);
    slot.position = page.to;
    this.lastBatchAt = new Date();
    this.lastEventOccurredAt = page.events.at(-1)?.occurredAt ?? this.lastEventOccurredAt;
    if (slot === this.slot) this.advanced.next({ generation: slot.generation.number, position: slot.position });
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, idleMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
