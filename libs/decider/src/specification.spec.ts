import type { Decider } from './decider';
import { IllegalStateError } from './domain-errors';
import { specificationFor } from './specification';

type Command = { type: 'Open' } | { type: 'Close'; reason: string };
type Event = { type: 'Opened' } | { type: 'Closed'; reason: string };
type State = { status: 'none' | 'open' | 'closed' };

// A case file that can be opened once and closed once: enough to show the specification reads both ways.
const caseFile: Decider<Command, Event, State> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) => {
    switch (command.type) {
      case 'Open':
        if (state.status !== 'none') throw new IllegalStateError('the case is already open');
        return [{ type: 'Opened' }];
      case 'Close':
        if (state.status !== 'open') throw new IllegalStateError('only an open case can be closed');
        return [{ type: 'Closed', reason: command.reason }];
    }
  },
  evolve: (state, event) => ({ status: event.type === 'Opened' ? 'open' : 'closed' }),
};

const { given } = specificationFor(caseFile);

describe('a decider specification', () => {
  it('states the events a command causes after a history', () => {
    given({ type: 'Opened' }).when({ type: 'Close', reason: 'moved away' }).then({ type: 'Closed', reason: 'moved away' });
  });

  it('states the error a command meets', () => {
    given({ type: 'Opened' }, { type: 'Closed', reason: 'died' })
      .when({ type: 'Close', reason: 'again' })
      .thenThrows(IllegalStateError, 'only an open case can be closed');
  });

  it('fails when the events differ from what is stated', () => {
    expect(() => given().when({ type: 'Open' }).then({ type: 'Closed', reason: 'x' })).toThrow();
  });
});
