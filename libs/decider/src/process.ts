/**
 * A protocol over several aggregates as two pure functions, like a decider's: `evolve` folds what each step
 * brought about into the process's state, `next` says which step to take now — or `null` once the process has
 * ended, completed or compensated. The runner persists every outcome before taking the next step, so a process
 * cut off by a crash is taken up where it stood; each step must therefore be safe to take twice.
 */
export interface Process<TInput, TOutcome, TState, TStep> {
  /** The name its instances are kept under (`grant-award`). */
  readonly name: string;
  readonly initialState: (input: TInput) => TState;
  readonly evolve: (state: TState, outcome: TOutcome) => TState;
  readonly next: (state: TState) => TStep | null;
}

export function foldProcess<TInput, TOutcome, TState>(
  process: Pick<Process<TInput, TOutcome, TState, unknown>, 'initialState' | 'evolve'>,
  input: TInput,
  outcomes: readonly TOutcome[],
): TState {
  return outcomes.reduce(process.evolve, process.initialState(input));
}
