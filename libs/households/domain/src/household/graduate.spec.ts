import { IllegalStateError } from '@khu-siao/decider';
import type { GraduateHousehold } from './commands';
import {
  allActionsCompleted,
  assessed,
  cleanAssessment,
  completed,
  fieldsOf,
  given,
  issuesOf,
  planDrawnUp,
  registered,
} from './household.examples';

const graduate = (graduatedOn = '2024-12-15'): GraduateHousehold => ({ type: 'GraduateHousehold', graduatedOn });

describe('graduating a household', () => {
  it('records the assessment it rests on when the latest fails nothing and every plan action is completed', () => {
    given(registered, assessed(), planDrawnUp, ...allActionsCompleted, cleanAssessment)
      .when(graduate())
      .then({ type: 'HouseholdGraduated', data: { graduatedOn: '2024-12-15', assessmentId: 'as-2' } });
  });

  it('may follow the completion of the last action after the clean assessment', () => {
    const [first, second, third] = allActionsCompleted;
    given(registered, assessed(), planDrawnUp, first, second, cleanAssessment, completed('a-checkups', '2024-12-10'))
      .when(graduate())
      .then({ type: 'HouseholdGraduated', data: { graduatedOn: '2024-12-15', assessmentId: 'as-2' } });
    expect(third).toEqual(completed('a-checkups'));
  });

  it('is refused while the latest assessment fails a dimension, naming it', () => {
    given(registered, assessed(), planDrawnUp, ...allActionsCompleted)
      .when(graduate())
      .thenThrows(IllegalStateError, 'the household cannot graduate: the latest assessment still fails income');
  });

  it('looks at the latest assessment only', () => {
    const relapse = assessed({ assessmentId: 'as-3', assessedOn: '2024-12-10' });
    given(registered, assessed(), planDrawnUp, ...allActionsCompleted, cleanAssessment, relapse)
      .when(graduate())
      .thenThrows(IllegalStateError, 'the latest assessment still fails income');
  });

  it('is refused while plan actions are open, counting them', () => {
    given(registered, assessed(), planDrawnUp, completed('a-market'), cleanAssessment)
      .when(graduate())
      .thenThrows(IllegalStateError, 'the household cannot graduate: 2 of 3 plan actions are not completed');
  });

  it('is refused without a life plan', () => {
    given(registered, cleanAssessment)
      .when(graduate())
      .thenThrows(IllegalStateError, 'the household cannot graduate: no life plan has been drawn up');
  });

  it('is refused without an assessment, saying everything that is missing', () => {
    given(registered)
      .when(graduate())
      .thenThrows(IllegalStateError, 'the household cannot graduate: the household has not been assessed; no life plan has been drawn up');
  });

  it('is refused when a redrawn plan has not been carried out, whatever the old one achieved', () => {
    const redrawn = { ...planDrawnUp, data: { ...planDrawnUp.data, planId: 'plan-2', drawnUpOn: '2024-11-20' } };
    given(registered, assessed(), planDrawnUp, ...allActionsCompleted, redrawn, cleanAssessment)
      .when(graduate())
      .thenThrows(IllegalStateError, '3 of 3 plan actions are not completed');
  });

  it('refuses a date before the assessment it rests on', () => {
    const run = given(registered, assessed(), planDrawnUp, ...allActionsCompleted, cleanAssessment).when(graduate('2024-11-30')).events;
    expect(issuesOf(run)).toEqual([{ field: 'graduatedOn', message: 'must not precede the latest assessment' }]);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(fieldsOf(given(registered, cleanAssessment).when(graduate('2024/12/15')).events)).toEqual(['graduatedOn']);
  });
});
