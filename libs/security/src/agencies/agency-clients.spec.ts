import { createTestContext, type TestContext } from '@khu-siao/testing';
import { AGENCY_CLIENTS_COLLECTION, AgencyClients, InvalidAgencyRegistrationError, UnknownAgencyClientError } from './agency-clients';
import { ClientCredentialsGrant, clientCredentialsFromBasic } from './client-credentials-grant';
import { authorize } from '../policy/authorize';
import { generateLocalIssuerKey, LocalIssuer } from '../identity/local-issuer';
import { TokenVerifier } from '../identity/token-verifier';

const mou = {
  agency: 'Khon Kaen University',
  areas: [{ level: 'district' as const, districtCode: '4001' }],
  operations: ['households.register' as const, 'visits.log' as const, 'households.search' as const],
};

describe('agency client credentials', () => {
  let context: TestContext;
  let clock: Date;
  let clients: AgencyClients;
  let issuer: LocalIssuer;
  let grant: ClientCredentialsGrant;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    context = await createTestContext('agency-clients');
    clock = new Date('2026-11-23T08:00:00Z');
    clients = new AgencyClients(context.db, { now: () => clock });
    issuer = await LocalIssuer.fromConfig({ issuer: 'http://127.0.0.1/local-issuer', audience: 'khu-siao', privateKey: generateLocalIssuerKey() });
    grant = new ClientCredentialsGrant(clients, issuer, { tokenTtlSeconds: 300 });
    verifier = new TokenVerifier({ issuers: [{ issuer: issuer.issuer, jwks: issuer.jwks() }], audience: issuer.audience });
  });
  afterAll(() => context.close());

  it('keeps only a hash of the secret', async () => {
    const { clientId, clientSecret } = await clients.register({ ...mou, clientId: 'agency-kku' });
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await context.db.collection(AGENCY_CLIENTS_COLLECTION).findOne({ _id: clientId as never });
    expect(JSON.stringify(stored)).not.toContain(clientSecret);
    expect(await clients.find(clientId)).toEqual({ clientId, agency: mou.agency, areas: mou.areas, operations: mou.operations, revoked: false });
  });

  it('exchanges the credentials for a token the verifier reads as the agency, scoped to its MOU', async () => {
    const { clientId, clientSecret } = await clients.register(mou);
    const response = await grant.exchange({ grantType: 'client_credentials', clientId, clientSecret });
    expect(response).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 300, scope: 'households.register visits.log households.search' } });
    const principal = await verifier.verify((response.body as { access_token: string }).access_token);
    expect(principal).toEqual({ subject: clientId, kind: 'agency', roles: [], areas: mou.areas, clientId, operations: mou.operations });
    expect(authorize(principal, 'households.register', { districtCode: '4001', tambonCode: '400101' })).toEqual({ allowed: true });
    expect(authorize(principal, 'households.register', { districtCode: '4002', tambonCode: '400201' })).toMatchObject({ denied: 403 });
    expect(authorize(principal, 'reports.readRollups', { districtCode: '4001' })).toMatchObject({ denied: 403 });
  });

  it('narrows a token to the operations asked for, and refuses any outside the MOU', async () => {
    const { clientId, clientSecret } = await clients.register(mou);
    const narrowed = await grant.exchange({ grantType: 'client_credentials', clientId, clientSecret, scope: 'visits.log' });
    const principal = await verifier.verify((narrowed.body as { access_token: string }).access_token);
    expect(principal.operations).toEqual(['visits.log']);
    expect(authorize(principal, 'households.register', { districtCode: '4001' })).toMatchObject({ denied: 403 });
    expect(await grant.exchange({ grantType: 'client_credentials', clientId, clientSecret, scope: 'visits.log reports.readRollups' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope' },
    });
  });

  it('answers a wrong secret, an unknown client and a revoked client alike (401 invalid_client)', async () => {
    const { clientId, clientSecret } = await clients.register(mou);
    const invalid = { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    expect(await grant.exchange({ grantType: 'client_credentials', clientId, clientSecret: `${clientSecret}x` })).toEqual(invalid);
    expect(await grant.exchange({ grantType: 'client_credentials', clientId: 'agency-nobody', clientSecret })).toEqual(invalid);
    await clients.revoke(clientId);
    expect(await grant.exchange({ grantType: 'client_credentials', clientId, clientSecret })).toEqual(invalid);
    expect((await clients.find(clientId))?.revoked).toBe(true);
  });

  it('refuses other grants and incomplete requests (400)', async () => {
    expect(await grant.exchange({ grantType: 'password', clientId: 'a', clientSecret: 'b' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await grant.exchange({ grantType: 'client_credentials', clientId: 'a' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('rotates a secret with an overlap: both work until it ends, then only the new one', async () => {
    const first = await clients.register(mou);
    const second = await clients.rotateSecret(first.clientId, { overlapSeconds: 3600 });
    expect(second.secretId).not.toBe(first.secretId);
    expect(await clients.authenticate(first.clientId, first.clientSecret)).toBeDefined();
    expect(await clients.authenticate(first.clientId, second.clientSecret)).toBeDefined();
    clock = new Date(clock.getTime() + 3601_000);
    expect(await clients.authenticate(first.clientId, first.clientSecret)).toBeUndefined();
    expect(await clients.authenticate(first.clientId, second.clientSecret)).toBeDefined();
  });

  it('rotates without overlap, and revokes one leaked secret alone', async () => {
    const first = await clients.register(mou);
    const second = await clients.rotateSecret(first.clientId);
    expect(await clients.authenticate(first.clientId, first.clientSecret)).toBeUndefined();
    const third = await clients.rotateSecret(first.clientId, { overlapSeconds: 600 });
    await clients.revokeSecret(first.clientId, third.secretId);
    expect(await clients.authenticate(first.clientId, third.clientSecret)).toBeUndefined();
    expect(await clients.authenticate(first.clientId, second.clientSecret)).toBeDefined();
  });

  it('keeps every secret of concurrent rotations', async () => {
    const first = await clients.register(mou);
    const rotated = await Promise.all(Array.from({ length: 5 }, () => clients.rotateSecret(first.clientId, { overlapSeconds: 600 })));
    for (const { clientSecret } of rotated) expect(await clients.authenticate(first.clientId, clientSecret)).toBeDefined();
  });

  it('refuses an MOU the policy could never honour', async () => {
    await expect(clients.register({ ...mou, areas: [{ level: 'nation' }] })).rejects.toBeInstanceOf(InvalidAgencyRegistrationError);
    await expect(clients.register({ ...mou, areas: [] })).rejects.toBeInstanceOf(InvalidAgencyRegistrationError);
    await expect(clients.register({ ...mou, operations: ['households.readFullNationalId'] })).rejects.toThrow('not open to agencies: households.readFullNationalId');
  });

  it('refuses to rotate or revoke an unknown client', async () => {
    await expect(clients.rotateSecret('agency-nobody')).rejects.toBeInstanceOf(UnknownAgencyClientError);
    await expect(clients.revoke('agency-nobody')).rejects.toBeInstanceOf(UnknownAgencyClientError);
  });
});

describe('client credentials in a Basic authorization header', () => {
  it('are read with their URL encoding undone', () => {
    const header = `Basic ${Buffer.from('agency%3Akku:s%2Fecret').toString('base64')}`;
    expect(clientCredentialsFromBasic(header)).toEqual({ clientId: 'agency:kku', clientSecret: 's/ecret' });
  });

  it('are absent from anything else', () => {
    expect(clientCredentialsFromBasic(undefined)).toBeUndefined();
    expect(clientCredentialsFromBasic('Bearer abc')).toBeUndefined();
    expect(clientCredentialsFromBasic(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
  });
});
