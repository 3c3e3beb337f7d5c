import { IllegalStateError } from '@khu-siao/decider';
import { fieldsOf, issuesOf } from '@khu-siao/decider/testing';
import { given, partnerRegistered, registerPartner } from './partner.examples';

describe('registering a partner', () => {
  it('records the organisation, its sector and the day it signed the MOU', () => {
    given().when(registerPartner).then(partnerRegistered);
  });

  it.each(['government', 'private', 'academic', 'religious', 'media', 'civilSociety', 'people'] as const)('takes the %s sector', (sector) => {
    expect(given().when({ ...registerPartner, sector }).events()).toMatchObject([{ data: { sector } }]);
  });

  it('is refused once the partner is registered', () => {
    given(partnerRegistered).when(registerPartner).thenThrows(IllegalStateError, 'partner partner-kku is already registered');
  });

  it('refuses an MOU signed after today', () => {
    expect(issuesOf(given().when({ ...registerPartner, mouSignedOn: '2022-01-28' }).events)).toEqual([
      { field: 'mouSignedOn', message: 'must not be after today' },
    ]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf(given().when({ ...registerPartner, partnerId: '', name: ' ', sector: 'bank' as never, mouSignedOn: '2020-11-31' }).events)).toEqual([
      'partnerId',
      'name',
      'sector',
      'mouSignedOn',
    ]);
  });
});
