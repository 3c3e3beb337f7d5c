import type { Db } from 'mongodb';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import { startServiceInProcess, type ServiceInProcess } from './in-process/start-service-in-process';
import { PairingFixtureModule } from './testing-fixture/pairing-fixture.module';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a service started on the runtime', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let base: string;
  let db: Db;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    context = await createTestContext('runtime');
    service = await startServiceInProcess(PairingFixtureModule, context, {
      service: 'fixture',
      openApi: { title: 'Fixture', description: 'runtime spec' },
      consumes: { group: 'fixture', from: ['pairings'] },
    });
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
      headers: { 'content-type': 'application/json', ...headers },
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
    const deadline = Date.now() + 20_000;
    while ((await seen.countDocuments()) === 0 && Date.now() < deadline) await sleep(50);
    expect(await seen.findOne({}, { projection: { _id: 0, correlationId: 1 } })).toEqual({ correlationId: 'corr-runtime-1' });

    const pairing = lines.find((line) => line['msg'] === 'pairing household');
    const handled = lines.find((line) => line['msg'] === 'pairing seen');
    const completed = lines.find((line) => line['msg'] === 'request completed');
    expect(pairing).toMatchObject({ correlationId: 'corr-runtime-1', service: 'fixture' });
    expect(completed).toMatchObject({ correlationId: 'corr-runtime-1', res: { statusCode: 201 } });
    expect(handled).toMatchObject({ correlationId: 'corr-runtime-1', causationId: handled?.['eventId'] });
  });

  it('answers bad input with a problem naming each field, unknown fields and operators included', async () => {
    const response = await post('/fixture/pairings/p-2', { householdId: 'hh-2', pairedOn: 'soon', $where: 'sleep(1)' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem).toMatchObject({ status: 400, title: 'The request is invalid', instance: '/fixture/pairings/p-2' });
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['$where', 'officialId', 'pairedOn']);
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

  it('reports the database and Kafka in its health endpoint and describes its API in OpenAPI', async () => {
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
    const openApi = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/fixture/pairings/{id}', '/health']));
  });
});
