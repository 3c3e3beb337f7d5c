import type { PlatformEvent } from '@khu-siao/contracts';

/** An event of this service's own log as a projection receives it: at its current schema version, with its place. */
export type LoggedEvent = PlatformEvent & { readonly position: number };

/**
 * A read model fed from the service's own event log. The runner hands it every event in log order, a page at a
 * time, and keeps its checkpoint; a page may come again after a crash, so `apply` must change nothing for an event
 * already applied (guard each document by the aggregate version it reflects). `clear` drops the read model for a
 * rebuild, which replays the log from its start: the rebuild equals the live model.
 */
export abstract class LogProjection {
  /** The checkpoint's name: stable, one per read model. */
  abstract readonly name: string;
  abstract apply(events: readonly LoggedEvent[]): Promise<void>;
  abstract clear(): Promise<void>;
}
