import { randomBytes } from 'node:crypto';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import { generateLocalIssuerKey } from './identity/local-issuer';
import type { Principal } from './identity/principal';
import { ERASED } from './personal-data/household-field-cipher';
import { authorize } from './policy/authorize';
import { readSecurityConfig } from './security-config';
import { createSecurityServices, type SecurityServices } from './security-services';

describe('the security services built from configuration', () => {
  let context: TestContext;
  let security: SecurityServices;

  beforeAll(async () => {
    context = await createTestContext('security-services');
    const config = readSecurityConfig({
      AUTH_AUDIENCE: 'khu-siao',
      AUTH_LOCAL_ISSUER_KEY: generateLocalIssuerKey(),
      SECURITY_MASTER_KEY: randomBytes(32).toString('base64'),
      SECURITY_LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    });
    security = await createSecurityServices(config, context.db);
  });
  afterAll(() => context.close());

  it('sign a person in, decide a call, and protect, reveal with a record, and erase a national ID', async () => {
    const official: Principal = {
      subject: 'official-7',
      kind: 'person',
      roles: ['fieldOfficial'],
      areas: [{ level: 'own-households', officialId: 'official-7' }],
      clientId: 'khu-siao-web',
    };
    const token = await security.localIssuer?.issue(official);
    const principal = await security.verifier.verifyAuthorization(`Bearer ${token}`);
    const household = { districtCode: '4001', tambonCode: '400101', buddyOfficialIds: ['official-7'] };
    expect(authorize(principal, 'households.readFullNationalId', household)).toEqual({ allowed: true });
    expect(authorize(principal, 'households.readFullNationalId', { ...household, buddyOfficialIds: ['official-9'] })).toMatchObject({ denied: 403 });

    const encrypted = await security.nationalIds.encrypt('hh-1', '1101700230708');
    expect(await security.nationalIds.masked('hh-1', encrypted)).toBe('xxxxxxxxx0708');
    const request = { reader: principal, householdId: 'hh-1', purpose: 'verify identity on a home visit' };
    expect(await security.nationalIds.reveal(encrypted, request, security.fullIdReads)).toBe('1101700230708');
    expect(await security.fullIdReads.readsOfHousehold('hh-1')).toEqual([
      expect.objectContaining({ householdId: 'hh-1', purpose: 'verify identity on a home visit', reader: expect.objectContaining({ subject: 'official-7' }) }),
    ]);

    await security.dataKeys.erase('hh-1');
    expect(await security.nationalIds.masked('hh-1', encrypted)).toBe(ERASED);
    expect(await security.nationalIds.reveal(encrypted, request, security.fullIdReads)).toBe(ERASED);
  });

  it('give an agency a token through its client credentials that the same verifier accepts', async () => {
    const { clientId, clientSecret } = await security.agencyClients.register({
      agency: 'Krungthai Bank',
      areas: [{ level: 'province', provinceCode: '40' }],
      operations: ['partners.pledge'],
    });
    const response = await security.clientCredentials?.exchange({ grantType: 'client_credentials', clientId, clientSecret });
    const principal = await security.verifier.verify((response?.body as { access_token: string }).access_token);
    expect(principal).toMatchObject({ kind: 'agency', clientId, operations: ['partners.pledge'] });
    expect(authorize(principal, 'partners.pledge', { provinceCode: '40' })).toEqual({ allowed: true });
  });
});
