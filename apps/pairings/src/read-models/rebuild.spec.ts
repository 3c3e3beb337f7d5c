import type { AuthHeaders } from '@khu-siao/security';
import { LogProjections } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, official, until } from '@khu-siao/testing';
import { PairingsUnderTest } from '../testing-support/pairings-under-test';

describe("pairings' read models rebuilt from the log", () => {
  let world: PairingsUnderTest;
  let officer: AuthHeaders;

  beforeAll(async () => {
    world = await PairingsUnderTest.create(await createTestContext('pairings-rebuild'), until);
    officer = await world.signIn.districtOfficer('4001');
  });
  afterAll(async () => {
    await world?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(world.service.baseUrl, method, path, body, { ...officer, ...headers });
  const visit = (householdId: string, visitedOn: string, needs: string[]) => ({
    householdId,
    officialIds: ['official-rebuild'],
    visitedOn,
    processStep: 'manage',
    dimensionsDiscussed: ['income'],
    needsFound: needs,
    helpGiven: [{ kind: 'inKind', description: 'rice seed', value: 20_000 }],
    referrals: [],
    location: { latitude: 16.43, longitude: 102.82 },
  });
  const snapshot = (collection: string) => world.pairingsDb.collection(collection).find({}).sort({ _id: 1 }).toArray();

  it('equal the live ones, for the visit index and the overdue list', async () => {
    expect((await call('POST', '/officials', official('official-rebuild', '4001'))).status).toBe(201);
    const households = [await world.registerHousehold(), await world.registerHousehold(), await world.registerHousehold()];
    const [often, once, never] = households;
    await world.closeCase(await world.registerHousehold());
    expect((await call('POST', `/households/${often}/buddy`, { officialId: 'official-rebuild' })).status).toBe(201);
    for (const [householdId, visitedOn] of [
      [often, '2025-03-01'],
      [often, '2025-04-10'],
      [once, '2025-02-01'],
    ] as const) {
      expect((await call('POST', '/visits', visit(householdId, visitedOn, ['a water jar']))).status).toBe(201);
    }
    // A correction that moves a visit earlier: the household's latest visit is then the other one.
    const latest = (await call('GET', `/households/${often}/visits`)).body.visits[0];
    const moved = { details: { ...visit(often, '2025-01-15', ['a water jar', 'roof leaks']), householdId: undefined }, reason: 'wrong month', correctedBy: 'official-rebuild' };
    expect((await call('POST', `/visits/${latest.visitId}/corrections`, moved, { 'if-match': `"${latest.version}"` })).status).toBe(200);

    const overdue = (await call('GET', '/overdue-visits?days=1&districtCode=4001')).body.households;
    expect(overdue).toEqual(
      expect.arrayContaining([
        { householdId: never, lastVisitedOn: null },
        { householdId: once, lastVisitedOn: '2025-02-01' },
        { householdId: often, lastVisitedOn: '2025-03-01' },
      ]),
    );
    const liveVisits = await snapshot('household_visits');
    const liveOverdue = await snapshot('overdue_visits');
    expect(liveVisits).toHaveLength(3);
    expect(liveOverdue.length).toBeGreaterThanOrEqual(4);

    const projections = world.service.app.get(LogProjections);
    await projections.rebuild('household-visits');
    await projections.rebuild('overdue-visits');
    expect(await snapshot('household_visits')).toEqual(liveVisits);
    expect(await snapshot('overdue_visits')).toEqual(liveOverdue);
    expect((await call('GET', '/overdue-visits?days=1&districtCode=4001')).body.households).toEqual(overdue);
  });
});
