import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { teamDecider } from './business-logic';
import { addMember, formTeam, given, memberAdded, teamFormed } from './team.examples';

const removeMember = (officialId: string, removedOn = '2022-06-01', reason?: string) =>
  ({ type: 'RemoveTeamMember', teamId: 'team-400101', officialId, removedOn, ...(reason === undefined ? {} : { reason }) }) as const;

describe('forming a team', () => {
  it('records an operational team working a tambon', () => {
    given().when(formTeam).then(teamFormed);
  });

  it('records a mentor team working a whole district', () => {
    given()
      .when({ ...formTeam, teamId: 'mentor-4002', kind: 'mentor', name: 'Ban Fang mentors', area: { districtCode: '4002' } })
      .then({ type: 'TeamFormed', data: { teamId: 'mentor-4002', kind: 'mentor', name: 'Ban Fang mentors', area: { districtCode: '4002' }, formedOn: '2022-01-10' } });
  });

  it('is refused once the team is formed', () => {
    given(teamFormed).when(formTeam).thenThrows(IllegalStateError, 'team team-400101 is already formed');
  });

  it('refuses a tambon outside the district and malformed codes', () => {
    expect(issuesOf(given().when({ ...formTeam, area: { districtCode: '4002', tambonCode: '400101' } }).events)).toEqual([
      { field: 'area.tambonCode', message: 'must lie in the district' },
    ]);
    expect(fieldsOf(given().when({ ...formTeam, area: { districtCode: '40', tambonCode: '4001' } }).events)).toEqual([
      'area.districtCode',
      'area.tambonCode',
    ]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf(given().when({ ...formTeam, teamId: '', name: '', kind: 'squad' as never, formedOn: '10/01/2022' }).events)).toEqual([
      'teamId',
      'name',
      'kind',
      'formedOn',
    ]);
  });
});

describe("a team's members", () => {
  it('adds an enrolled official with a role', () => {
    given(teamFormed).when(addMember('official-7', 'leader')).then(memberAdded('official-7', 'leader'));
    given(teamFormed, memberAdded('official-7', 'leader')).when(addMember('official-9')).then(memberAdded('official-9'));
  });

  it('refuses an official who is not enrolled', () => {
    given(teamFormed).when(addMember('official-404', 'member', { officialEnrolled: false })).thenThrows(NotFoundError, 'official official-404 was not found');
  });

  it('refuses a member twice and a second leader', () => {
    given(teamFormed, memberAdded('official-7')).when(addMember('official-7', 'leader')).thenThrows(IllegalStateError, 'official official-7 is already a member of team team-400101');
    given(teamFormed, memberAdded('official-7', 'leader'))
      .when(addMember('official-9', 'leader'))
      .thenThrows(IllegalStateError, 'team team-400101 already has a leader, official official-7');
  });

  it('refuses a member added before the team was formed, or with an unknown role', () => {
    expect(issuesOf(given(teamFormed).when(addMember('official-7', 'member', { addedOn: '2022-01-09' })).events)).toEqual([
      { field: 'addedOn', message: 'must not precede the forming of the team' },
    ]);
    expect(fieldsOf(given(teamFormed).when(addMember('official-7', 'captain' as never)).events)).toEqual(['role']);
  });

  it('is refused for a team never formed', () => {
    given().when(addMember('official-7')).thenThrows(NotFoundError, 'team team-400101 was not found');
    given().when(removeMember('official-7')).thenThrows(NotFoundError, 'team team-400101 was not found');
  });

  it('removes a member, with an optional reason, and lets the leader role be taken again', () => {
    given(teamFormed, memberAdded('official-7', 'leader'))
      .when(removeMember('official-7', '2022-06-01', 'transferred'))
      .then({ type: 'TeamMemberRemoved', data: { teamId: 'team-400101', officialId: 'official-7', removedOn: '2022-06-01', reason: 'transferred' } });
    const history = [teamFormed, memberAdded('official-7', 'leader'), ...given(teamFormed, memberAdded('official-7', 'leader')).when(removeMember('official-7')).events()];
    expect(fold(teamDecider, history)).toMatchObject({ members: [] });
    given(...history).when(addMember('official-9', 'leader', { addedOn: '2022-06-02' })).then({ ...memberAdded('official-9', 'leader'), data: { ...memberAdded('official-9', 'leader').data, addedOn: '2022-06-02' } });
  });

  it('refuses to remove someone who is not a member, or before they joined', () => {
    given(teamFormed).when(removeMember('official-7')).thenThrows(IllegalStateError, 'official official-7 is not a member of team team-400101');
    expect(issuesOf(given(teamFormed, memberAdded('official-7')).when(removeMember('official-7', '2022-01-11')).events)).toEqual([
      { field: 'removedOn', message: 'must not precede the day the official joined' },
    ]);
  });
});
