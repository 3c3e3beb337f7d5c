import { IllegalStateError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { given, paired, unpair, unpaired } from './pairing.examples';

describe('unpairing a household', () => {
  it('ends the pairing in force, naming the official and the reason', () => {
    given(paired()).when(unpair()).then(unpaired());
  });

  it("does not ask for the household's status: a finished case should be unpaired", () => {
    given(paired()).when(unpair({ reason: 'household graduated' })).then(unpaired('official-7', '2020-03-01', 'household graduated'));
  });

  it('is refused when there is no buddy', () => {
    given().when(unpair()).thenThrows(IllegalStateError, 'household hh-1 has no buddy to unpair');
    given(paired(), unpaired()).when(unpair()).thenThrows(IllegalStateError, 'household hh-1 has no buddy to unpair');
  });

  it('needs a reason, and a date not before the pairing began', () => {
    expect(fieldsOf(given(paired()).when(unpair({ reason: '' })).events)).toEqual(['reason']);
    expect(fieldsOf(given(paired()).when(unpair({ reason: 'x'.repeat(501) })).events)).toEqual(['reason']);
    expect(issuesOf(given(paired()).when(unpair({ unpairedOn: '2019-09-30' })).events)).toEqual([
      { field: 'unpairedOn', message: 'must not precede the start of the pairing' },
    ]);
    expect(fieldsOf(given(paired()).when(unpair({ unpairedOn: 'yesterday' })).events)).toEqual(['unpairedOn']);
  });
});
