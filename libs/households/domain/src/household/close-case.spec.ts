import { InvalidCommandError } from '@khu-siao/decider';
import type { CloseCase } from './commands';
import { assessed, fieldsOf, given, issuesOf, planDrawnUp, registered } from './household.examples';

const close = (overrides: Partial<Omit<CloseCase, 'type'>> = {}): CloseCase => ({
  type: 'CloseCase',
  closedOn: '2024-10-01',
  reason: 'movedAway',
  ...overrides,
});

describe("closing a household's case", () => {
  it.each(['movedAway', 'died', 'refused'] as const)('records the reason %s, with no note needed', (reason) => {
    given(registered).when(close({ reason })).then({ type: 'HouseholdCaseClosed', data: { closedOn: '2024-10-01', reason } });
  });

  it('records a note with it', () => {
    given(registered, assessed(), planDrawnUp)
      .when(close({ reason: 'refused', note: 'the family declined further visits' }))
      .then({
        type: 'HouseholdCaseClosed',
        data: { closedOn: '2024-10-01', reason: 'refused', note: 'the family declined further visits' },
      });
  });

  it('records another reason when the note says what it is', () => {
    given(registered)
      .when(close({ reason: 'other', note: 'merged into a relative household' }))
      .then({ type: 'HouseholdCaseClosed', data: { closedOn: '2024-10-01', reason: 'other', note: 'merged into a relative household' } });
  });

  it.each([undefined, '', '  '])('refuses another reason without a note (%p)', (note) => {
    expect(issuesOf(given(registered).when(close({ reason: 'other', note })).events)).toEqual([
      { field: 'note', message: 'is required when the reason is other' },
    ]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(fieldsOf(given(registered).when(close({ closedOn: '' })).events)).toEqual(['closedOn']);
    given(registered).when(close({ closedOn: '' })).thenThrows(InvalidCommandError);
  });
});
