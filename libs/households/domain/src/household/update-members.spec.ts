import { IllegalStateError } from '@khu-siao/decider';
import type { UpdateMembers } from './commands';
import { child, fieldsOf, given, grandmother, head, ids, issuesOf, members, registered, spouse, today } from './household.examples';

const update = (overrides: Partial<Omit<UpdateMembers, 'type'>>): UpdateMembers => ({
  type: 'UpdateMembers',
  members,
  today,
  ...overrides,
});

describe("updating a household's members", () => {
  it('records the whole new list with the reason', () => {
    given(registered)
      .when(update({ members: [...members, grandmother], reason: 'grandmother moved in' }))
      .then({ type: 'HouseholdMembersUpdated', data: { members: [...members, grandmother], reason: 'grandmother moved in' } });
  });

  it('records a change to a member without a reason', () => {
    const recovered = { ...spouse, chronicIllness: false };
    given(registered)
      .when(update({ members: [head, recovered, child] }))
      .then({ type: 'HouseholdMembersUpdated', data: { members: [head, recovered, child] } });
  });

  it('records a member leaving', () => {
    given(registered)
      .when(update({ members: [head, spouse] }))
      .then({ type: 'HouseholdMembersUpdated', data: { members: [head, spouse] } });
  });

  it('records nothing when nothing changed', () => {
    given(registered).when(update({ reason: 'checked on a visit' })).then();
  });

  it('does not take a new order for a change', () => {
    given(registered).when(update({ members: [child, head, spouse] })).then();
  });

  it('keeps the member rules: one head', () => {
    expect(issuesOf(given(registered).when(update({ members: [{ ...head, relation: 'other' }, spouse] })).events)).toEqual([
      { field: 'members', message: 'must have exactly one head (has 0)' },
    ]);
  });

  it('keeps the member rules: unique ids', () => {
    expect(fieldsOf(given(registered).when(update({ members: [head, { ...spouse, memberId: head.memberId }] })).events)).toEqual([
      'members.1.memberId',
    ]);
  });

  it('keeps the member rules: valid and unique national IDs', () => {
    const run = given(registered).when(
      update({ members: [head, { ...spouse, nationalId: ids.somchai }, { ...child, nationalId: '1409900000019' }] }),
    ).events;
    expect(fieldsOf(run)).toEqual(['members.1.nationalId', 'members.2.nationalId']);
  });

  it('keeps the member rules: no birth date after today', () => {
    const run = given(registered).when(update({ members: [...members, { ...grandmother, birthDate: '2024-07-01' }] })).events;
    expect(fieldsOf(run)).toEqual(['members.3.birthDate']);
  });

  it('is refused before the household is registered', () => {
    given().when(update({})).thenThrows(IllegalStateError, 'the household is not registered');
  });
});
