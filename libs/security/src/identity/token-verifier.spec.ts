import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnsecuredJWT } from 'jose';
import { AuthenticationError } from './authentication-error';
import { generateLocalIssuerKey, LocalIssuer } from './local-issuer';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const officer: Principal = {
  subject: 'officer-4001',
  kind: 'person',
  roles: ['districtOfficer'],
  areas: [{ level: 'district', districtCode: '4001' }],
  clientId: 'khu-siao-web',
};
const ISSUER = 'http://127.0.0.1/local-issuer';
const AUDIENCE = 'khu-siao';

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as AuthenticationError).failure;
}

describe('bearer tokens of the local issuer', () => {
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await LocalIssuer.fromConfig({ issuer: ISSUER, audience: AUDIENCE, privateKey: generateLocalIssuerKey() });
    verifier = new TokenVerifier({ issuers: [{ issuer: ISSUER, jwks: issuer.jwks() }], audience: AUDIENCE });
  });

  it('carry the principal through signing and verification', async () => {
    const token = await issuer.issue(officer);
    expect(await verifier.verifyAuthorization(`Bearer ${token}`)).toEqual(officer);
  });

  it('publish only the public key', () => {
    const [key] = issuer.jwks().keys;
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(key).not.toHaveProperty('d');
  });

  it('are refused when missing or not bearer tokens', async () => {
    expect(await refusal(verifier.verifyAuthorization(undefined))).toBe('missing');
    expect(await refusal(verifier.verifyAuthorization('Basic YTpi'))).toBe('malformed');
    expect(await refusal(verifier.verify('not.a.jwt'))).toBe('malformed');
  });

  it('are refused once expired, and before they are valid', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    expect(await refusal(verifier.verify(await issuer.issue(officer, { now: hourAgo, ttlSeconds: 60 })))).toBe('expired');
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await refusal(verifier.verify(await issuer.issue(officer, { now: tomorrow })))).toBe('not-yet-valid');
  });

  it('are refused for another audience', async () => {
    expect(await refusal(verifier.verify(await issuer.issue(officer, { audience: 'another-api' })))).toBe('wrong-audience');
  });

  it('are refused from an issuer not trusted, even one signing with a trusted key', async () => {
    const impostor = await LocalIssuer.fromConfig({ issuer: 'http://evil.example', audience: AUDIENCE, privateKey: generateLocalIssuerKey() });
    expect(await refusal(verifier.verify(await impostor.issue(officer)))).toBe('untrusted-issuer');
  });

  it('are refused when signed by a key the issuer does not publish', async () => {
    const sameName = await LocalIssuer.fromConfig({ issuer: ISSUER, audience: AUDIENCE, privateKey: generateLocalIssuerKey() });
    expect(await refusal(verifier.verify(await sameName.issue(officer)))).toBe('unknown-key');
  });

  it('are refused when a claim was changed after signing', async () => {
    const [header, payload, signature] = (await issuer.issue(officer)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...claims, areas: [{ level: 'province', provinceCode: '40' }] })).toString('base64url');
    expect(await refusal(verifier.verify(`${header}.${widened}.${signature}`))).toBe('bad-signature');
  });

  it('are refused unsigned (alg none)', async () => {
    const unsigned = new UnsecuredJWT({ kind: 'person', roles: ['auditor'], areas: [{ level: 'nation' }], client_id: 'x' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('someone')
      .setExpirationTime('5m')
      .encode();
    expect(await refusal(verifier.verify(unsigned))).toBe('algorithm-not-allowed');
  });

  it('are refused when the claims describe no principal', async () => {
    const { keys } = issuer.jwks();
    expect(keys).toHaveLength(1);
    const badRole = await issuer.issue({ ...officer, roles: ['superUser' as never] });
    expect(await refusal(verifier.verify(badRole))).toBe('invalid-claims');
    const noArea = await issuer.issue({ ...officer, areas: [] });
    expect(await refusal(verifier.verify(noArea))).toBe('invalid-claims');
  });

  it('never put the token in the refusal', async () => {
    const token = await issuer.issue(officer, { audience: 'another-api' });
    const error = await verifier.verify(token).catch((reason: unknown) => reason as Error);
    expect(String(error)).not.toContain(token.split('.')[1]);
    expect(JSON.stringify(error)).not.toContain('officer-4001');
  });
});

describe('bearer tokens verified through a published JWKS address, as from a real identity provider', () => {
  let server: Server;
  let issuer: LocalIssuer;
  let fetches = 0;

  beforeAll(async () => {
    issuer = await LocalIssuer.fromConfig({ issuer: ISSUER, audience: AUDIENCE, privateKey: generateLocalIssuerKey() });
    server = createServer((request, response) => {
      fetches += 1;
      if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the key set once and verifies with it', async () => {
    const { port } = server.address() as AddressInfo;
    const verifier = new TokenVerifier({ issuers: [{ issuer: ISSUER, jwks: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`) }], audience: AUDIENCE });
    expect(await verifier.verify(await issuer.issue(officer))).toEqual(officer);
    expect(await verifier.verify(await issuer.issue(officer))).toEqual(officer);
    expect(fetches).toBe(1);
  });

  it('reports an unreachable identity provider as its fault (503), not the caller\'s', async () => {
    const verifier = new TokenVerifier({ issuers: [{ issuer: ISSUER, jwks: new URL('http://127.0.0.1:9/jwks.json') }], audience: AUDIENCE });
    await expect(verifier.verify(await issuer.issue(officer))).rejects.toMatchObject({ name: 'IdentityProviderUnavailableError', status: 503 });
  });

  it('accepts tokens of another algorithm only when allowed', async () => {
    const { port } = server.address() as AddressInfo;
    const verifier = new TokenVerifier({
      issuers: [{ issuer: ISSUER, jwks: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`) }],
      audience: AUDIENCE,
      algorithms: ['RS256'],
    });
    expect(await refusal(verifier.verify(await issuer.issue(officer)))).toBe('algorithm-not-allowed');
  });
});
