import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { partnerDecider } from './business-logic';
import { given, householdWithPlan, partnerRegistered, pledge, supportPledged } from './partner.examples';

describe("pledging support to a household's plan goal", () => {
  it('records what the partner promises towards which goal of which plan', () => {
    given(partnerRegistered).when(pledge()).then(supportPledged);
  });

  it('takes know-how with no money value, and keeps every pledge of the partner', () => {
    const knowHow = pledge({ pledgeId: 'pledge-2', goalId: 'g-health', support: { kind: 'knowHow', description: 'Nutrition course by the Faculty of Public Health' } });
    const [event] = given(partnerRegistered, supportPledged).when(knowHow).events();
    expect(event).toEqual({
      type: 'SupportPledged',
      data: { ...supportPledged.data, pledgeId: 'pledge-2', goalId: 'g-health', support: { kind: 'knowHow', description: 'Nutrition course by the Faculty of Public Health' } },
    });
    expect(fold(partnerDecider, [partnerRegistered, supportPledged, event])).toMatchObject({
      pledges: [{ pledgeId: 'pledge-1' }, { pledgeId: 'pledge-2' }],
    });
  });

  it('is refused for a partner never registered', () => {
    given().when(pledge()).thenThrows(NotFoundError, 'partner partner-kku was not found');
  });

  it('refuses a pledge id already recorded', () => {
    given(partnerRegistered, supportPledged).when(pledge()).thenThrows(IllegalStateError, 'pledge pledge-1 is already recorded for partner partner-kku');
  });

  describe("needs the household's plan goal", () => {
    it('refuses an unknown household, or one whose case is finished', () => {
      given(partnerRegistered).when(pledge({ household: null })).thenThrows(NotFoundError, 'household hh-1 was not found');
      given(partnerRegistered)
        .when(pledge({ household: { ...householdWithPlan, status: 'graduated' } }))
        .thenThrows(IllegalStateError, 'household hh-1 has graduated');
    });

    it('refuses a household without a life plan', () => {
      given(partnerRegistered)
        .when(pledge({ household: { status: 'active', lifePlan: null } }))
        .thenThrows(IllegalStateError, 'household hh-1 has no life plan to support yet');
    });

    it('refuses a plan that is no longer in force', () => {
      given(partnerRegistered).when(pledge({ planId: 'plan-0' })).thenThrows(IllegalStateError, "plan plan-0 is not household hh-1's life plan in force");
    });

    it('refuses a goal the plan does not have', () => {
      given(partnerRegistered).when(pledge({ goalId: 'g-education' })).thenThrows(NotFoundError, 'plan goal g-education was not found');
    });
  });

  it('refuses an unknown kind of support, a blank description and a value that is not whole satang', () => {
    expect(fieldsOf(given(partnerRegistered).when(pledge({ support: { kind: 'prayers' as never, description: '', value: -1 } })).events)).toEqual([
      'support.kind',
      'support.description',
      'support.value',
    ]);
    expect(issuesOf(given(partnerRegistered).when(pledge({ support: { kind: 'funding', description: 'seed money', value: 99.5 } })).events)).toEqual([
      { field: 'support.value', message: 'must be a whole number of satang, not negative' },
    ]);
  });

  it('names the ids and the date at fault', () => {
    expect(fieldsOf(given(partnerRegistered).when(pledge({ pledgeId: '', householdId: '', planId: '', goalId: '', pledgedOn: 'today' })).events)).toEqual([
      'pledgeId',
      'householdId',
      'planId',
      'goalId',
      'pledgedOn',
    ]);
  });
});
