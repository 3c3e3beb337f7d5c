/// <reference types="jest" />
import { foldProcess, type Process } from './process';

/**
 * given(input, ...outcomes).thenNext(step) | .thenEnds(): a process's behaviour as a specification, with no
 * infrastructure: what it does next after what has happened so far.
 */
export function processSpecificationFor<TInput, TOutcome, TState, TStep>(process: Process<TInput, TOutcome, TState, TStep>) {
  return {
    given: (input: TInput, ...outcomes: TOutcome[]) => {
      const state = () => foldProcess(process, input, outcomes);
      return {
        thenNext: (step: TStep) => expect(process.next(state())).toEqual(step),
        thenEnds: (expected?: Partial<TState>) => {
          expect(process.next(state())).toBeNull();
          if (expected) expect(state()).toMatchObject(expected);
        },
        state,
      };
    },
  };
}
