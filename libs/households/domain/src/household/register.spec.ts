import { IllegalStateError, InvalidCommandError } from '@khu-siao/decider';
import { address, child, fieldsOf, given, grandmother, head, ids, issuesOf, register, registered, spouse } from './household.examples';

describe('registering a household', () => {
  it('records the household, its address and its members', () => {
    given().when(register).then(registered);
  });

  it('takes any of the sources a household is found through', () => {
    given()
      .when({ ...register, source: 'exclusionErrorReferral' })
      .then({ ...registered, data: { ...registered.data, source: 'exclusionErrorReferral' } });
  });

  it('is refused once the household is registered', () => {
    given(registered).when(register).thenThrows(IllegalStateError, 'the household is already registered');
  });

  describe('needs exactly one head', () => {
    it('refuses a household without one', () => {
      const run = given().when({ ...register, members: [{ ...head, relation: 'spouse' }, child] }).events;
      expect(issuesOf(run)).toEqual([{ field: 'members', message: 'must have exactly one head (has 0)' }]);
    });

    it('refuses a household with two', () => {
      const run = given().when({ ...register, members: [head, { ...spouse, relation: 'head' }] }).events;
      expect(issuesOf(run)).toEqual([{ field: 'members', message: 'must have exactly one head (has 2)' }]);
    });

    it('refuses a household with nobody in it', () => {
      given().when({ ...register, members: [] }).thenThrows(InvalidCommandError, 'members must have exactly one head (has 0)');
    });
  });

  it('needs member ids unique', () => {
    const run = given().when({ ...register, members: [head, spouse, { ...child, memberId: spouse.memberId }] }).events;
    expect(issuesOf(run)).toEqual([{ field: 'members.2.memberId', message: 'repeats the id of another member' }]);
  });

  describe('needs national IDs valid and unique', () => {
    it('refuses a wrong check digit, naming the field and never the ID', () => {
      const wrong = `${ids.nong.slice(0, 12)}9`;
      const issues = issuesOf(given().when({ ...register, members: [head, spouse, { ...child, nationalId: wrong }] }).events);
      expect(issues).toEqual([
        { field: 'members.2.nationalId', message: 'is not a valid Thai national ID (13 digits with a matching check digit)' },
      ]);
      expect(JSON.stringify(issues)).not.toContain(wrong);
    });

    it('refuses an ID that is not 13 digits', () => {
      const run = given().when({ ...register, members: [{ ...head, nationalId: '3-4001-00123-45-8' }, spouse] }).events;
      expect(fieldsOf(run)).toEqual(['members.0.nationalId']);
    });

    it('refuses the same person twice', () => {
      const run = given().when({ ...register, members: [head, spouse, { ...child, nationalId: ids.malee }] }).events;
      expect(issuesOf(run)).toEqual([{ field: 'members.2.nationalId', message: 'repeats the national ID of another member' }]);
    });
  });

  describe('needs birth dates that have happened', () => {
    it('accepts a baby born today', () => {
      const baby = { ...grandmother, memberId: 'm-9', nationalId: ids.newborn, relation: 'grandchild' as const, birthDate: register.today };
      given()
        .when({ ...register, members: [head, baby] })
        .then({ ...registered, data: { ...registered.data, members: [head, baby] } });
    });

    it('refuses a birth date after today', () => {
      const run = given().when({ ...register, members: [head, { ...child, birthDate: '2024-06-02' }] }).events;
      expect(issuesOf(run)).toEqual([{ field: 'members.1.birthDate', message: 'must not be after today' }]);
    });

    it('refuses a birth date that is not a calendar date', () => {
      expect(fieldsOf(given().when({ ...register, members: [{ ...head, birthDate: '1980-02-30' }] }).events)).toEqual([
        'members.0.birthDate',
      ]);
    });

    it('refuses a today that is not a calendar date', () => {
      expect(fieldsOf(given().when({ ...register, today: '1 June 2024' }).events)).toEqual(['today']);
    });
  });

  describe('needs an address in Khon Kaen', () => {
    it('refuses a district that does not exist', () => {
      const area = { ...address.area, districtCode: '4026', tambonCode: '402601', villageCode: '40260101' };
      const run = given().when({ ...register, address: { area } }).events;
      expect(issuesOf(run)).toEqual([{ field: 'address.area.districtCode', message: 'is not a district of province 40' }]);
    });

    it('accepts Wiang Kao, 4029', () => {
      const wiangKao = { area: { provinceCode: '40', districtCode: '4029', tambonCode: '402903', villageCode: '40290311' } };
      given()
        .when({ ...register, address: wiangKao })
        .then({ ...registered, data: { ...registered.data, address: wiangKao } });
    });

    it('refuses a moo past 30', () => {
      const run = given().when({ ...register, address: { area: { ...address.area, villageCode: '40010131' } } }).events;
      expect(fieldsOf(run)).toEqual(['address.area.villageCode']);
    });
  });

  it('names every field at fault at once', () => {
    const run = given().when({
      ...register,
      address: { area: { ...address.area, provinceCode: '41' } },
      members: [{ ...head, birthDate: '2030-01-01' }, { ...spouse, memberId: head.memberId, nationalId: head.nationalId }],
    }).events;
    expect(fieldsOf(run)).toEqual(['address.area.provinceCode', 'members.0.birthDate', 'members.1.memberId', 'members.1.nationalId']);
  });
});
