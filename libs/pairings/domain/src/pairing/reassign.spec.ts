import { fold, IllegalStateError, NotFoundError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { pairingDecider } from './business-logic';
import { pairingHistory } from './pairing';
import { given, paired, reassign, unpaired } from './pairing.examples';

describe("reassigning a household's buddy", () => {
  it('ends the old pairing with its reason and starts the new one, linked to it, in one decision', () => {
    given(paired())
      .when(reassign())
      .then(unpaired('official-7', '2020-03-01', 'transferred to Bangkok'), paired('official-9', '2020-03-01', 'p-official-7'));
  });

  it('keeps the full history, oldest first', () => {
    const history = [paired(), ...given(paired()).when(reassign()).events()];
    const third = given(...history).when(reassign('official-12', { reassignedOn: '2021-06-01', reason: 'retired' })).events();
    const state = fold(pairingDecider, [...history, ...third]);
    expect(pairingHistory(state)).toEqual([
      { pairingId: 'p-official-7', officialId: 'official-7', pairedOn: '2019-10-01', unpairedOn: '2020-03-01', reason: 'transferred to Bangkok' },
      {
        pairingId: 'p-official-9',
        officialId: 'official-9',
        pairedOn: '2020-03-01',
        replacesPairingId: 'p-official-7',
        unpairedOn: '2021-06-01',
        reason: 'retired',
      },
      { pairingId: 'p-official-12', officialId: 'official-12', pairedOn: '2021-06-01', replacesPairingId: 'p-official-9' },
    ]);
  });

  it('is refused when the household has no buddy', () => {
    given().when(reassign()).thenThrows(IllegalStateError, 'household hh-1 has no buddy to reassign: pair it instead');
    given(paired(), unpaired()).when(reassign()).thenThrows(IllegalStateError, 'has no buddy to reassign');
  });

  it('is refused to the official already in place', () => {
    given(paired()).when(reassign('official-7', { pairingId: 'p-2' })).thenThrows(IllegalStateError, 'household hh-1 is already paired with official official-7');
  });

  it('needs the household known and open', () => {
    given(paired()).when(reassign('official-9', { household: null })).thenThrows(NotFoundError, 'household hh-1 was not found');
    given(paired()).when(reassign('official-9', { household: { status: 'closed' } })).thenThrows(IllegalStateError, "household hh-1's case is closed");
  });

  it('refuses a pairing id used before', () => {
    given(paired()).when(reassign('official-9', { pairingId: 'p-official-7' })).thenThrows(IllegalStateError, 'pairing p-official-7 was already used');
  });

  it('needs a reason and a date not before the current pairing began', () => {
    expect(fieldsOf(given(paired()).when(reassign('official-9', { reason: '  ' })).events)).toEqual(['reason']);
    expect(issuesOf(given(paired()).when(reassign('official-9', { reassignedOn: '2019-09-30' })).events)).toEqual([
      { field: 'reassignedOn', message: "must not precede the household's latest pairing change" },
    ]);
  });
});
