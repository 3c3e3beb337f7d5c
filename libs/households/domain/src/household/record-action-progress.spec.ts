import { IllegalStateError } from '@khu-siao/decider';
import type { RecordActionProgress } from './commands';
import { assessed, completed, drawUp, fieldsOf, given, issuesOf, planDrawnUp, registered } from './household.examples';

const progress = (overrides: Partial<Omit<RecordActionProgress, 'type'>> = {}): RecordActionProgress => ({
  type: 'RecordActionProgress',
  actionId: 'a-training',
  percentDone: 50,
  completed: false,
  recordedOn: '2024-07-15',
  ...overrides,
});

const halfway = {
  type: 'LifePlanActionProgressed' as const,
  data: { planId: 'plan-1', actionId: 'a-training', percentDone: 50, completed: false, recordedOn: '2024-07-15' },
};

const planned = [registered, assessed(), planDrawnUp] as const;

describe('recording progress on an action of the life plan', () => {
  it('records how far the action is, under the current plan', () => {
    given(...planned).when(progress()).then(halfway);
  });

  it('records a note with it', () => {
    given(...planned)
      .when(progress({ note: 'attended 3 of 6 sessions' }))
      .then({ ...halfway, data: { ...halfway.data, note: 'attended 3 of 6 sessions' } });
  });

  it('records completion at 100 percent', () => {
    given(...planned, halfway)
      .when(progress({ percentDone: 100, completed: true, recordedOn: '2024-11-01' }))
      .then(completed('a-training'));
  });

  it('records a correction downwards while the action is open', () => {
    given(...planned, halfway)
      .when(progress({ percentDone: 30, recordedOn: '2024-07-20' }))
      .then({ ...halfway, data: { ...halfway.data, percentDone: 30, recordedOn: '2024-07-20' } });
  });

  it('records nothing when the progress is the same as last time', () => {
    given(...planned, halfway).when(progress({ recordedOn: '2024-07-16' })).then();
  });

  it('records a new note on a completed action', () => {
    given(...planned, completed('a-training'))
      .when(progress({ percentDone: 100, completed: true, note: 'certificate received', recordedOn: '2024-11-05' }))
      .then({
        type: 'LifePlanActionProgressed',
        data: {
          planId: 'plan-1',
          actionId: 'a-training',
          percentDone: 100,
          completed: true,
          note: 'certificate received',
          recordedOn: '2024-11-05',
        },
      });
  });

  it('refuses to take a completed action back', () => {
    given(...planned, completed('a-training'))
      .when(progress({ percentDone: 90 }))
      .thenThrows(IllegalStateError, 'the action is completed: its progress cannot go back');
  });

  it('refuses an action that is not in the current plan', () => {
    given(...planned).when(progress({ actionId: 'a-unknown' })).thenThrows(IllegalStateError, 'no such action in the current plan');
  });

  it('refuses an action of a plan since replaced', () => {
    const redrawn = { ...planDrawnUp, data: { ...planDrawnUp.data, planId: 'plan-2', goals: [planDrawnUp.data.goals[1]] } };
    given(...planned, redrawn).when(progress()).thenThrows(IllegalStateError, 'no such action in the current plan');
  });

  it('starts a redrawn plan with no progress, even for an action it keeps', () => {
    const redrawn = { ...planDrawnUp, data: { ...planDrawnUp.data, planId: 'plan-2', drawnUpOn: '2024-07-16' } };
    given(...planned, halfway, redrawn)
      .when(progress({ recordedOn: '2024-07-20' }))
      .then({ ...halfway, data: { ...halfway.data, planId: 'plan-2', recordedOn: '2024-07-20' } });
  });

  it('is refused before a plan is drawn up', () => {
    given(registered, assessed()).when(progress()).thenThrows(IllegalStateError, 'the household has no life plan yet');
  });

  it.each([
    ['above 100', 101],
    ['below 0', -5],
    ['a fraction', 33.3],
  ])('refuses a percentage %s', (_case, percentDone) => {
    expect(issuesOf(given(...planned).when(progress({ percentDone })).events)).toEqual([
      { field: 'percentDone', message: 'must be a whole number from 0 to 100' },
    ]);
  });

  it.each([
    ['completed below 100', { percentDone: 90, completed: true }],
    ['not completed at 100', { percentDone: 100, completed: false }],
  ])('refuses an action %s', (_case, overrides) => {
    expect(issuesOf(given(...planned).when(progress(overrides)).events)).toEqual([
      { field: 'completed', message: 'must be true exactly when percentDone is 100' },
    ]);
  });

  it('refuses progress dated before the plan', () => {
    const dayBefore = '2024-06-19';
    expect(dayBefore < drawUp.drawnUpOn).toBe(true);
    expect(issuesOf(given(...planned).when(progress({ recordedOn: dayBefore })).events)).toEqual([
      { field: 'recordedOn', message: 'must not precede the drawing up of the plan' },
    ]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(fieldsOf(given(...planned).when(progress({ recordedOn: 'tomorrow' })).events)).toEqual(['recordedOn']);
  });
});
