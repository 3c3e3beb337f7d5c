import type { CommandContext } from './command-context';

/**
 * The version a command is decided on: the one the client last saw (If-Match), refused with 409 when the stream has
 * moved on; or `any`, decided on whatever is current and decided again when another writer appended first.
 */
export type ExpectedVersion = number | 'any';

/**
 * A command for one aggregate, as the HTTP edge (or a process manager) hands it to the bus. Each aggregate has its
 * own subclass, so that go-to-definition leads from a controller to the handler registered for it.
 */
export abstract class AggregateCommand<TCommand> {
  readonly commands: readonly TCommand[];

  constructor(
    readonly aggregateId: string,
    /** One command, or several decided in turn (each on the state the previous left) and appended in one commit. */
    command: TCommand | readonly TCommand[],
    readonly context: CommandContext,
    readonly expectedVersion: ExpectedVersion = 'any',
  ) {
    this.commands = isList(command) ? command : [command];
  }
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
