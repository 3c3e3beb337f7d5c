import { IllegalStateError, InvalidCommandError } from '@khu-siao/decider';
import type { OverrideClassification } from './commands';
import { assess, assessed, given, issuesOf, registered } from './household.examples';

const override = (overrides: Partial<Omit<OverrideClassification, 'type'>> = {}): OverrideClassification => ({
  type: 'OverrideClassification',
  to: 'welfare',
  reason: 'the head is bedridden since the flood',
  officialId: 'official-9',
  ...overrides,
});

const overridden = {
  type: 'HouseholdClassificationOverridden' as const,
  data: {
    assessmentId: 'as-1',
    from: 'developable' as const,
    to: 'welfare' as const,
    reason: 'the head is bedridden since the flood',
    officialId: 'official-9',
  },
};

describe("overriding a household's classification", () => {
  it('records the latest assessment, the classification it replaces, the new one, the reason and the official', () => {
    given(registered, assessed()).when(override()).then(overridden);
  });

  it('overrides the latest assessment when there are several', () => {
    given(registered, assessed(), assessed({ assessmentId: 'as-2', assessedOn: '2024-12-01', classification: 'vulnerable' }))
      .when(override())
      .then({ ...overridden, data: { ...overridden.data, assessmentId: 'as-2', from: 'vulnerable' } });
  });

  it('replaces an earlier override, starting from it', () => {
    given(registered, assessed(), overridden)
      .when(override({ to: 'vulnerable', reason: 'the head recovered but the debts remain' }))
      .then({
        ...overridden,
        data: { ...overridden.data, from: 'welfare', to: 'vulnerable', reason: 'the head recovered but the debts remain' },
      });
  });

  it('is refused without an assessment', () => {
    given(registered)
      .when(override())
      .thenThrows(IllegalStateError, 'the household has no assessment whose classification could be overridden');
  });

  it('is refused when the household already has that classification', () => {
    given(registered, assessed())
      .when(override({ to: 'developable' }))
      .thenThrows(IllegalStateError, 'the household is already classified developable');
  });

  it('is refused when the override already made it so', () => {
    given(registered, assessed(), overridden).when(override()).thenThrows(IllegalStateError, 'the household is already classified welfare');
  });

  it.each(['', '   '])('needs a reason: %p is none', (reason) => {
    expect(issuesOf(given(registered, assessed()).when(override({ reason })).events)).toEqual([
      { field: 'reason', message: 'is required to override a classification' },
    ]);
  });

  it('lasts until the next assessment, which derives the classification afresh', () => {
    // The override said welfare; the re-assessment derives developable again, so overriding to welfare is a change.
    const reassessed = given(registered, assessed(), overridden).when(assess({ assessmentId: 'as-2', assessedOn: '2024-12-01' })).events();
    expect(reassessed).toEqual([assessed({ assessmentId: 'as-2', assessedOn: '2024-12-01', classification: 'developable' })]);
    given(registered, assessed(), overridden, ...reassessed)
      .when(override())
      .then({ ...overridden, data: { ...overridden.data, assessmentId: 'as-2' } });
  });

  it('is refused before the household is registered', () => {
    given().when(override()).thenThrows(IllegalStateError, 'the household is not registered');
  });

  it('names the reason even before it looks at the state', () => {
    given(registered).when(override({ reason: '' })).thenThrows(InvalidCommandError, 'reason is required');
  });
});
