import type { Db } from 'mongodb';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, testSecurityEnv, until, type TestContext } from '@khu-siao/testing';
import { startServiceInProcess, type ServiceInProcess } from './in-process/start-service-in-process';
import { PairingFixtureModule } from './testing-fixture/pairing-fixture.module';

describe('a service started on the runtime', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let base: string;
  let db: Db;
  let lines: Record<string, unknown>[];
  let officer: AuthHeaders;
  let signIn: LocalSignIn;

  beforeAll(async () => {
    context = await createTestContext('runtime');
    service = await startServiceInProcess(PairingFixtureModule, context, {
      service: 'fixture',
      openApi: { title: 'Fixture', description: 'runtime spec' },
      consumes: { group: 'fixture', from: ['pairings'] },
      identityProvider: true,
    });
    signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.districtOfficer('4001');
    base = service.baseUrl;
    lines = service.logLines;
    db = context.client.db(service.config.databaseName);
  });

  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...officer, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('carries the caller correlation id from the request, into the event, through Kafka, into every log line', async () => {
    const response = await post(
      '/fixture/pairings/p-1',
      { householdId: 'hh-1', officialId: 'official-1', pairedOn: '2022-01-27' },
      { 'x-correlation-id': 'corr-runtime-1' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('corr-runtime-1');
    expect(await response.json()).toEqual({ version: 1 });

    const seen = db.collection('seen');
    await until(async () => (await seen.countDocuments()) > 0, 'the consumer to see the pairing');
    expect(await seen.findOne({}, { projection: { _id: 0, correlationId: 1 } })).toEqual({ correlationId: 'corr-runtime-1' });

    const pairing = lines.find((line) => line['msg'] === 'pairing household');
    const handled = lines.find((line) => line['msg'] === 'pairing seen');
    const completed = lines.find((line) => line['msg'] === 'request completed');
    expect(pairing).toMatchObject({ correlationId: 'corr-runtime-1', service: 'fixture' });
    expect(completed).toMatchObject({ correlationId: 'corr-runtime-1', res: { statusCode: 201 } });
    expect(handled).toMatchObject({ correlationId: 'corr-runtime-1', causationId: handled?.['eventId'] });
  });

  it('answers bad input with a problem naming each field, unknown fields and operators included', async () => {
    const response = await post('/fixture/pairings/p-2', { householdId: 'hh-2', pairedOn: 'soon', nickname: 'x' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem).toMatchObject({ status: 400, title: 'The request is invalid', instance: '/fixture/pairings/p-2' });
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['nickname', 'officialId', 'pairedOn']);
  });

  it('refuses MongoDB operators and dotted keys at any depth, in the body and the query, before anything is read', async () => {
    const body = { householdId: { $gt: '' }, officialId: 'o', pairedOn: '2022-01-27', nested: [{ 'a.b': 1 }], $where: 'sleep(1)' };
    const response = await post('/fixture/pairings/p-ops?officialId[$ne]=x', body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['$where', 'householdId.$gt', 'nested.0.a.b', 'query.officialId[$ne]']);
    expect(await db.collection('events').countDocuments({ 'streamId': /p-ops/ })).toBe(0);
  });

  it('answers a stale expected version with 409 and the current version', async () => {
    const body = { householdId: 'hh-3', officialId: 'official-3', pairedOn: '2022-01-27' };
    expect((await post('/fixture/pairings/p-3', body)).status).toBe(201);
    const stale = await post('/fixture/pairings/p-3', body, { 'if-match': '0' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ status: 409, currentVersion: 1 });
  });

  it('never echoes a body it cannot parse, nor the message or stack of an internal error', async () => {
    const broken = await post('/fixture/pairings/p-4', '{"householdId": "1234567890123",');
    expect(broken.status).toBe(400);
    expect(await broken.text()).not.toContain('1234567890123');
    const failed = await post('/fixture/pairings/p-5', { householdId: 'explode', officialId: 'o', pairedOn: '2022-01-27' });
    expect(failed.status).toBe(500);
    const text = await failed.text();
    expect(text).not.toContain('1234567890123');
    expect(text).not.toContain('at ');
  });

  describe('sign-in and access', () => {
    const pairing = { householdId: 'hh-access', officialId: 'official-9', pairedOn: '2022-01-27' };
    let serial = 0;
    const attempt = async (headers: Record<string, string>, body: unknown = pairing) => {
      serial += 1;
      return post(`/fixture/pairings/acc-${serial}`, body, headers);
    };

    it('answers 401 with a Bearer challenge without a token, with a malformed one, or one its issuer does not sign', async () => {
      const missing = await fetch(`${base}/fixture/pairings/acc-0`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pairing) });
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toContain('Bearer');
      expect(await missing.json()).toMatchObject({ status: 401, type: 'https://khu-siao.go.th/problems/unauthenticated' });
      expect((await attempt({ authorization: 'Bearer not-a-token' })).status).toBe(401);
      expect((await attempt({ authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
      const stranger = new LocalSignIn(testSecurityEnv('unused'));
      const forged = await attempt(await stranger.districtOfficer('4001'));
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    });

    it('opens the operation to the roles and areas the rules name, and answers 403 to every other', async () => {
      expect((await attempt(await signIn.districtOfficer('4001'))).status).toBe(201);
      expect((await attempt(await signIn.provincialAdministrator('40'))).status).toBe(201);
      const denied = await attempt(await signIn.districtOfficer('4002'));
      expect(denied.status).toBe(403);
      expect(await denied.json()).toMatchObject({ status: 403, type: 'https://khu-siao.go.th/problems/forbidden' });
      expect((await attempt(await signIn.provincialAdministrator('41'))).status).toBe(403);
      expect((await attempt(await signIn.fieldOfficial('official-9'))).status).toBe(403);
      expect((await attempt(await signIn.ministryAnalyst())).status).toBe(403);
      expect((await attempt(await signIn.auditor())).status).toBe(403);
      expect((await attempt(await signIn.tambonWelfareOfficer('centre-1'))).status).toBe(403);
      expect((await attempt(await signIn.agency('agency-1', ['pairings.pair'], [{ level: 'province', provinceCode: '40' }]))).status).toBe(403);
    });

    it('answers 404 for a resource that does not exist, before weighing any rule', async () => {
      expect((await attempt(await signIn.districtOfficer('4001'), { ...pairing, householdId: 'missing' })).status).toBe(404);
    });

    it('closes a route that declares no operation, whoever calls', async () => {
      const closed = await fetch(`${base}/fixture/undeclared`, { headers: await signIn.provincialAdministrator() });
      expect(closed.status).toBe(403);
    });

    it('sends security headers on every answer', async () => {
      const answer = await attempt(await signIn.districtOfficer('4001'));
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(answer.headers.get('strict-transport-security')).toContain('max-age');
      expect(answer.headers.get('x-powered-by')).toBeNull();
      expect(answer.headers.get('ratelimit-limit')).toBeTruthy();
    });

    it('lets an administrator register an agency in their province, whose credentials buy a token of its MOU only', async () => {
      const admin = await signIn.provincialAdministrator('40');
      const mou = { agency: 'Khon Kaen hospital', clientId: 'kk-hospital', areas: [{ level: 'district', districtCode: '4001' }], operations: ['visits.log'] };
      const elsewhere = await post('/agencies', mou, await signIn.provincialAdministrator('41'));
      expect(elsewhere.status).toBe(403);
      expect((await post('/agencies', { ...mou, operations: ['nonsense'] }, admin)).status).toBe(400);
      const registered = await post('/agencies', mou, admin);
      expect(registered.status).toBe(201);
      const { clientSecret } = (await registered.json()) as { clientSecret: string };
      const form = (secret: string) =>
        fetch(`${base}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'kk-hospital', client_secret: secret }).toString(),
        });
      expect((await form('wrong')).status).toBe(401);
      const granted = await form(clientSecret);
      expect(granted.status).toBe(200);
      const { access_token: token, scope } = (await granted.json()) as { access_token: string; scope: string };
      expect(scope).toBe('visits.log');
      // pairings.pair is not in its MOU, and agencies may not pair anyway.
      expect((await attempt({ authorization: `Bearer ${token}` })).status).toBe(403);
      const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
      expect(jwks.keys).toHaveLength(1);
      const revoked = await fetch(`${base}/agencies/kk-hospital`, { method: 'DELETE', headers: admin });
      expect(revoked.status).toBe(204);
      expect((await form(clientSecret)).status).toBe(401);
      expect((await fetch(`${base}/agencies/nobody`, { headers: admin })).status).toBe(404);
    });

    it('answers 429 with Retry-After once a client passes its rate', async () => {
      const limited = await startServiceInProcess(PairingFixtureModule, context, {
        service: 'fixture-limited',
        openApi: { title: 'Fixture', description: 'rate limit' },
        rateLimitPerMinute: 5,
      });
      try {
        const headers = { ...(await signIn.districtOfficer('4001')), 'content-type': 'application/json' };
        const statuses: number[] = [];
        for (let index = 0; index < 7; index += 1) {
          const answer = await fetch(`${limited.baseUrl}/fixture/pairings/limited-${index}`, { method: 'POST', headers, body: JSON.stringify(pairing) });
          statuses.push(answer.status);
          if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        }
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      } finally {
        await limited.close();
      }
    });
  });

  it('reports the database and Kafka in its health endpoint and describes its API in OpenAPI', async () => {
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
    const openApi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/fixture/pairings/{id}', '/health', '/oauth/token', '/agencies']));
  });
});
