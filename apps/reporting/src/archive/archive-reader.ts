import { platformCatalogue, type PlatformEvent } from '@khu-siao/contracts';
import type { EventLog } from '@khu-siao/event-store';
import { projects } from '@khu-siao/reporting-projections';

export interface ArchivePage {
  /** The events the projection acts on, read at their current schema version. */
  readonly events: readonly PlatformEvent[];
  readonly from: number;
  readonly to: number;
}

/**
 * Reads the archive (the reporting service's own event store, holding every event it consumed) in log order,
 * a page at a time, never past a position still being written.
 */
export class ArchiveReader {
  constructor(private readonly log: EventLog) {}

  head(): Promise<number> {
    return this.log.head();
  }

  /** The next page after `position`, ending at `upTo` at the latest. */
  async page(position: number, limit: number, upTo = Number.POSITIVE_INFINITY): Promise<ArchivePage> {
    const page = await this.log.read(position, Math.max(0, Math.min(limit, upTo - position)));
    const events = page.commits
      .flatMap((commit) => commit.events)
      .filter((event) => projects(event.type))
      .map((event) => platformCatalogue.read(event));
    return { events, from: position, to: page.position };
  }

  /** Every page from the start to the head as it is now, waiting out positions still in flight. */
  async *toHead(limit = 1_000): AsyncGenerator<ArchivePage> {
    const head = await this.head();
    let position = 0;
    while (position < head) {
      const page = await this.page(position, limit, head);
      if (page.to === position) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      position = page.to;
      yield page;
    }
  }
}
