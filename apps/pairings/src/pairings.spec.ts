import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, type StreamRef } from '@khu-siao/event-store';
import { EventRelay } from '@khu-siao/messaging';
import { startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, type TestContext, jsonCall } from '@khu-siao/testing';
import { PairingsModule, householdsConsumption } from './pairings.module';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const area = { provinceCode: '40', districtCode: '4001', tambonCode: '400101', villageCode: '40010103' };
const householdStream = (householdId: string): StreamRef => ({ aggregateType: 'household', aggregateId: householdId });

describe('the pairings service', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let pairingsDb: Db;
  // The households context's side, as its service would write it: its event store and its relay to Kafka.
  let householdsStore: EventStore;
  let householdsRelay: EventRelay;
  let serial = 0;

  const start = () =>
    startServiceInProcess(PairingsModule, context, {
      service: 'pairings',
      openApi: { title: 'pairings', description: 'spec' },
      consumes: { group: householdsConsumption.group, from: [...householdsConsumption.from] },
    });

  beforeAll(async () => {
    context = await createTestContext('pairings');
    service = await start();
    pairingsDb = context.database('pairings');
    const householdsDb = context.database('households');
    householdsStore = new EventStore(householdsDb, { catalogue: platformCatalogue });
    await householdsStore.ensureIndexes();
    householdsRelay = new EventRelay({
      name: 'households',
      db: householdsDb,
      store: householdsStore,
      kafka: context.kafka,
      topics: context.topics,
      catalogue: platformCatalogue,
      logger: context.logger,
      idleMs: 20,
    });
    await householdsRelay.start();
  });
  afterAll(async () => {
    await householdsRelay?.stop();
    await service?.close();
    await context?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    jsonCall(service.baseUrl, method, path, body, headers);

  const knownHousehold = (householdId: string) => pairingsDb.collection('known_households').findOne({ _id: householdId as never });

  function householdEvent(type: string, data: unknown) {
    return { eventId: randomUUID(), type, data, metadata: { correlationId: randomUUID(), causationId: null, actor: { kind: 'client' as const, id: 'spec' } } };
  }

  /** Registers a household on the households side and waits until pairings has learnt of it. */
  async function registerHousehold(): Promise<string> {
    const householdId = randomUUID();
    serial += 1;
    const member = {
      memberId: `m-${serial}`,
      nationalId: `1${String(serial).padStart(12, '0')}`,
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      birthDate: '1980-05-01',
      sex: 'male',
      relation: 'head',
      disability: false,
      chronicIllness: false,
    };
    await householdsStore.append(householdStream(householdId), 0, [
      householdEvent('HouseholdRegistered', { householdId, source: 'tpmap', address: { area }, members: [member] }),
    ]);
    await eventually(async () => (await knownHousehold(householdId))?.['version'] === 1, `household ${householdId} to be known`);
    return householdId;
  }

  async function closeCase(householdId: string): Promise<void> {
    await householdsStore.append(householdStream(householdId), 1, [householdEvent('HouseholdCaseClosed', { closedOn: '2025-01-10', reason: 'movedAway' })]);
    await eventually(async () => (await knownHousehold(householdId))?.['status'] === 'closed', `household ${householdId} to be closed`);
  }

  async function enrol(officialId: string) {
    const enrolled = await call('POST', '/officials', {
      officialId,
      title: 'Mrs',
      firstName: 'Wanida',
      lastName: 'Phromma',
      position: 'Community Development Officer',
      agency: { kind: 'communityDevelopment', name: 'Ban Fang District Community Development Office' },
      homeDistrictCode: '4002',
      contact: { phone: '0812345678' },
    });
    expect(enrolled.status).toBe(201);
  }

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
    await closeCase(closed);
    const refused = await pair(closed, 'official-404');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('closed');
    expect(await caseload('official-404')).toEqual([]);
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
      const overdue = await call('GET', '/overdue-visits?days=30');
      expect(overdue.status).toBe(200);
      const ids = overdue.body.households.map((household: { householdId: string }) => household.householdId);
      expect(ids).toContain(neglected);
      expect(ids).not.toContain(visited);
    });
  });

  it('registers a partner and records its pledge towards a goal of a household life plan', async () => {
    const householdId = await registerHousehold();
    await householdsStore.append(householdStream(householdId), 1, [
      householdEvent('LifePlanDrawnUp', {
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
      }),
    ]);
    await eventually(async () => (await knownHousehold(householdId))?.['lifePlan'], 'the life plan to be known');
    const partner = await call('POST', '/partners', { name: 'Khon Kaen University', sector: 'academic', mouSignedOn: '2025-01-15' });
    expect(partner.status).toBe(201);
    const pledge = (goalId: string) =>
      call('POST', `/partners/${partner.body.partnerId}/pledges`, {
        householdId,
        planId: 'plan-1',
        goalId,
        support: { kind: 'knowHow', description: 'mushroom farming course', value: 150_000 },
      });
    expect((await pledge('g-1')).status).toBe(201);
    expect((await pledge('g-9')).status).toBe(404);
    const read = await call('GET', `/partners/${partner.body.partnerId}`);
    expect(read.body.pledges).toHaveLength(1);
  });

  it('accepts a third household and refuses a fourth when the province sets the limit to 3', async () => {
    // A second instance on the same database, started with the province's limit; the first keeps known_households fed.
    const limited = await startServiceInProcess(PairingsModule.forRoot({ caseloadLimit: 3 }), context, {
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
            headers: { 'content-type': 'application/json' },
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
      const refused = await form({ districtCode: '40x1' });
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
    await registerHousehold();
    const snapshot = async () => pairingsDb.collection('known_households').find({}).sort({ _id: 1 }).toArray();
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(5);
    expect(before.some((household) => household['status'] === 'closed')).toBe(true);
    const inbox = pairingsDb.collection('consumer_inbox');
    const handled = await inbox.countDocuments({});

    await service.close();
    const admin = context.kafka.admin();
    await admin.connect();
    const groupId = context.topics.consumerGroup(householdsConsumption.group);
    const topic = context.topics.events('households');
    await eventually(
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
    await inbox.deleteMany({});

    service = await start();
    await eventually(async () => (await inbox.countDocuments({})) >= handled, 'the replay to be handled');
    expect(await snapshot()).toEqual(before);
  });
});
