/// <reference types="jest" />
import type { FieldIssue } from '@khu-siao/contracts';
import type { Decider } from './decider';
import { InvalidCommandError } from './domain-errors';

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

/** The field issues a refused command names; fails the spec when the command is not refused as invalid. */
export function issuesOf(run: () => unknown): readonly FieldIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidCommandError) return error.issues;
    throw error;
  }
  throw new Error('expected the command to be refused as invalid, but it was accepted');
}

export function fieldsOf(run: () => unknown): string[] {
  return issuesOf(run).map((issue) => issue.field);
}
