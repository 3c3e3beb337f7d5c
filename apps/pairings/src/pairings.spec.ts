import { randomUUID } from 'node:crypto';
import type { AuthHeaders } from '@khu-siao/security';
import { forgetHandledEvents } from '@khu-siao/messaging';
import { startServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, official, until } from '@khu-siao/testing';
import { householdsConsumption, PairingsModule } from './pairings.module';
import { PairingsUnderTest } from './testing-support/pairings-under-test';

describe('the pairings service', () => {
  let world: PairingsUnderTest;
  // The district officer of the households' district (4001), and the provincial administrator of province 40.
  let officer: AuthHeaders;
  let administrator: AuthHeaders;

  beforeAll(async () => {
    world = await PairingsUnderTest.create(await createTestContext('pairings'), until);
    officer = await world.signIn.districtOfficer('4001');
    administrator = await world.signIn.provincialAdministrator('40');
  });
  afterAll(async () => {
    await world?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(world.service.baseUrl, method, path, body, { ...officer, ...headers });
  const registerHousehold = () => world.registerHousehold();
  const enrol = async (officialId: string) => expect((await call('POST', '/officials', official(officialId, '4001'))).status).toBe(201);

  const pair = (householdId: string, officialId: string) => call('POST', `/households/${householdId}/buddy`, { officialId });
  const caseload = async (officialId: string) =>
    (await call('GET', `/officials/${officialId}/caseload`)).body.households.map((place: { householdId: string }) => place.householdId);

  it('refuses a third household to an official whose limit is 2, with a 409 naming the limit', async () => {
    await enrol('official-limit');
    const [first, second, third] = [await registerHousehold(), await registerHousehold(), await registerHousehold()];
    expect((await pair(first, 'official-limit')).status).toBe(201);
    expect((await pair(second, 'official-limit')).status).toBe(201);
    const refused = await pair(third, 'official-limit');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('limit of 2');
    expect(await caseload('official-limit')).toEqual([first, second]);
    expect((await call('GET', `/households/${third}/buddy/history`)).body.pairings).toEqual([]);
  });

  it('answers 404 for an unknown household or official, and 409 for a household whose case is closed', async () => {
    await enrol('official-404');
    const unknown = await pair(randomUUID(), 'official-404');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain('household');
    const open = await registerHousehold();
    expect((await pair(open, 'official-nobody')).status).toBe(404);
    const closed = await registerHousehold();
    await world.closeCase(closed);
    const refused = await pair(closed, 'official-404');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('closed');
    expect(await caseload('official-404')).toEqual([]);
  });

  it('ends the case of a household whose data was erased: no buddy, no visit (409), and keeps only its area and status', async () => {
    await enrol('official-erased');
    const householdId = await registerHousehold();
    await world.erase(householdId);
    const known = await world.knownHousehold(householdId);
    expect(known).toEqual({ _id: householdId, version: 2, status: 'erased', area: expect.objectContaining({ districtCode: '4001' }), lifePlan: null });
    const refused = await pair(householdId, 'official-erased');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('erased');
    const visit = await call('POST', '/visits', {
      householdId,
      officialIds: ['official-erased'],
      visitedOn: '2025-01-05',
      processStep: 'care',
      dimensionsDiscussed: [],
      needsFound: [],
      helpGiven: [],
      referrals: [],
    });
    expect(visit.status).toBe(409);
    expect(await caseload('official-erased')).toEqual([]);
  });

  it('lets exactly one of two officials pairing the same household at the same time win, and the loser keeps no place', async () => {
    await enrol('official-race-a');
    await enrol('official-race-b');
    const householdId = await registerHousehold();
    const results = await Promise.all([pair(householdId, 'official-race-a'), pair(householdId, 'official-race-b')]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    const winner = results[0].status === 201 ? 'official-race-a' : 'official-race-b';
    const loser = winner === 'official-race-a' ? 'official-race-b' : 'official-race-a';
    expect(await caseload(winner)).toEqual([householdId]);
    expect(await caseload(loser)).toEqual([]);
    const history = await call('GET', `/households/${householdId}/buddy/history`);
    expect(history.body.pairings).toHaveLength(1);
    expect(history.body.current.officialId).toBe(winner);
  });

  it('keeps the full history through a reassignment and an unpairing, and moves the caseload place', async () => {
    await enrol('official-old');
    await enrol('official-new');
    const householdId = await registerHousehold();
    const paired = await pair(householdId, 'official-old');
    expect(paired.status).toBe(201);
    const reassigned = await call('POST', `/households/${householdId}/buddy/reassignments`, { officialId: 'official-new', reason: 'transferred' });
    expect(reassigned.status).toBe(200);
    expect(reassigned.etag).toBe('"3"');
    expect(await caseload('official-old')).toEqual([]);
    expect(await caseload('official-new')).toEqual([householdId]);
    const history = await call('GET', `/households/${householdId}/buddy/history`);
    expect(history.body.pairings).toEqual([
      expect.objectContaining({ pairingId: paired.body.pairingId, officialId: 'official-old', reason: 'transferred', unpairedOn: expect.any(String) }),
      expect.objectContaining({ pairingId: reassigned.body.pairingId, officialId: 'official-new', replacesPairingId: paired.body.pairingId }),
    ]);
    const ended = await call('POST', `/households/${householdId}/buddy/end`, { reason: 'family moved' });
    expect(ended.status).toBe(200);
    expect(await caseload('official-new')).toEqual([]);
    const after = await call('GET', `/households/${householdId}/buddy/history`);
    expect(after.body.current).toBeNull();
    expect(after.body.pairings).toHaveLength(2);
    expect(after.body.pairings[1]).toMatchObject({ officialId: 'official-new', reason: 'family moved' });
  });

  describe('home visits', () => {
    const visit = (householdId: string, overrides: Record<string, unknown> = {}) => ({
      householdId,
      officialIds: ['official-visitor'],
      visitedOn: '2025-03-01',
      processStep: 'manage',
      dimensionsDiscussed: ['income'],
      needsFound: ['a water jar'],
      helpGiven: [{ kind: 'inKind', description: 'survival bag', value: 50_000 }],
      referrals: [],
      location: { latitude: 16.43, longitude: 102.82 },
      ...overrides,
    });
    const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

    it('logs a visit, lists it under the household and keeps its correction beside the first version', async () => {
      const householdId = await registerHousehold();
      const logged = await call('POST', '/visits', visit(householdId));
      expect(logged.status).toBe(201);
      expect(logged.etag).toBe('"1"');
      const corrected = await call(
        'POST',
        `/visits/${logged.body.visitId}/corrections`,
        { details: { ...visit(householdId, { visitedOn: '2025-03-02' }), householdId: undefined }, reason: 'typo', correctedBy: 'official-visitor' },
        { 'if-match': '"1"' },
      );
      expect(corrected.status).toBe(200);
      const stale = await call(
        'POST',
        `/visits/${logged.body.visitId}/corrections`,
        { details: { ...visit(householdId, { visitedOn: '2025-03-03' }), householdId: undefined }, reason: 'typo', correctedBy: 'official-visitor' },
        { 'if-match': '"1"' },
      );
      expect(stale.status).toBe(409);
      const listed = await call('GET', `/households/${householdId}/visits`);
      expect(listed.body.visits).toEqual([
        expect.objectContaining({ visitId: logged.body.visitId, visitedOn: '2025-03-02', version: 2, corrections: [expect.objectContaining({ reason: 'typo' })] }),
      ]);
      const read = await call('GET', `/visits/${logged.body.visitId}`);
      expect(read.body.loggedDetails.visitedOn).toBe('2025-03-01');
    });

    it('refuses a visit dated in the future with 400 naming visitedOn', async () => {
      const householdId = await registerHousehold();
      const refused = await call('POST', '/visits', visit(householdId, { visitedOn: '2099-01-01' }));
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['visitedOn']);
    });

    it('refuses a visit to an unknown household with 404', async () => {
      const refused = await call('POST', '/visits', visit(randomUUID()));
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toContain('household');
    });

    it('refuses a malformed or foreign GPS point, and in-kind help without a value, naming the fields', async () => {
      const householdId = await registerHousehold();
      const malformed = await call('POST', '/visits', visit(householdId, { location: { latitude: 'north', longitude: 102.8 } }));
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed.body)).toEqual(['location.latitude']);
      const abroad = await call('POST', '/visits', visit(householdId, { location: { latitude: 48.85, longitude: 2.35 } }));
      expect(abroad.status).toBe(400);
      expect(fieldsOf(abroad.body)).toEqual(['location.latitude', 'location.longitude']);
      const unvalued = await call('POST', '/visits', visit(householdId, { helpGiven: [{ kind: 'inKind', description: 'rice' }] }));
      expect(unvalued.status).toBe(400);
      expect(fieldsOf(unvalued.body)).toEqual(['helpGiven.0.value']);
    });

    it('lists open households with no visit in the last N days', async () => {
      const visited = await registerHousehold();
      const neglected = await registerHousehold();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
      expect((await call('POST', '/visits', visit(visited, { visitedOn: today }))).status).toBe(201);
      const overdue = await call('GET', '/overdue-visits?days=30&districtCode=4001');
      expect(overdue.status).toBe(200);
      const ids = overdue.body.households.map((household: { householdId: string }) => household.householdId);
      expect(ids).toContain(neglected);
      expect(ids).not.toContain(visited);
    });
  });

  it('registers a partner and records its pledge towards a goal of a household life plan', async () => {
    const householdId = await registerHousehold();
    await world.householdEvent(householdId, 'LifePlanDrawnUp', {
        planId: 'plan-1',
        drawnUpOn: '2025-02-01',
        officialId: 'official-17',
        goals: [
          {
            goalId: 'g-1',
            dimension: 'income',
            description: 'income above the line',
            actions: [{ actionId: 'act-1', description: 'vegetable garden', responsible: { kind: 'agency', name: 'เกษตรอำเภอ' }, dueOn: '2025-06-30' }],
          },
        ],
    });
    const partner = await call('POST', '/partners', { name: 'Khon Kaen University', sector: 'academic', mouSignedOn: '2025-01-15' }, administrator);
    expect(partner.status).toBe(201);
    const pledge = (goalId: string) =>
      call('POST', `/partners/${partner.body.partnerId}/pledges`, {
        householdId,
        planId: 'plan-1',
        goalId,
        support: { kind: 'knowHow', description: 'mushroom farming course', value: 150_000 },
      }, administrator);
    expect((await pledge('g-1')).status).toBe(201);
    expect((await pledge('g-9')).status).toBe(404);
    const read = await call('GET', `/partners/${partner.body.partnerId}`, undefined, administrator);
    expect(read.body.pledges).toHaveLength(1);
  });

  it('accepts a third household and refuses a fourth when the province sets the limit to 3', async () => {
    // A second instance on the same database, started with the province's limit; the first keeps known_households fed.
    const limited = await startServiceInProcess(PairingsModule.forRoot({ caseloadLimit: 3 }), world.context, {
      service: 'pairings',
      openApi: { title: 'pairings', description: 'spec' },
    });
    try {
      await enrol('official-limit-3');
      const households = [await registerHousehold(), await registerHousehold(), await registerHousehold(), await registerHousehold()];
      const pairThere = async (householdId: string) =>
        (
          await fetch(`${limited.baseUrl}/households/${householdId}/buddy`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...officer },
            body: JSON.stringify({ officialId: 'official-limit-3' }),
          })
        ).json() as Promise<{ status?: number; detail?: string; pairingId?: string }>;
      for (const householdId of households.slice(0, 3)) expect((await pairThere(householdId)).pairingId).toEqual(expect.any(String));
      const refused = await pairThere(households[3]);
      expect(refused.status).toBe(409);
      expect(refused.detail).toContain('limit of 3');
      expect(await caseload('official-limit-3')).toEqual(households.slice(0, 3));
    } finally {
      await limited.close();
    }
  });

  describe('teams', () => {
    const form = (area: Record<string, unknown> = { districtCode: '4001', tambonCode: '400101' }) =>
      call('POST', '/teams', { kind: 'mentor', name: 'Ban Ped mentor team', area });

    it('forms a team, adds two officials, removes one and reads it back', async () => {
      await enrol('official-team-a');
      await enrol('official-team-b');
      const formed = await form();
      expect(formed.status).toBe(201);
      expect(formed.etag).toBe('"1"');
      const { teamId } = formed.body;
      expect((await call('POST', `/teams/${teamId}/members`, { officialId: 'official-team-a', role: 'leader' })).status).toBe(201);
      expect((await call('POST', `/teams/${teamId}/members`, { officialId: 'official-team-b', role: 'member' })).status).toBe(201);
      const removed = await call('DELETE', `/teams/${teamId}/members/official-team-a`);
      expect(removed.status).toBe(200);
      expect(removed.etag).toBe('"4"');
      const read = await call('GET', `/teams/${teamId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ teamId, kind: 'mentor', area: { districtCode: '4001', tambonCode: '400101' }, version: 4 });
      expect(read.body.members).toEqual([expect.objectContaining({ officialId: 'official-team-b', role: 'member' })]);
    });

    it('answers 404 for an official never enrolled and for an unknown team', async () => {
      const { teamId } = (await form()).body;
      const unknown = await call('POST', `/teams/${teamId}/members`, { officialId: 'official-never', role: 'member' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.detail).toContain('official');
      expect((await call('GET', `/teams/${randomUUID()}`)).status).toBe(404);
      expect((await call('GET', `/teams/${teamId}`)).body.members).toEqual([]);
    });

    it('refuses a bad district code with 400 naming area.districtCode', async () => {
      // The provincial administrator's province covers the code's first digits: the body is weighed, and refused.
      const refused = await call('POST', '/teams', { kind: 'mentor', name: 'Ban Ped mentor team', area: { districtCode: '40x1' } }, administrator);
      expect(refused.status).toBe(400);
      expect((refused.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['area.districtCode']);
    });
  });

  it("sums up an official's activity from the caseload and the visits logged", async () => {
    await enrol('official-active');
    const householdId = await registerHousehold();
    expect((await pair(householdId, 'official-active')).status).toBe(201);
    const logVisit = (visitedOn: string, processStep: string, value: number) =>
      call('POST', '/visits', {
        householdId,
        officialIds: ['official-active', 'official-other'],
        visitedOn,
        processStep,
        dimensionsDiscussed: ['income'],
        needsFound: [],
        helpGiven: [
          { kind: 'inKind', description: 'rice seed', value },
          { kind: 'advice', description: 'savings group' },
        ],
        referrals: [],
      });
    expect((await logVisit('2025-04-01', 'pinpoint', 30_000)).status).toBe(201);
    expect((await logVisit('2025-05-02', 'manage', 12_500)).status).toBe(201);
    const activity = await call('GET', '/officials/official-active/activity');
    expect(activity.status).toBe(200);
    expect(activity.body).toMatchObject({
      officialId: 'official-active',
      caseload: 1,
      households: [householdId],
      visits: { count: 2, lastVisitedOn: '2025-05-02' },
      inKindHelpValue: 42_500,
      byProcessStep: { pinpoint: 1, lifeCompass: 0, manage: 1, care: 0 },
    });
    expect((await call('GET', '/officials/official-nobody/activity')).status).toBe(404);
  });

  // Last: it restarts the service.
  it('changes nothing in known_households when its consumer group replays the households topic from the start', async () => {
    await world.erase(await registerHousehold());
    await world.moveHousehold(await registerHousehold(), '40010103', '40020201');
    const pairingsDb = world.pairingsDb;
    const snapshot = async () => pairingsDb.collection('known_households').find({}).sort({ _id: 1 }).toArray();
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(5);
    expect(before.map((household) => household['status'])).toEqual(expect.arrayContaining(['closed', 'erased']));
    expect(before.some((household) => household['area']?.['districtCode'] === '4002')).toBe(true);
    const groupId = world.context.topics.consumerGroup(householdsConsumption.group);
    // How far the group has processed the households log, summed over partitions (positions only grow).
    const processed = async () => {
      const checkpoints = await pairingsDb.collection('consumer_checkpoints').find({ group: groupId }).toArray();
      return checkpoints.reduce(
        (sum, checkpoint) => sum + Object.values((checkpoint['logs'] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0),
        0,
      );
    };
    const reached = await processed();
    expect(reached).toBeGreaterThan(0);

    await world.service.close();
    const admin = world.context.kafka.admin();
    await admin.connect();
    const topic = world.context.topics.events('households');
    await until(
      async () => {
        try {
          await admin.resetOffsets({ groupId, topic, earliest: true });
          return true;
        } catch {
          return false;
        }
      },
      'the consumer group to empty so its offsets can be reset',
    );
    await admin.disconnect();
    // Forget which events were handled too, so every event really reaches the projection again.
    await forgetHandledEvents(pairingsDb, groupId);
    expect(await processed()).toBe(0);

    world.service = await PairingsUnderTest.start(world.context);
    await until(async () => (await processed()) >= reached, 'the replay to be handled');
    expect(await snapshot()).toEqual(before);
  });
});
