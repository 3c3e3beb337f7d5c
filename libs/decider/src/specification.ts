/// <reference types="jest" />
import type { Decider } from './decider';

/**
 * given(events).when(command).then(events) | .thenThrows(error): a decider's behaviour as a readable specification,
 * with no framework in it beyond the test runner's `expect`.
 */
export function specificationFor<TCommand, TEvent, TState>(decider: Decider<TCommand, TEvent, TState>) {
  return {
    given: (...history: TEvent[]) => ({
      when: (command: TCommand) => {
        const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
        return {
          then: (...expected: TEvent[]) => expect(run()).toEqual(expected),
          thenThrows: (error: new (...args: never[]) => Error, message?: string | RegExp) => {
            expect(run).toThrow(error);
            if (message !== undefined) expect(run).toThrow(message);
          },
          events: run,
        };
      },
    }),
  };
}
