import { storedCommits } from '@khu-siao/event-store/testing';
import { createSecurityServices, readSecurityConfig, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, jsonCall, official, topicValues, until, type TestContext } from '@khu-siao/testing';
import { PairingsUnderTest } from './testing-support/pairings-under-test';

/** What an official wrote of a home visit: the household's personal data, distinctive enough to be searched for. */
const clear = {
  needs: 'ผู้ป่วยติดเตียง เบาหวาน visit-pd-7731',
  help: 'insulin pen visit-pd-7732',
  referral: 'Ban Fang hospital diabetes clinic visit-pd-7733',
  corrected: 'dialysis twice a week visit-pd-7734',
  latitude: 16.4322917,
  longitude: 102.8236113,
};
const everyClearValue = [clear.needs, clear.help, clear.referral, clear.corrected, String(clear.latitude), String(clear.longitude)];

describe("a home visit's personal data (PDPA)", () => {
  let context: TestContext;
  let world: PairingsUnderTest;
  let officer: AuthHeaders;

  beforeAll(async () => {
    context = await createTestContext('pairings-visits-pd');
    world = await PairingsUnderTest.create(context, until);
    officer = await world.signIn.districtOfficer('4001');
  });
  afterAll(async () => {
    await world?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(world.service.baseUrl, method, path, body, { ...officer, ...headers });
  const details = (needsFound: string[]) => ({
    officialIds: ['official-pd'],
    visitedOn: '2025-03-01',
    processStep: 'care',
    dimensionsDiscussed: ['health'],
    needsFound,
    helpGiven: [
      { kind: 'inKind', description: clear.help, value: 50_000 },
      { kind: 'advice', description: clear.help },
    ],
    referrals: [clear.referral],
    location: { latitude: clear.latitude, longitude: clear.longitude },
  });

  it('is sealed in the event log, on Kafka and in the visits index, shown to readers, and erased with the household', async () => {
    expect((await call('POST', '/officials', official('official-pd', '4001'))).status).toBe(201);
    const householdId = await world.registerHousehold();
    const logged = await call('POST', '/visits', { householdId, ...details([clear.needs]) });
    expect(logged.status).toBe(201);
    const visitId = logged.body.visitId as string;
    const correction = { details: details([clear.needs, clear.corrected]), reason: 'second need found', correctedBy: 'official-pd' };
    expect((await call('POST', `/visits/${visitId}/corrections`, correction, { 'if-match': '"1"' })).status).toBe(200);

    // Stored and published sealed: nothing that reads the log, the index or the topic sees the clear values.
    const stored = await storedCommits(world.pairingsDb).find({}).toArray();
    expect(JSON.stringify(stored)).toContain(visitId);
    const index = await world.pairingsDb.collection('household_visits').find({ householdId }).toArray();
    expect(index).toHaveLength(1);
    const topic = context.topics.events('pairings');
    const published = await until(async () => {
      const values = (await topicValues(context, topic)).filter((value) => value.includes(visitId));
      return values.length === 2 && values;
    }, 'the visit events on the pairings topic');
    for (const raw of [JSON.stringify(stored), JSON.stringify(index), ...published]) {
      for (const value of everyClearValue) expect(raw).not.toContain(value);
      expect(raw).toContain('pd1.');
    }

    // Opened for whoever may read visits.
    const read = await call('GET', `/visits/${visitId}`);
    expect(read.status).toBe(200);
    expect(read.body.loggedDetails).toMatchObject({
      needsFound: [clear.needs],
      helpGiven: [{ kind: 'inKind', description: clear.help, value: 50_000 }, { kind: 'advice', description: clear.help }],
      referrals: [clear.referral],
      location: { latitude: clear.latitude, longitude: clear.longitude },
    });
    expect(read.body.details.needsFound).toEqual([clear.needs, clear.corrected]);
    const listed = await call('GET', `/households/${householdId}/visits`);
    expect(listed.body.visits).toEqual([
      expect.objectContaining({ visitId, needsFound: [clear.needs, clear.corrected], location: { latitude: clear.latitude, longitude: clear.longitude } }),
    ]);

    // Erasure as the households service does it: HouseholdErased recorded, then the household's data key destroyed.
    // The fields read as erased, the counts and values stay.
    await world.erase(householdId);
    const security = await createSecurityServices(readSecurityConfig(context.securityEnv), context.database('security'));
    await security.dataKeys.erase(householdId);
    const erased = { erased: true };
    const erasedDetails = {
      needsFound: [erased, erased],
      helpGiven: [{ kind: 'inKind', description: erased, value: 50_000 }, { kind: 'advice', description: erased }],
      referrals: [erased],
      location: erased,
    };
    const afterErasure = await call('GET', `/visits/${visitId}`);
    expect(afterErasure.status).toBe(200);
    expect(afterErasure.body.details).toMatchObject({ ...erasedDetails, visitedOn: '2025-03-01', processStep: 'care', dimensionsDiscussed: ['health'] });
    expect(afterErasure.body.loggedDetails).toMatchObject({ ...erasedDetails, needsFound: [erased] });
    expect((await call('GET', `/households/${householdId}/visits`)).body.visits).toEqual([expect.objectContaining({ visitId, ...erasedDetails })]);
    const activity = await call('GET', '/officials/official-pd/activity');
    expect(activity.body).toMatchObject({ visits: { count: 1 }, inKindHelpValue: 50_000 });

    // Nothing new is recorded of an erased household.
    const refused = await call('POST', `/visits/${visitId}/corrections`, { ...correction, reason: 'after erasure' }, { 'if-match': '"2"' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('erased');
    expect(JSON.stringify(refused.body)).not.toContain(clear.needs);
  });
});
