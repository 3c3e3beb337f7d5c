import { IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { given, pair, paired, unpaired } from './pairing.examples';

describe('pairing an official with a household', () => {
  it('records the pairing', () => {
    given().when(pair()).then(paired());
  });

  it('pairs a household again once its previous pairing ended', () => {
    given(paired(), unpaired())
      .when(pair('official-9', { pairedOn: '2020-03-02' }))
      .then(paired('official-9', '2020-03-02'));
  });

  describe('one buddy at a time', () => {
    it('refuses a second official, naming the buddy in place', () => {
      given(paired())
        .when(pair('official-9'))
        .thenThrows(IllegalStateError, 'household hh-1 already has a buddy, official official-7: reassign it instead');
    });

    it('refuses the same official under another pairing', () => {
      given(paired())
        .when(pair('official-7', { pairingId: 'p-again' }))
        .thenThrows(IllegalStateError, 'household hh-1 is already paired with official official-7');
    });

    it('does nothing when the pairing in force is asked for again (a retry)', () => {
      given(paired()).when(pair()).then();
    });

    it('lets exactly one of two officials deciding on the same version win: the second decides on the first', () => {
      const first = given().when(pair('official-7')).events();
      const second = given().when(pair('official-9')).events();
      // Both were accepted on version 0; the store appends one at expected version 0 and the other re-decides:
      expect([first, second]).toEqual([[paired('official-7')], [paired('official-9')]]);
      given(...first)
        .when(pair('official-9'))
        .thenThrows(IllegalStateError, 'already has a buddy, official official-7');
    });
  });

  describe('needs a household that is known and open', () => {
    it('refuses an unknown household', () => {
      given().when(pair('official-7', { household: null })).thenThrows(NotFoundError, 'household hh-1 was not found');
    });

    it('refuses a graduated household', () => {
      given()
        .when(pair('official-7', { household: { status: 'graduated' } }))
        .thenThrows(IllegalStateError, 'household hh-1 has graduated: its case is finished');
    });

    it('refuses a closed case', () => {
      given().when(pair('official-7', { household: { status: 'closed' } })).thenThrows(IllegalStateError, "household hh-1's case is closed");
    });

    it('refuses a household whose data was erased', () => {
      given()
        .when(pair('official-7', { household: { status: 'erased' } }))
        .thenThrows(IllegalStateError, "household hh-1's data was erased: its case is ended");
    });
  });

  it('refuses a pairing id the household has used before', () => {
    given(paired(), unpaired())
      .when(pair('official-9', { pairingId: 'p-official-7', pairedOn: '2020-03-02' }))
      .thenThrows(IllegalStateError, 'pairing p-official-7 was already used for this household');
  });

  it('refuses a date before the previous pairing ended', () => {
    expect(issuesOf(given(paired(), unpaired()).when(pair('official-9', { pairedOn: '2020-02-29' })).events)).toEqual([
      { field: 'pairedOn', message: "must not precede the household's latest pairing change" },
    ]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf(given().when(pair('', { pairingId: ' ', householdId: '', pairedOn: '2019-13-01' })).events)).toEqual([
      'pairingId',
      'householdId',
      'officialId',
      'pairedOn',
    ]);
  });
});
