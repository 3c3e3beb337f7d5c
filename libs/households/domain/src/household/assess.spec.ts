import { IllegalStateError } from '@khu-siao/decider';
import {
  assess,
  assessed,
  child,
  failing,
  fieldsOf,
  given,
  grandmother,
  head,
  issuesOf,
  registered,
  resultsOf,
  spouse,
} from './household.examples';

describe('assessing a household', () => {
  it('records each dimension failed or passed, the failed ones in order, the people counted and the derived classification', () => {
    const dimensions = failing({ publicServices: ['no clean water'], health: ['no health insurance card'] });
    given(registered)
      .when(assess({ dimensions }))
      .then(
        assessed({
          dimensions: resultsOf(dimensions),
          failedDimensions: ['health', 'publicServices'],
          classification: 'developable',
        }),
      );
  });

  it('counts the members of the household when it is assessed', () => {
    const updated = { type: 'HouseholdMembersUpdated' as const, data: { members: [head, spouse, child, grandmother] } };
    const [event] = given(registered, updated).when(assess()).events();
    expect(event).toMatchObject({ type: 'HouseholdAssessed', data: { peopleCounted: 4 } });
  });

  it('derives vulnerable when living conditions and income both fail', () => {
    const dimensions = failing({ livingConditions: ['house in disrepair'], income: ['income below the poverty line'] });
    given(registered)
      .when(assess({ dimensions }))
      .then(
        assessed({ dimensions: resultsOf(dimensions), failedDimensions: ['livingConditions', 'income'], classification: 'vulnerable' }),
      );
  });

  it('derives welfare from the members as they are on the assessment date', () => {
    // The head is the only able adult (the spouse is chronically ill): he turns 60 on 2040-05-10.
    const couple = { type: 'HouseholdMembersUpdated' as const, data: { members: [head, spouse] } };
    given(registered, couple)
      .when(assess({ assessedOn: '2040-05-09' }))
      .then(assessed({ assessedOn: '2040-05-09', peopleCounted: 2, classification: 'developable' }));
    given(registered, couple)
      .when(assess({ assessedOn: '2040-05-10' }))
      .then(assessed({ assessedOn: '2040-05-10', peopleCounted: 2, classification: 'welfare' }));
  });

  it('takes a re-assessment after the first, re-deriving the classification', () => {
    const dimensions = failing();
    given(registered, assessed())
      .when(assess({ assessmentId: 'as-2', assessedOn: '2024-12-01', dimensions }))
      .then(assessed({ assessmentId: 'as-2', assessedOn: '2024-12-01', dimensions: resultsOf(dimensions), failedDimensions: [] }));
  });

  it('takes a re-assessment on the same day as the previous one', () => {
    given(registered, assessed())
      .when(assess({ assessmentId: 'as-2' }))
      .then(assessed({ assessmentId: 'as-2' }));
  });

  it('refuses an assessment id already used', () => {
    given(registered, assessed())
      .when(assess({ assessedOn: '2024-12-01' }))
      .thenThrows(IllegalStateError, 'assessment as-1 is already recorded');
  });

  it('refuses an assessment dated before the previous one', () => {
    const run = given(registered, assessed()).when(assess({ assessmentId: 'as-2', assessedOn: '2024-06-09' })).events;
    expect(issuesOf(run)).toEqual([{ field: 'assessedOn', message: 'must not precede the previous assessment' }]);
  });

  it.each([
    ['a fraction of a satang', 2_500_000.5],
    ['a negative income', -1],
  ])('refuses %s as income per head', (_case, incomePerHeadPerYear) => {
    expect(fieldsOf(given(registered).when(assess({ incomePerHeadPerYear })).events)).toEqual(['incomePerHeadPerYear']);
  });

  it('takes no income at all', () => {
    given(registered)
      .when(assess({ incomePerHeadPerYear: 0 }))
      .then(assessed({ incomePerHeadPerYear: 0 }));
  });

  it('refuses an assessment date that is not a calendar date', () => {
    expect(fieldsOf(given(registered).when(assess({ assessedOn: '10/06/2024' })).events)).toEqual(['assessedOn']);
  });

  it('is refused before the household is registered', () => {
    given().when(assess()).thenThrows(IllegalStateError, 'the household is not registered');
  });

  it('refuses to assess a household whose birth dates read as erased: its key was destroyed before the erasure was recorded', () => {
    const members = registered.data.members.map((member) => ({ ...member, birthDate: { erased: true } as const }));
    const keyDestroyed = { ...registered, data: { ...registered.data, members } };
    given(keyDestroyed).when(assess()).thenThrows(IllegalStateError);
  });
});
