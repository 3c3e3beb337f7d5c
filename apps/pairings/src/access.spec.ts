import { randomUUID } from 'node:crypto';
import type { AuthHeaders } from '@khu-siao/security';
import { createTestContext, jsonCall, official, until } from '@khu-siao/testing';
import { PairingsUnderTest } from './testing-support/pairings-under-test';

/**
 * Who may do what, call by call through HTTP. The households: `paired` (district 4001, buddy `official-buddy`),
 * `unpaired` (4001), `otherDistrict` (4002) and `otherProvince` (4101).
 */
interface Fixture {
  readonly households: Record<'paired' | 'unpaired' | 'otherDistrict' | 'otherProvince' | 'planned', string>;
  readonly visitOfPaired: string;
  readonly teams: Record<'own' | 'other', string>;
  readonly partnerId: string;
}

interface Request {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

describe('access to the pairings service', () => {
  let world: PairingsUnderTest;
  let fixture: Fixture;
  let officer: AuthHeaders;

  const visit = (householdId: string) => ({
    householdId,
    officialIds: ['official-buddy'],
    visitedOn: '2025-03-01',
    processStep: 'care',
    dimensionsDiscussed: ['health'],
    needsFound: [],
    helpGiven: [{ kind: 'advice', description: 'savings group' }],
    referrals: [],
  });
  const call = (method: string, path: string, body: unknown, headers: AuthHeaders) => jsonCall(world.service.baseUrl, method, path, body, headers);
  const enrol = async (officialId: string, homeDistrictCode: string, headers: AuthHeaders) => {
    const enrolled = await call('POST', '/officials', official(officialId, homeDistrictCode), headers);
    if (enrolled.status !== 201) throw new Error(`enrolling ${officialId} answered ${enrolled.status}`);
  };
  /** Pairs a fresh household of the village with a freshly enrolled official, so an allowed call always succeeds. */
  const pairing = async (villageCode: string): Promise<Request> => {
    const householdId = await world.registerHousehold(villageCode);
    const officialId = `official-${randomUUID()}`;
    await enrol(officialId, '4001', officer);
    return { method: 'POST', path: `/households/${householdId}/buddy`, body: { officialId } };
  };

  const calls: Record<string, (f: Fixture) => Request | Promise<Request>> = {
    'enrol an official of district 4001': () => ({ method: 'POST', path: '/officials', body: official(`official-${randomUUID()}`, '4001') }),
    'enrol an official of district 4002': () => ({ method: 'POST', path: '/officials', body: official(`official-${randomUUID()}`, '4002') }),
    'read the caseload of an official of 4001': () => ({ method: 'GET', path: '/officials/official-buddy/caseload' }),
    'read the caseload of an official of 4002': () => ({ method: 'GET', path: '/officials/official-other/caseload' }),
    'pair a household of 4001': () => pairing('40010103'),
    'pair a household of 4002': () => pairing('40020201'),
    'pair a household of province 41': () => pairing('41010101'),
    'log a visit to the paired household': (f) => ({ method: 'POST', path: '/visits', body: visit(f.households.paired) }),
    'log a visit to an unpaired household of 4001': (f) => ({ method: 'POST', path: '/visits', body: visit(f.households.unpaired) }),
    'log a visit to a household of 4002': (f) => ({ method: 'POST', path: '/visits', body: visit(f.households.otherDistrict) }),
    "read the paired household's visits": (f) => ({ method: 'GET', path: `/households/${f.households.paired}/visits` }),
    'read a visit to the paired household': (f) => ({ method: 'GET', path: `/visits/${f.visitOfPaired}` }),
    "read an unpaired household's visits": (f) => ({ method: 'GET', path: `/households/${f.households.unpaired}/visits` }),
    "read the visits of a household of 4002": (f) => ({ method: 'GET', path: `/households/${f.households.otherDistrict}/visits` }),
    "read the visits of a household of province 41": (f) => ({ method: 'GET', path: `/households/${f.households.otherProvince}/visits` }),
    'list overdue visits of district 4001': () => ({ method: 'GET', path: '/overdue-visits?districtCode=4001' }),
    'list overdue visits of district 4002': () => ({ method: 'GET', path: '/overdue-visits?districtCode=4002' }),
    'list overdue visits of province 40': () => ({ method: 'GET', path: '/overdue-visits?provinceCode=40' }),
    'list overdue visits of province 41': () => ({ method: 'GET', path: '/overdue-visits?provinceCode=41' }),
    'form a team in 4001': () => ({ method: 'POST', path: '/teams', body: { kind: 'operational', name: 'team', area: { districtCode: '4001' } } }),
    'form a team in 4002': () => ({ method: 'POST', path: '/teams', body: { kind: 'operational', name: 'team', area: { districtCode: '4002' } } }),
    'read a team of 4001': (f) => ({ method: 'GET', path: `/teams/${f.teams.own}` }),
    'read a team of 4002': (f) => ({ method: 'GET', path: `/teams/${f.teams.other}` }),
    'register a partner': () => ({ method: 'POST', path: '/partners', body: { name: 'Khon Kaen University', sector: 'academic', mouSignedOn: '2025-01-15' } }),
    'read a partner': (f) => ({ method: 'GET', path: `/partners/${f.partnerId}` }),
    "pledge support to a 4001 household's plan": (f) => ({
      method: 'POST',
      path: `/partners/${f.partnerId}/pledges`,
      body: { householdId: f.households.planned, planId: 'plan-1', goalId: 'g-1', support: { kind: 'knowHow', description: 'course' } },
    }),
  };
  type Call = keyof typeof calls;
  type Table = readonly (readonly [Call, 'allowed' | 403])[];

  const everyCallDenied = (): Table => Object.keys(calls).map((call) => [call, 403] as const);

  const roles: Record<string, { headers: () => Promise<AuthHeaders>; table: Table }> = {
    'a field official': {
      headers: () => world.signIn.fieldOfficial('official-buddy'),
      table: [
        ['log a visit to the paired household', 'allowed'],
        ["read the paired household's visits", 'allowed'],
        ['read a visit to the paired household', 'allowed'],
        ['log a visit to an unpaired household of 4001', 403],
        ["read an unpaired household's visits", 403],
        ['read the caseload of an official of 4001', 403],
        ['pair a household of 4001', 403],
        ['list overdue visits of district 4001', 403],
        ['read a team of 4001', 403],
        ['read a partner', 403],
      ],
    },
    'the district officer of 4001': {
      headers: () => world.signIn.districtOfficer('4001'),
      table: [
        ['enrol an official of district 4001', 'allowed'],
        ['read the caseload of an official of 4001', 'allowed'],
        ['pair a household of 4001', 'allowed'],
        ['log a visit to an unpaired household of 4001', 'allowed'],
        ["read an unpaired household's visits", 'allowed'],
        ['read a visit to the paired household', 'allowed'],
        ['list overdue visits of district 4001', 'allowed'],
        ['form a team in 4001', 'allowed'],
        ['read a team of 4001', 'allowed'],
        ['enrol an official of district 4002', 403],
        ['read the caseload of an official of 4002', 403],
        ['pair a household of 4002', 403],
        ['log a visit to a household of 4002', 403],
        ['read the visits of a household of 4002', 403],
        ['list overdue visits of district 4002', 403],
        ['list overdue visits of province 40', 403],
        ['form a team in 4002', 403],
        ['read a team of 4002', 403],
        ['register a partner', 403],
        ["pledge support to a 4001 household's plan", 403],
        // The partners' catalogue is province-wide and open to district officers.
        ['read a partner', 'allowed'],
      ],
    },
    'a tambon welfare officer': { headers: () => world.signIn.tambonWelfareOfficer('centre-400101'), table: everyCallDenied() },
    'the provincial administrator of 40': {
      headers: () => world.signIn.provincialAdministrator('40'),
      table: [
        ['enrol an official of district 4002', 'allowed'],
        ['read the caseload of an official of 4002', 'allowed'],
        ['pair a household of 4002', 'allowed'],
        ['read the visits of a household of 4002', 'allowed'],
        ['list overdue visits of province 40', 'allowed'],
        ['form a team in 4002', 'allowed'],
        ['read a team of 4001', 'allowed'],
        ['register a partner', 'allowed'],
        ['read a partner', 'allowed'],
        ["pledge support to a 4001 household's plan", 'allowed'],
        ['log a visit to the paired household', 403],
        ['pair a household of province 41', 403],
        ['read the visits of a household of province 41', 403],
        ['list overdue visits of province 41', 403],
      ],
    },
    'the provincial administrator of 41': {
      headers: () => world.signIn.provincialAdministrator('41'),
      table: [
        ['read the visits of a household of province 41', 'allowed'],
        ['list overdue visits of province 41', 'allowed'],
        ["read the paired household's visits", 403],
        ['pair a household of 4001', 403],
        ['read the caseload of an official of 4001', 403],
        ['read a team of 4001', 403],
        ['register a partner', 403],
        ['read a partner', 403],
        ["pledge support to a 4001 household's plan", 403],
      ],
    },
    'a ministry analyst': { headers: () => world.signIn.ministryAnalyst(), table: everyCallDenied() },
    'an auditor': { headers: () => world.signIn.auditor(), table: everyCallDenied() },
    'an agency whose MOU lists visits.log in district 4001': {
      headers: () => world.signIn.agency('ngo-ban-fang', ['visits.log'], [{ level: 'district', districtCode: '4001' }]),
      table: [
        ['log a visit to an unpaired household of 4001', 'allowed'],
        ['log a visit to a household of 4002', 403],
        ["read an unpaired household's visits", 403],
        ["pledge support to a 4001 household's plan", 403],
      ],
    },
  };

  beforeAll(async () => {
    world = await PairingsUnderTest.create(await createTestContext('pairings-access'), until);
    officer = await world.signIn.districtOfficer('4001');
    const administrator = await world.signIn.provincialAdministrator('40');
    const otherOfficer = await world.signIn.districtOfficer('4002');
    const households = {
      paired: await world.registerHousehold('40010103'),
      unpaired: await world.registerHousehold('40010104'),
      otherDistrict: await world.registerHousehold('40020201'),
      otherProvince: await world.registerHousehold('41010101'),
      planned: await world.registerHousehold('40010105'),
    };
    await world.householdEvent(households.planned, 'LifePlanDrawnUp', {
      planId: 'plan-1',
      drawnUpOn: '2025-02-01',
      officialId: 'official-buddy',
      goals: [{ goalId: 'g-1', dimension: 'income', description: 'income', actions: [{ actionId: 'a-1', description: 'garden', responsible: { kind: 'agency', name: 'เกษตรอำเภอ' }, dueOn: '2025-06-30' }] }],
    });
    await enrol('official-buddy', '4001', officer);
    await enrol('official-other', '4002', otherOfficer);
    const ok = async (response: ReturnType<typeof call>): Promise<Record<string, string>> => {
      const answered = await response;
      if (answered.status >= 300) throw new Error(`fixture call answered ${answered.status}`);
      return answered.body;
    };
    await ok(call('POST', `/households/${households.paired}/buddy`, { officialId: 'official-buddy' }, officer));
    const { visitId } = await ok(call('POST', '/visits', visit(households.paired), officer));
    const formTeam = (districtCode: string, headers: AuthHeaders) => ok(call('POST', '/teams', { kind: 'mentor', name: 'team', area: { districtCode } }, headers));
    const teams = { own: (await formTeam('4001', officer)).teamId, other: (await formTeam('4002', otherOfficer)).teamId };
    const { partnerId } = await ok(call('POST', '/partners', { name: 'Khon Kaen University', sector: 'academic', mouSignedOn: '2025-01-15' }, administrator));
    fixture = { households, visitOfPaired: visitId as string, teams, partnerId: partnerId as string };
  });
  afterAll(async () => {
    await world?.close();
  });

  for (const [role, { headers, table }] of Object.entries(roles)) {
    describe(role, () => {
      it.each(table)('%s: %s', async (name, expected) => {
        const request = await calls[name](fixture);
        const answered = await call(request.method, request.path, request.body, await headers());
        if (expected === 'allowed') expect([200, 201]).toContain(answered.status);
        else expect(answered.status).toBe(expected);
      });
    });
  }

  it('answers 401 to a call without a token', async () => {
    const answered = await call('GET', `/households/${fixture.households.paired}/visits`, undefined, {});
    expect(answered.status).toBe(401);
  });

  it('answers 400 to a body carrying a MongoDB operator, before anything is read', async () => {
    const answered = await call('POST', '/visits', { ...visit(fixture.households.paired), householdId: { $gt: '' } }, officer);
    expect(answered.status).toBe(400);
  });
});
