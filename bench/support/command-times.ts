import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from 'mongodb';

export interface CommandTotal {
  /** e.g. "insert events", "findAndModify event_log_counters" */
  readonly command: string;
  readonly count: number;
  readonly totalMs: number;
}

interface Totals {
  count: number;
  totalMs: number;
}

/**
 * Where each phase's database time goes, from the driver's own command monitoring (the client must be created with
 * `monitorCommands: true`): nothing in the code under test is wrapped or changed. A command counts for the phase
 * that was current when it was sent.
 */
export class CommandTimes {
  private readonly inFlight = new Map<number, { phase: string; command: string }>();
  private byPhase = new Map<string, Map<string, Totals>>();
  private current = 'unnamed';

  constructor(client: MongoClient) {
    client.on('commandStarted', (event: CommandStartedEvent) => {
      const target: unknown = event.command[event.commandName];
      const collection = typeof target === 'string' ? target : String(event.command['collection'] ?? '');
      this.inFlight.set(event.requestId, { phase: this.current, command: `${event.commandName} ${collection}`.trim() });
    });
    const finished = (event: CommandSucceededEvent | CommandFailedEvent) => {
      const started = this.inFlight.get(event.requestId);
      if (started === undefined) return;
      this.inFlight.delete(event.requestId);
      const commands = this.byPhase.get(started.phase) ?? new Map<string, Totals>();
      const total = commands.get(started.command) ?? { count: 0, totalMs: 0 };
      total.count += 1;
      total.totalMs += event.duration;
      commands.set(started.command, total);
      this.byPhase.set(started.phase, commands);
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
  }

  /** Commands sent from now on count for `name`. */
  phase(name: string): void {
    this.current = name;
  }

  /** Totals per phase since the last take, most time first; starts afresh. */
  take(): Record<string, CommandTotal[]> {
    const result = Object.fromEntries(
      [...this.byPhase.entries()].map(([phase, commands]) => [
        phase,
        [...commands.entries()].map(([command, total]) => ({ command, ...total })).sort((a, b) => b.totalMs - a.totalMs),
      ]),
    );
    this.byPhase = new Map();
    return result;
  }
}
