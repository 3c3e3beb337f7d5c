import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, type TestContext, jsonCall, until } from '@khu-siao/testing';
import { EventSourcedHandler, LogProjections, startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import { HouseholdsModule } from './households.module';
import { assessment, member, nationalId, registration } from './testing-support/household-requests';

describe('the households service', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  /** A district officer of Mueang Khon Kaen (4001), where every household here lies unless said otherwise. */
  let officer: AuthHeaders;
  let administrator: AuthHeaders;

  beforeAll(async () => {
    context = await createTestContext('households');
    service = await startServiceInProcess(HouseholdsModule, context, {
      service: 'households',
      bodyLimit: '20mb',
      openApi: { title: 'households', description: 'spec' },
      consumes: { group: 'households-listing', from: ['pairings'] },
      identityProvider: true,
    });
    const signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.districtOfficer('4001');
    administrator = await signIn.provincialAdministrator('40');
  });
  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(service.baseUrl, method, path, body, { ...officer, ...headers });

  async function register(serial: number, overrides: Record<string, unknown> = {}, as: AuthHeaders = officer) {
    const created = await call('POST', '/households', registration(serial, overrides), as);
    expect(created.status).toBe(201);
    return created.body as { householdId: string; version: number };
  }

  it('follows a household from pinpoint to graduation, step by step in its timeline', async () => {
    const { householdId } = await register(1000);
    const path = `/households/${householdId}`;
    let version = 1;
    const step = async (method: string, sub: string, body: unknown) => {
      const result = await call(method, `${path}${sub}`, body, { 'if-match': `"${version}"` });
      expect(result.status).toBe(200);
      version = result.body.version;
      expect(result.etag).toBe(`"${version}"`);
    };
    await step('POST', '/assessments', assessment('a-1', '2022-01-27', { income: ['income below 38,000 baht a year'] }));
    await step('PUT', '/life-plan', {
      planId: 'plan-1',
      drawnUpOn: '2022-02-01',
      officialId: 'official-17',
      goals: [
        {
          goalId: 'g-1',
          dimension: 'income',
          description: 'income above the line',
          actions: [{ actionId: 'act-1', description: 'vegetable garden', responsible: { kind: 'agency', name: 'เกษตรอำเภอ' }, dueOn: '2022-06-30' }],
        },
      ],
    });
    await step('POST', '/life-plan/actions/act-1/progress', { percentDone: 100, completed: true, recordedOn: '2022-06-01' });
    await step('POST', '/assessments', assessment('a-2', '2022-11-01'));
    await step('POST', '/graduation', { graduatedOn: '2022-12-01' });

    const current = await call('GET', path);
    expect(current.body).toMatchObject({ status: 'graduated', processStep: 'care', version: 6 });
    expect(current.body.members[0].nationalId).toBe(`xxxxxxxxx${nationalId(1000).slice(-4)}`);
    const timeline = await call('GET', `${path}/timeline`);
    expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toEqual([
      'HouseholdRegistered',
      'HouseholdAssessed',
      'LifePlanDrawnUp',
      'LifePlanActionProgressed',
      'HouseholdAssessed',
      'HouseholdGraduated',
    ]);
    expect(timeline.body.entries[1]).toMatchObject({ occurredAt: '2022-01-27T00:00:00+07:00', actor: { kind: 'person' } });
    expect(JSON.stringify(timeline.body)).not.toContain(nationalId(1000));
  });

  it('refuses a national ID registered in another household with 409 naming that household', async () => {
    const { householdId } = await register(2000);
    const duplicate = await call('POST', '/households', registration(2100, { members: [member(2000)] }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain(householdId);
    expect(JSON.stringify(duplicate.body)).not.toContain(nationalId(2000));
  });

  it('keeps member history and frees the national ID of a member who left for another household', async () => {
    const { householdId } = await register(6000);
    const updated = await call(
      'PUT',
      `/households/${householdId}/members`,
      { members: [member(6000), member(6002, { relation: 'child', birthDate: '2010-01-01' })], reason: 'spouse moved out' },
      { 'if-match': '"1"' },
    );
    expect(updated.status).toBe(200);
    const elsewhere = await call('POST', '/households', registration(6100, { members: [member(6001)] }));
    expect(elsewhere.status).toBe(201);
    const taken = await call('POST', '/households', registration(6200, { members: [member(6002)] }));
    expect(taken.status).toBe(409);
    const timeline = await call('GET', `/households/${householdId}/timeline`);
    expect(timeline.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['HouseholdRegistered', 'HouseholdMembersUpdated']);
    expect(timeline.body.entries[0].data.members).toHaveLength(2);
  });

  it('answers bad input with 400 naming each field: check digit, unknown area, missing fields', async () => {
    const badId = `${nationalId(3000).slice(0, 12)}${(Number(nationalId(3000).slice(12)) + 1) % 10}`;
    const response = await call(
      'POST',
      '/households',
      {
        source: 'tpmap',
        address: { area: { provinceCode: '40', districtCode: '4027', tambonCode: '402701', villageCode: '40270101' } },
        members: [{ ...member(3000, { nationalId: badId }), firstName: undefined }],
      },
      administrator,
    );
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toContain('members.0.firstName');
    const domain = await call(
      'POST',
      '/households',
      {
        ...registration(3000),
        address: { area: { provinceCode: '40', districtCode: '4027', tambonCode: '402701', villageCode: '40270101' } },
        members: [member(3000, { nationalId: badId })],
      },
      administrator,
    );
    expect(domain.status).toBe(400);
    expect(domain.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['address.area.districtCode', 'members.0.nationalId']),
    );
    expect(JSON.stringify(domain.body)).not.toContain(badId);
  });

  it('lets one of two concurrent updates at the same version win and answers the other 409', async () => {
    const { householdId } = await register(4000);
    const moves = ['40010104', '40010105'].map((villageCode) =>
      call(
        'POST',
        `/households/${householdId}/moves`,
        { to: { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode } }, movedOn: '2022-03-01' },
        { 'if-match': '"1"' },
      ),
    );
    const statuses = (await Promise.all(moves)).map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409]);
    const withoutVersion = await call('POST', `/households/${householdId}/closure`, { closedOn: '2022-04-01', reason: 'movedAway' });
    expect(withoutVersion.status).toBe(428);
  });

  it('reads the household once for a change or a read: the route uses the load its access was checked on', async () => {
    const { householdId } = await register(7000);
    const loads = jest.spyOn(EventSourcedHandler.prototype, 'load');
    try {
      const assessed = await call('POST', `/households/${householdId}/assessments`, assessment('a-1', '2022-01-27'), { 'if-match': '"1"' });
      expect(assessed.status).toBe(200);
      expect(loads).toHaveBeenCalledTimes(1);
      expect((await call('GET', `/households/${householdId}`)).status).toBe(200);
      expect(loads).toHaveBeenCalledTimes(2);
    } finally {
      loads.mockRestore();
    }
  });

  it('finds households by area, classification and failed dimension once the listing has caught up', async () => {
    const { householdId } = await register(
      5000,
      { address: { area: { provinceCode: '40', districtCode: '4029', tambonCode: '402901', villageCode: '40290102' } } },
      administrator,
    );
    const assessed = await call(
      'POST',
      `/households/${householdId}/assessments`,
      assessment('a-1', '2022-01-27', { livingConditions: ['leaking roof'], income: ['below the line'] }),
      { ...(await new LocalSignIn(context.securityEnv).districtOfficer('4029')), 'if-match': '"1"' },
    );
    expect(assessed.status).toBe(200);
    const query = '/households?districtCode=4029&failedDimension=income&classification=vulnerable';
    const found = await until(async () => {
      const answer = await call('GET', query, undefined, administrator);
      return answer.body.total !== 0 && answer;
    }, 'the listing to find the assessed household');
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ householdId, version: 2, classification: 'vulnerable', processStep: 'lifeCompass' });
    expect(found.body.items[0]).not.toHaveProperty('state');
    expect(JSON.stringify(found.body)).not.toContain(nationalId(5000).slice(-4));
    expect((await call('GET', '/households?districtCode=4029&$where=1', undefined, administrator)).status).toBe(400);
  });

  it('rebuilds the listing from the log equal to the live one', async () => {
    const listing = () =>
      context.client
        .db(service.config.databaseName)
        .collection('household_listing')
        .find({}, { projection: { updatedAt: 0 } })
        .sort({ _id: 1 })
        .toArray();
    const live = await listing();
    expect(live.length).toBeGreaterThan(5);
    await service.app.get(LogProjections).rebuild('household-listing');
    expect(await listing()).toEqual(live);
  });
});
