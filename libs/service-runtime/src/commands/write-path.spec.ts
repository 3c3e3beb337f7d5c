import { CommandBus } from '@nestjs/cqrs';
import { IllegalStateError } from '@khu-siao/decider';
import { EventStore, IdempotencyKeyReusedError, streamOf } from '@khu-siao/event-store';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import { startServiceInProcess, type ServiceInProcess } from '../in-process/start-service-in-process';
import { ProcessRunner } from '../processes/process-runner';
import { LogProjections } from '../read-models/log-projections';
import { HandleRoster, RosterFixtureModule, twinTeams } from '../testing-fixture/roster-fixture.module';

describe('the write path every command takes', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let officer: AuthHeaders;
  let otherOfficer: AuthHeaders;
  let store: EventStore;

  beforeAll(async () => {
    context = await createTestContext('write-path');
    service = await startServiceInProcess(RosterFixtureModule, context, { service: 'roster', openApi: { title: 'Roster', description: 'write path spec' } });
    const signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.districtOfficer('4001');
    otherOfficer = await signIn.provincialAdministrator('40');
    store = service.app.get(EventStore);
  });

  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}, caller = officer) => {
    const response = await fetch(`${service.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...caller, ...headers }, body: JSON.stringify(body) });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Record<string, unknown> };
  };
  const events = async (teamId: string) => (await store.readStream(streamOf('team', teamId))).events;

  it('appends at the version decided on and answers it as the ETag', async () => {
    const formed = await call('POST', '/rosters/t-1', { name: 'Ban Fang team' });
    expect(formed).toMatchObject({ status: 201, etag: '"1"', body: { version: 1, changed: true } });
    const added = await call('PUT', '/rosters/t-1/members', { officialId: 'o-1' }, { 'if-match': '"1"' });
    expect(added).toMatchObject({ status: 200, etag: '"2"', body: { version: 2, changed: true } });
  });

  it('refuses a stale If-Match with 409 and the current version, deciding nothing', async () => {
    await call('POST', '/rosters/t-2', { name: 'team' });
    await call('PUT', '/rosters/t-2/members', { officialId: 'o-1' });
    const stale = await call('PUT', '/rosters/t-2/members', { officialId: 'o-2' }, { 'if-match': '1' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'https://khu-siao.go.th/problems/version-conflict', currentVersion: 2 });
    expect(await events('t-2')).toHaveLength(2);
  });

  it('asks for If-Match where a change requires it (428) and refuses a malformed one (400)', async () => {
    await call('POST', '/rosters/t-3', { name: 'team' });
    expect((await call('PUT', '/rosters/t-3/strict-members', { officialId: 'o-1' })).status).toBe(428);
    expect((await call('PUT', '/rosters/t-3/strict-members', { officialId: 'o-1' }, { 'if-match': 'latest' })).status).toBe(400);
    expect((await call('PUT', '/rosters/t-3/strict-members', { officialId: 'o-1' }, { 'if-match': 'W/"1"' })).status).toBe(200);
  });

  it('answers 404 for a command on an aggregate that does not exist, and appends nothing', async () => {
    expect((await call('PUT', '/rosters/t-none/members', { officialId: 'o-1' })).status).toBe(404);
    expect(await events('t-none')).toHaveLength(0);
  });

  it('re-decides a command without If-Match when another writer appended first: ten at once all land', async () => {
    await call('POST', '/rosters/t-4', { name: 'team' });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => call('PUT', '/rosters/t-4/members', { officialId: `o-${index}` })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(await events('t-4')).toHaveLength(11);
  });

  it('answers a retry with the same Idempotency-Key and request from the first time, appending once', async () => {
    await call('POST', '/rosters/t-5', { name: 'team' });
    const first = await call('PUT', '/rosters/t-5/members', { officialId: 'o-1' }, { 'idempotency-key': 'add-o-1' });
    await call('PUT', '/rosters/t-5/members', { officialId: 'o-2' });
    const retry = await call('PUT', '/rosters/t-5/members', { officialId: 'o-1' }, { 'idempotency-key': 'add-o-1' });
    expect(first.body).toEqual({ version: 2, changed: true });
    expect(retry).toMatchObject({ status: 200, body: { version: 3, changed: false } });
    expect(await events('t-5')).toHaveLength(3);
  });

  it('answers concurrent copies of one keyed request once', async () => {
    await call('POST', '/rosters/t-6', { name: 'team' });
    const copies = await Promise.all(Array.from({ length: 8 }, () => call('PUT', '/rosters/t-6/members', { officialId: 'o-9' }, { 'idempotency-key': 'copies' })));
    expect(copies.map((copy) => copy.status)).toEqual(Array(8).fill(200));
    expect(copies.filter((copy) => copy.body['changed'] === true)).toHaveLength(1);
    expect(await events('t-6')).toHaveLength(2);
  });

  it('refuses the same Idempotency-Key with another request (422), and keeps the first', async () => {
    await call('POST', '/rosters/t-7', { name: 'team' });
    await call('PUT', '/rosters/t-7/members', { officialId: 'o-1' }, { 'idempotency-key': 'reused' });
    const reused = await call('PUT', '/rosters/t-7/members', { officialId: 'o-2' }, { 'idempotency-key': 'reused' });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ type: 'https://khu-siao.go.th/problems/idempotency-key-reused', status: 422 });
    const elsewhere = await call('PUT', '/rosters/t-1/members', { officialId: 'o-1' }, { 'idempotency-key': 'reused' });
    expect(elsewhere.status).toBe(422);
    expect((await events('t-7')).map((event) => event.type)).toEqual(['TeamFormed', 'TeamMemberAdded']);
  });

  it("keeps one caller's Idempotency-Key apart from another's", async () => {
    await call('POST', '/rosters/t-8', { name: 'team' });
    const mine = await call('PUT', '/rosters/t-8/members', { officialId: 'o-1' }, { 'idempotency-key': 'shared-key' });
    const theirs = await call('PUT', '/rosters/t-8/members', { officialId: 'o-2' }, { 'idempotency-key': 'shared-key' }, otherOfficer);
    expect([mine.body['changed'], theirs.body['changed']]).toEqual([true, true]);
    expect(await events('t-8')).toHaveLength(3);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header', async () => {
    const refused = await call('POST', '/rosters/t-9', { name: 'team' }, { 'idempotency-key': 'x'.repeat(201) });
    expect(refused.status).toBe(400);
    expect(refused.body['errors']).toEqual([{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable characters' }]);
  });

  it('records the caller as actor and the request correlation id on every event', async () => {
    await call('POST', '/rosters/t-10', { name: 'team' }, { 'x-correlation-id': 'corr-write-path' });
    const [formed] = await events('t-10');
    expect(formed).toMatchObject({ correlationId: 'corr-write-path', causationId: null, actor: { kind: 'person' } });
  });

  it('lets a client read its write at once from a log projection', async () => {
    await call('POST', '/rosters/t-11', { name: 'team' });
    for (let index = 0; index < 5; index += 1) {
      await call('PUT', '/rosters/t-11/members', { officialId: `o-${index}` });
      expect((await call('GET', '/rosters/t-11/size', undefined)).body).toEqual({ members: index + 1, version: index + 2 });
    }
  });

  it('rebuilds a log projection from the log equal to the live one', async () => {
    const sizes = service.app.get(LogProjections);
    const snapshot = () => context.client.db(service.config.databaseName).collection('roster_sizes').find({}).sort({ _id: 1 }).toArray();
    const live = await snapshot();
    expect(live.length).toBeGreaterThan(5);
    await sizes.rebuild('roster-sizes');
    expect(await snapshot()).toEqual(live);
  });

  describe('a process over two streams', () => {
    const form = (runner: { bus: CommandBus }, teamId: string) =>
      runner.bus.execute(
        new HandleRoster(teamId, { type: 'Form', teamId, name: 'twin' }, { actor: { kind: 'system', id: 'spec' }, idempotency: { key: `twin:${teamId}`, fingerprint: teamId } }),
      );

    it('takes each step once, records each outcome, and ends', async () => {
      const runner = service.app.get(ProcessRunner);
      const bus = service.app.get(CommandBus);
      const taken: string[] = [];
      const state = await runner.run(twinTeams, 'pair-1', { first: 'twin-a', second: 'twin-b' }, async (step) => {
        taken.push(step.teamId);
        await form({ bus }, step.teamId);
        return { formed: step.teamId };
      });
      expect(state.formed).toEqual(['twin-a', 'twin-b']);
      expect(taken).toEqual(['twin-a', 'twin-b']);
      expect(await events('twin-b')).toHaveLength(1);
    });

    it('is taken up where it stood when its runner failed between the steps', async () => {
      const runner = service.app.get(ProcessRunner);
      const bus = service.app.get(CommandBus);
      const input = { first: 'twin-c', second: 'twin-d' };
      const failing = async (step: { teamId: string }) => {
        if (step.teamId === 'twin-d') throw new Error('the service died');
        await form({ bus }, step.teamId);
        return { formed: step.teamId };
      };
      await expect(runner.run(twinTeams, 'pair-2', input, failing)).rejects.toThrow('the service died');
      const taken: string[] = [];
      const resumed = await runner.resumeUnended(twinTeams, async (step) => {
        taken.push(step.teamId);
        await form({ bus }, step.teamId);
        return { formed: step.teamId };
      });
      expect(resumed).toBeGreaterThanOrEqual(1);
      expect(taken).toEqual(['twin-d']);
      expect((await events('twin-c')).length + (await events('twin-d')).length).toBe(2);
      expect(await runner.resumeUnended(twinTeams, failing)).toBe(0);
    });

    it('refuses to take up a process for another request under the same id', async () => {
      const runner = service.app.get(ProcessRunner);
      const noStep = async (): Promise<{ formed: string }> => {
        throw new IllegalStateError('not reached');
      };
      await runner.run(twinTeams, 'pair-3', { first: 'twin-e', second: 'twin-e' }, async (step) => ({ formed: step.teamId }), { request: 'first' });
      await expect(runner.run(twinTeams, 'pair-3', { first: 'twin-e', second: 'twin-e' }, noStep, { request: 'second' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    });
  });
});
