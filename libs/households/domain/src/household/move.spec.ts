import { IllegalStateError } from '@khu-siao/decider';
import type { MoveHousehold } from './commands';
import { address, elsewhere, fieldsOf, given, issuesOf, registered } from './household.examples';

const move = (to = elsewhere, movedOn = '2024-09-01'): MoveHousehold => ({ type: 'MoveHousehold', to, movedOn });

describe('moving a household', () => {
  it('records where it came from and where it went', () => {
    given(registered)
      .when(move())
      .then({ type: 'HouseholdMoved', data: { from: address, to: elsewhere, movedOn: '2024-09-01' } });
  });

  it('moves from the address of the previous move', () => {
    given(registered, { type: 'HouseholdMoved', data: { from: address, to: elsewhere, movedOn: '2024-09-01' } })
      .when(move(address, '2025-01-15'))
      .then({ type: 'HouseholdMoved', data: { from: elsewhere, to: address, movedOn: '2025-01-15' } });
  });

  it('records a corrected house number in the same village', () => {
    const corrected = { ...address, houseNumber: '12/4' };
    given(registered)
      .when(move(corrected))
      .then({ type: 'HouseholdMoved', data: { from: address, to: corrected, movedOn: '2024-09-01' } });
  });

  it('records nothing when the address is the same', () => {
    given(registered).when(move({ area: { ...address.area }, houseNumber: address.houseNumber })).then();
  });

  it('refuses an address outside Khon Kaen, naming the field', () => {
    const run = given(registered).when(move({ area: { ...elsewhere.area, districtCode: '4027' } })).events;
    expect(issuesOf(run)).toContainEqual({ field: 'to.area.districtCode', message: 'is not a district of province 40' });
  });

  it('refuses a move date that is not a calendar date', () => {
    expect(fieldsOf(given(registered).when(move(elsewhere, '2024-09-31')).events)).toEqual(['movedOn']);
  });

  it('is refused before the household is registered', () => {
    given().when(move()).thenThrows(IllegalStateError, 'the household is not registered');
  });
});
