import { IllegalStateError, InvalidCommandError } from '@khu-siao/decider';
import type { EraseHousehold, HouseholdCommand } from './commands';
import {
  allActionsCompleted,
  assess,
  assessed,
  cleanAssessment,
  contractIssuesOf,
  drawUp,
  fieldsOf,
  given,
  members,
  planDrawnUp,
  register,
  registered,
} from './household.examples';
import type { HouseholdEventOfType } from './household';

const erase = (overrides: Partial<Omit<EraseHousehold, 'type'>> = {}): EraseHousehold => ({
  type: 'EraseHousehold',
  erasedOn: '2024-12-01',
  basis: 'dataSubjectRequest',
  requestRef: 'DPO/2024/017',
  ...overrides,
});

const erased: HouseholdEventOfType<'HouseholdErased'> = {
  type: 'HouseholdErased',
  data: { erasedOn: '2024-12-01', basis: 'dataSubjectRequest', requestRef: 'DPO/2024/017' },
};
const graduated: HouseholdEventOfType<'HouseholdGraduated'> = { type: 'HouseholdGraduated', data: { graduatedOn: '2024-11-15', assessmentId: 'as-2' } };
const closed: HouseholdEventOfType<'HouseholdCaseClosed'> = { type: 'HouseholdCaseClosed', data: { closedOn: '2024-10-01', reason: 'refused' } };

describe("erasing a household's personal data", () => {
  it('records the erasure of an active household, as the contract has it', () => {
    const events = given(registered, assessed()).when(erase()).events();
    expect(events).toEqual([erased]);
    expect(contractIssuesOf(events)).toEqual([]);
  });

  it.each([
    ['graduated', [registered, cleanAssessment, planDrawnUp, ...allActionsCompleted, graduated]],
    ['closed', [registered, closed]],
  ] as const)('erases a %s household too: the right to erasure does not wait for the case', (_status, history) => {
    given(...history).when(erase({ basis: 'retentionExpired' })).then({ ...erased, data: { ...erased.data, basis: 'retentionExpired' } });
  });

  it('erases once: a second erasure is refused', () => {
    given(registered, erased).when(erase({ requestRef: 'DPO/2024/018' })).thenThrows(IllegalStateError);
  });

  it.each<[string, HouseholdCommand]>([
    ['an assessment', assess()],
    ['a life plan', drawUp],
    ['a member update', { type: 'UpdateMembers', members, today: '2024-12-02' }],
    ['a move', { type: 'MoveHousehold', to: registered.data.address, movedOn: '2024-12-02' }],
    ['a closure', { type: 'CloseCase', closedOn: '2024-12-02', reason: 'movedAway' }],
    ['a registration', register],
  ])('refuses %s once the household is erased', (_what, command) => {
    expect(given(registered, assessed(), erased).when(command).events).toThrow(new IllegalStateError("the household's personal data is erased"));
  });

  it('refuses to erase a household that was never registered', () => {
    given().when(erase()).thenThrows(IllegalStateError);
  });

  it('refuses a date that is not a calendar date and a reference with other characters', () => {
    expect(fieldsOf(given(registered).when(erase({ erasedOn: '2024-13-01', requestRef: 'ref with spaces' })).events)).toEqual([
      'erasedOn',
      'requestRef',
    ]);
    given(registered).when(erase({ erasedOn: '' })).thenThrows(InvalidCommandError);
  });
});
