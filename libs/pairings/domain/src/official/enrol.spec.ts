import { IllegalStateError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { enrol, enrolled, given } from './official.examples';

describe('enrolling a buddy official', () => {
  it('records who the official is, the agency, the home district and a contact', () => {
    given().when(enrol).then(enrolled);
  });

  it('takes a phone alone, and leaves the absent title and email out', () => {
    const { title: _title, ...withoutTitle } = enrol;
    const { title: _t, ...data } = enrolled.data;
    given()
      .when({ ...withoutTitle, contact: { phone: '043123456' } })
      .then({ type: 'OfficialEnrolled', data: { ...data, contact: { phone: '043123456' } } });
  });

  it.each(['communityDevelopment', 'agriculture', 'military', 'police', 'health', 'localGovernment', 'teacher', 'other'] as const)(
    'takes an agency of kind %s',
    (kind) => {
      const [event] = given().when({ ...enrol, agency: { ...enrol.agency, kind } }).events();
      expect(event).toMatchObject({ data: { agency: { kind } } });
    },
  );

  it('is refused once the official is enrolled', () => {
    given(enrolled).when(enrol).thenThrows(IllegalStateError, 'official official-7 is already enrolled');
  });

  it('refuses an unknown agency kind', () => {
    const run = given().when({ ...enrol, agency: { ...enrol.agency, kind: 'navy' as never } }).events;
    expect(issuesOf(run)).toEqual([
      { field: 'agency.kind', message: 'must be one of communityDevelopment, agriculture, military, police, health, localGovernment, teacher, other' },
    ]);
  });

  it('needs a way to reach the official', () => {
    expect(issuesOf(given().when({ ...enrol, contact: {} }).events)).toEqual([{ field: 'contact', message: 'needs a phone or an email' }]);
  });

  it('refuses a malformed phone and email, naming the fields and never the values', () => {
    const issues = issuesOf(given().when({ ...enrol, contact: { phone: '+66 81 234 5678', email: 'wanida at home' } }).events);
    expect(issues.map((issue) => issue.field)).toEqual(['contact.phone', 'contact.email']);
    expect(JSON.stringify(issues)).not.toMatch(/234|wanida/);
  });

  it('names every field at fault at once, never quoting a name', () => {
    const run = given().when({
      ...enrol,
      officialId: '',
      firstName: ' ',
      lastName: 'x'.repeat(101),
      position: '',
      agency: { kind: 'police', name: '' },
      homeDistrictCode: '402',
      enrolledOn: '2019-02-30',
    }).events;
    expect(fieldsOf(run)).toEqual(['officialId', 'firstName', 'lastName', 'position', 'agency.name', 'homeDistrictCode', 'enrolledOn']);
    expect(JSON.stringify(issuesOf(run))).not.toContain('xxxx');
  });
});
