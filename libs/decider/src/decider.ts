/**
 * An aggregate's behaviour as two pure functions over plain data: `decide` answers a command with the events it
 * causes (or throws a domain error), `evolve` folds an event into the state. No I/O, no clock, no framework: time
 * and identities arrive inside the command.
 */
export interface Decider<TCommand, TEvent, TState> {
  readonly initialState: () => TState;
  readonly decide: (command: TCommand, state: TState) => readonly TEvent[];
  readonly evolve: (state: TState, event: TEvent) => TState;
}

export function fold<TEvent, TState>(decider: Pick<Decider<never, TEvent, TState>, 'initialState' | 'evolve'>, events: readonly TEvent[]): TState {
  return events.reduce(decider.evolve, decider.initialState());
}
