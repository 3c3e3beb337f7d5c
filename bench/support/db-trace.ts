/**
 * Preloaded into a service process by `startService(..., { traceDb: true })` (bench/projection.ts --trace-db):
 * turns on the MongoDB driver's command monitoring of every client the service connects and tallies the commands
 * by name and collection. The bench asks for the tally over the IPC channel ({ dbTrace: 'take' }) and gets
 * { dbTrace: CommandTotal[] } back, the tally since the last take. Nothing in the service's code is changed.
 */
import { MongoClient, type CommandFailedEvent, type CommandStartedEvent, type CommandSucceededEvent } from 'mongodb';

interface Totals {
  count: number;
  totalMs: number;
}

let totals = new Map<string, Totals>();
const inFlight = new Map<number, string>();

const connect = MongoClient.prototype.connect;
MongoClient.prototype.connect = function tracedConnect(this: MongoClient) {
  (this as unknown as { monitorCommands: boolean }).monitorCommands = true;
  this.on('commandStarted', (event: CommandStartedEvent) => {
    const target: unknown = event.command[event.commandName];
    const collection = typeof target === 'string' ? target : String(event.command['collection'] ?? '');
    inFlight.set(event.requestId, `${event.commandName} ${collection}`.trim());
  });
  const finished = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const command = inFlight.get(event.requestId);
    if (command === undefined) return;
    inFlight.delete(event.requestId);
    const total = totals.get(command) ?? { count: 0, totalMs: 0 };
    total.count += 1;
    total.totalMs += event.duration;
    totals.set(command, total);
  };
  this.on('commandSucceeded', finished);
  this.on('commandFailed', finished);
  return connect.call(this);
};

if (process.send) {
  // The channel must not keep the service alive once it has shut down.
  process.channel?.unref();
  process.on('message', (message: unknown) => {
    if ((message as { dbTrace?: unknown } | null)?.dbTrace !== 'take') return;
    const taken = [...totals.entries()].map(([command, total]) => ({ command, ...total })).sort((a, b) => b.totalMs - a.totalMs);
    totals = new Map();
    process.send?.({ dbTrace: taken });
  });
}
