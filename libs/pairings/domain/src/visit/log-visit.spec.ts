import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { details, given, logVisit, today, visitLogged } from './visit.examples';

const minimal = {
  ...logVisit,
  officialIds: ['official-7'],
  dimensionsDiscussed: [],
  needsFound: [],
  helpGiven: [],
  referrals: [],
  nextVisitOn: undefined,
  location: undefined,
  photoRef: undefined,
};

describe('logging a visit', () => {
  it('records who visited, when, for which process step, what was found, given and referred, where, and when next', () => {
    given().when(logVisit).then(visitLogged);
  });

  it('leaves out what was not given rather than storing it empty', () => {
    given()
      .when(minimal)
      .then({
        type: 'VisitLogged',
        data: { visitId: 'visit-1', householdId: 'hh-1', officialIds: ['official-7'], visitedOn: '2022-01-20', processStep: 'manage', dimensionsDiscussed: [], needsFound: [], helpGiven: [], referrals: [] },
      });
  });

  it.each(['pinpoint', 'lifeCompass', 'manage', 'care'] as const)('serves the %s step', (processStep) => {
    expect(given().when({ ...logVisit, processStep }).events()).toMatchObject([{ data: { processStep } }]);
  });

  describe('late and future visits', () => {
    it('may be logged days after the visit', () => {
      given().when({ ...logVisit, visitedOn: '2021-12-01', nextVisitOn: '2022-01-05' }).then({ ...visitLogged, data: { ...visitLogged.data, visitedOn: '2021-12-01', nextVisitOn: '2022-01-05' } });
    });

    it('may be logged on the day', () => {
      expect(given().when({ ...logVisit, visitedOn: today }).events()).toMatchObject([{ data: { visitedOn: today } }]);
    });

    it('refuses a visit dated after today', () => {
      expect(issuesOf(given().when({ ...logVisit, visitedOn: '2022-01-28' }).events)).toEqual([
        { field: 'visitedOn', message: 'must not be after today' },
      ]);
    });

    it('refuses a next visit that is not after the visit', () => {
      expect(issuesOf(given().when({ ...logVisit, nextVisitOn: details.visitedOn }).events)).toEqual([
        { field: 'nextVisitOn', message: 'must be after the visit' },
      ]);
    });
  });

  describe('the GPS point', () => {
    it('takes a point anywhere in Thailand, edges included', () => {
      for (const location of [{ latitude: 20.5, longitude: 97.3 }, { latitude: 5.5, longitude: 105.7 }, { latitude: 16.4419, longitude: 102.836 }]) {
        expect(given().when({ ...logVisit, location }).events()).toMatchObject([{ data: { location } }]);
      }
    });

    it.each([
      ['latitude', { latitude: 21, longitude: 102.8 }, 'must lie in Thailand (5.5 to 20.5)'],
      ['latitude', { latitude: 5.4, longitude: 102.8 }, 'must lie in Thailand (5.5 to 20.5)'],
      ['longitude', { latitude: 16.4, longitude: 97.2 }, 'must lie in Thailand (97.3 to 105.7)'],
      ['longitude', { latitude: 16.4, longitude: 139.7 }, 'must lie in Thailand (97.3 to 105.7)'],
    ])('refuses a %s outside Thailand', (axis, location, message) => {
      expect(issuesOf(given().when({ ...logVisit, location }).events)).toEqual([{ field: `location.${axis}`, message }]);
    });

    it('refuses a swapped pair', () => {
      expect(fieldsOf(given().when({ ...logVisit, location: { latitude: 102.836, longitude: 16.4419 } }).events)).toEqual([
        'location.latitude',
        'location.longitude',
      ]);
    });

    it('refuses a malformed point', () => {
      const malformed = { latitude: '16.44' as unknown as number, longitude: Number.NaN };
      expect(issuesOf(given().when({ ...logVisit, location: malformed }).events)).toEqual([
        { field: 'location.latitude', message: 'must be a number in degrees' },
        { field: 'location.longitude', message: 'must be a number in degrees' },
      ]);
      expect(fieldsOf(given().when({ ...logVisit, location: null as never }).events)).toEqual(['location']);
    });
  });

  describe('help given', () => {
    it('needs the value of in-kind help, in whole satang', () => {
      expect(issuesOf(given().when({ ...logVisit, helpGiven: [{ kind: 'inKind', description: 'survival bag' }] }).events)).toEqual([
        { field: 'helpGiven.0.value', message: 'is required for in-kind help (whole satang)' },
      ]);
      expect(fieldsOf(given().when({ ...logVisit, helpGiven: [{ kind: 'service', description: 'ride to hospital', value: 12.5 }] }).events)).toEqual([
        'helpGiven.0.value',
      ]);
    });

    it('refuses an unknown kind and a blank description', () => {
      expect(fieldsOf(given().when({ ...logVisit, helpGiven: [{ kind: 'cash' as never, description: '' }] }).events)).toEqual([
        'helpGiven.0.kind',
        'helpGiven.0.description',
      ]);
    });
  });

  it('refuses lists that repeat or hold blanks, naming each entry', () => {
    const run = given().when({
      ...logVisit,
      officialIds: ['official-7', 'official-7'],
      dimensionsDiscussed: ['income', 'wealth' as never, 'income'],
      needsFound: [''],
      referrals: ['x'.repeat(201)],
      photoRef: '',
    }).events;
    expect(fieldsOf(run)).toEqual(['officialIds.1', 'dimensionsDiscussed.1', 'dimensionsDiscussed.2', 'needsFound.0', 'referrals.0', 'photoRef']);
  });

  it('names every field at fault at once', () => {
    const run = given().when({ ...logVisit, visitId: '', officialIds: [], visitedOn: '2022-02-30', processStep: 'plan' as never, today: 'now', nextVisitOn: 'soon' }).events;
    expect(fieldsOf(run)).toEqual(['visitId', 'today', 'officialIds', 'visitedOn', 'processStep', 'nextVisitOn']);
  });

  it('is refused for a household nobody registered', () => {
    given().when({ ...logVisit, household: null }).thenThrows(NotFoundError, 'household hh-1 was not found');
  });

  it('may be logged late for a household whose case has since closed', () => {
    given().when({ ...logVisit, household: { status: 'closed' } }).then(visitLogged);
  });

  it('is refused for a household whose data was erased: nothing new is recorded of it', () => {
    given().when({ ...logVisit, household: { status: 'erased' } }).thenThrows(IllegalStateError, "household hh-1's data was erased: its case is ended");
  });

  it('is refused when the visit is already logged', () => {
    given(visitLogged).when(logVisit).thenThrows(IllegalStateError, 'visit visit-1 is already logged: correct it instead');
  });
});
