import { fold, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { visitDecider } from './business-logic';
import { correct, corrected, details, given, visitLogged } from './visit.examples';

const worth450 = { helpGiven: [{ kind: 'inKind' as const, description: 'survival bag', value: 45_000 }, details.helpGiven[1]] };

describe('correcting a visit', () => {
  it('restates the details in full, with who corrected them, when and why', () => {
    given(visitLogged).when(correct(worth450)).then(corrected(worth450));
  });

  it('builds a chain: each correction applies to what the last one left, and the first log stays on record', () => {
    const second = correct({ ...worth450, visitedOn: '2022-01-19' }, { reason: 'the visit was on the 19th', today: '2022-02-01' });
    const history = [visitLogged, corrected(worth450)];
    const [event] = given(...history).when(second).events();
    expect(event).toEqual(corrected({ ...worth450, visitedOn: '2022-01-19' }, 'the visit was on the 19th', '2022-02-01'));
    const visit = fold(visitDecider, [...history, event]);
    expect(visit).toMatchObject({
      details: { visitedOn: '2022-01-19', helpGiven: worth450.helpGiven },
      loggedDetails: { visitedOn: '2022-01-20', helpGiven: details.helpGiven },
      corrections: [
        { reason: 'the survival bag was worth 450 baht', correctedBy: 'official-7', correctedOn: '2022-01-28' },
        { reason: 'the visit was on the 19th', correctedBy: 'official-7', correctedOn: '2022-02-01' },
      ],
    });
  });

  it('may remove an optional detail, such as a wrong GPS point', () => {
    const { location: _location, ...withoutLocation } = details;
    given(visitLogged)
      .when({ ...correct({}), details: withoutLocation, reason: 'the point was taken at the office' })
      .then({ type: 'VisitCorrected', data: { ...corrected({}).data, details: withoutLocation, reason: 'the point was taken at the office' } });
  });

  it('records nothing when the details are restated unchanged (a retry finds itself applied)', () => {
    given(visitLogged).when(correct({})).then();
    given(visitLogged, corrected(worth450)).when(correct(worth450)).then();
  });

  it('is refused for a visit never logged', () => {
    given().when(correct(worth450)).thenThrows(NotFoundError, 'visit visit-1 was not found');
  });

  it('refuses a corrected visit date after today, and a GPS point outside Thailand, under details', () => {
    expect(issuesOf(given(visitLogged).when(correct({ visitedOn: '2022-01-29' })).events)).toEqual([
      { field: 'details.visitedOn', message: 'must not be after today' },
    ]);
    expect(fieldsOf(given(visitLogged).when(correct({ location: { latitude: 48.85, longitude: 2.35 } })).events)).toEqual([
      'details.location.latitude',
      'details.location.longitude',
    ]);
  });

  it('needs a reason and who corrected it', () => {
    expect(fieldsOf(given(visitLogged).when(correct(worth450, { reason: '', correctedBy: ' ' })).events)).toEqual(['reason', 'correctedBy']);
  });
});
