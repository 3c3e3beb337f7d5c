import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { enrolled, given, placeReleased, placeTaken, takeOn } from './official.examples';

describe("an official's caseload", () => {
  it('takes a place for a household, recording the limit it was taken under', () => {
    given(enrolled).when(takeOn('hh-1')).then(placeTaken('hh-1'));
  });

  it('is limited to 2 households by default', () => {
    given(enrolled, placeTaken('hh-1'))
      .when(takeOn('hh-2'))
      .then(placeTaken('hh-2'));
    given(enrolled, placeTaken('hh-1'), placeTaken('hh-2'))
      .when(takeOn('hh-3'))
      .thenThrows(IllegalStateError, "official official-7 already carries 2 households, the province's limit of 2");
  });

  it("follows the province's own limit", () => {
    given(enrolled, placeTaken('hh-1', 3), placeTaken('hh-2', 3))
      .when(takeOn('hh-3', { caseloadLimit: 3 }))
      .then(placeTaken('hh-3', 3));
    given(enrolled, placeTaken('hh-1', 3), placeTaken('hh-2', 3), placeTaken('hh-3', 3))
      .when(takeOn('hh-4', { caseloadLimit: 3 }))
      .thenThrows(IllegalStateError, "official official-7 already carries 3 households, the province's limit of 3");
  });

  it('takes no new household when the province lowers its limit below the caseload, keeping those already carried', () => {
    given(enrolled, placeTaken('hh-1', 3), placeTaken('hh-2', 3), placeTaken('hh-3', 3))
      .when(takeOn('hh-4', { caseloadLimit: 1 }))
      .thenThrows(IllegalStateError, "official official-7 already carries 3 households, the province's limit of 1");
  });

  it('counts a released place as free again', () => {
    given(enrolled, placeTaken('hh-1'), placeTaken('hh-2'), placeReleased('hh-1'))
      .when(takeOn('hh-3', { takenOn: '2020-03-01' }))
      .then(placeTaken('hh-3', 2, '2020-03-01'));
  });

  it('does nothing when the same place is asked for again (a retry)', () => {
    given(enrolled, placeTaken('hh-1'), placeTaken('hh-2')).when(takeOn('hh-2')).then();
  });

  it('refuses a second place for a household already carried', () => {
    given(enrolled, placeTaken('hh-1'))
      .when(takeOn('hh-1', { pairingId: 'p-other' }))
      .thenThrows(IllegalStateError, 'official official-7 already answers for household hh-1');
  });

  it('refuses to reuse the pairing of a released place', () => {
    given(enrolled, placeTaken('hh-1'), placeReleased('hh-1'))
      .when(takeOn('hh-1'))
      .thenThrows(IllegalStateError, 'pairing p-hh-1 already ended for official official-7');
  });

  it('is refused for an official who is not enrolled', () => {
    given().when(takeOn('hh-1')).thenThrows(NotFoundError, 'official official-7 was not found');
  });

  it('refuses a limit that is not a whole number from 1', () => {
    expect(issuesOf(given(enrolled).when(takeOn('hh-1', { caseloadLimit: 0 })).events)).toEqual([
      { field: 'caseloadLimit', message: 'must be a whole number from 1' },
    ]);
    expect(fieldsOf(given(enrolled).when(takeOn('hh-1', { caseloadLimit: 2.5 })).events)).toEqual(['caseloadLimit']);
  });

  it('refuses a place taken before the enrolment, or on no real date', () => {
    expect(issuesOf(given(enrolled).when(takeOn('hh-1', { takenOn: '2019-09-26' })).events)).toEqual([
      { field: 'takenOn', message: "must not precede the official's enrolment" },
    ]);
    expect(fieldsOf(given(enrolled).when(takeOn('', { pairingId: '', takenOn: 'soon' })).events)).toEqual(['pairingId', 'householdId', 'takenOn']);
  });

  describe('releasing a place', () => {
    const release = (reason: 'unpaired' | 'reassigned' | 'pairingNeverRecorded', releasedOn = '2020-03-01') =>
      ({ type: 'ReleaseHousehold', officialId: 'official-7', pairingId: 'p-hh-1', releasedOn, reason }) as const;

    it.each(['unpaired', 'reassigned', 'pairingNeverRecorded'] as const)('records why it was freed: %s', (reason) => {
      given(enrolled, placeTaken('hh-1')).when(release(reason)).then(placeReleased('hh-1', reason));
    });

    it('does nothing when the place was already released (a retry)', () => {
      given(enrolled, placeTaken('hh-1'), placeReleased('hh-1')).when(release('unpaired')).then();
    });

    it('is refused for a pairing that never held a place', () => {
      given(enrolled).when(release('unpaired')).thenThrows(NotFoundError, 'caseload place p-hh-1 was not found');
    });

    it('refuses a date before the place was taken, and an unknown reason', () => {
      expect(issuesOf(given(enrolled, placeTaken('hh-1')).when(release('unpaired', '2019-09-30')).events)).toEqual([
        { field: 'releasedOn', message: 'must not precede the day the place was taken' },
      ]);
      expect(fieldsOf(given(enrolled, placeTaken('hh-1')).when(release('bored' as never)).events)).toEqual(['reason']);
    });
  });
});
