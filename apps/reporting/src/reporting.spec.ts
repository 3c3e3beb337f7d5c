import { forgetHandledEvents } from '@khu-siao/messaging';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import {
  areaOf,
  assessment,
  createTestContext,
  dimensionNames,
  inParallel,
  jsonCall,
  lifePlan,
  nationalId,
  official,
  registration,
  serviceEnv,
  startServiceProcess,
  visit,
  type ServiceProcess,
  topicValues,
  type TestContext,
  until,
} from '@khu-siao/testing';
import { ReportingModule } from './reporting.module';
import { reportingAppOptions } from './reporting-app';
import { reportingConsumerGroup } from './reporting-consumer';

/** An instant strictly after every event recorded so far: waits for the clock to move on, not for a length of time. */
async function nextInstant(): Promise<string> {
  const now = Date.now();
  await until(() => Date.now() > now, 'the clock to move on');
  return new Date().toISOString();
}
const bangkokToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

const villages = ['40010101', '40010102', '40010201', '40020101', '40020102', '40020301'];
const householdCount = 240;
const familyGrant = 300_000;

/** What the test did to one household, from which it computes every figure on its own. */
interface Planned {
  readonly serial: number;
  householdId: string;
  version: number;
  village: string;
  readonly people: number;
  failing: string[];
  classification?: string;
  officialId?: string;
  lastVisit?: string;
  inKind: { count: number; value: number };
  plan: boolean;
  planCompleted: boolean;
  graduated: boolean;
  closed: boolean;
  grants: { grantId: string; centreId: string; programme: string; amount: number; paid: number; reversed: number; cancelled: boolean }[];
}

describe('the reporting service, fed by the three other services', () => {
  let context: TestContext;
  let others: ServiceProcess[] = [];
  let households: ServiceProcess;
  let pairings: ServiceProcess;
  let welfare: ServiceProcess;
  let reporting: ServiceInProcess;
  const planned: Planned[] = [];
  const centres = [
    { centreId: 'tc-400101', tambon: '400101' },
    { centreId: 'tc-400201', tambon: '400201' },
  ];
  const centreGrants: { centreId: string; amount: number }[] = [];
  const officials: { officialId: string; district: string }[] = [];
  let phaseOneEnded: string;
  let phaseOneGranted = 0;
  const today = bangkokToday();

  let signIn: LocalSignIn;
  /** The provincial administrator of province 40: the catalogues, officials, pairings, moves, erasure and rebuilds. */
  let admin: AuthHeaders;
  let analyst: AuthHeaders;
  const districtOfficers = new Map<string, Promise<AuthHeaders>>();
  const welfareOfficers = new Map<string, Promise<AuthHeaders>>();
  /** The district officer of the district a village lies in: registration, assessments, plans, graduation, closure, visits. */
  const officerOf = (village: string) => lazily(districtOfficers, village.slice(0, 4), (code) => signIn.districtOfficer(code));
  /** The welfare officer of a tambon centre: its grants and their payments. */
  const welfareOf = (centreId: string) => lazily(welfareOfficers, centreId, (id) => signIn.tambonWelfareOfficer(id));
  function lazily(cache: Map<string, Promise<AuthHeaders>>, key: string, make: (key: string) => Promise<AuthHeaders>) {
    if (!cache.has(key)) cache.set(key, make(key));
    return cache.get(key) as Promise<AuthHeaders>;
  }

  const start = () =>
    startServiceInProcess(ReportingModule, context, { ...reportingAppOptions, service: 'reporting' });
  const report = (path: string, headers: AuthHeaders = analyst) => jsonCall(reporting.baseUrl, 'GET', path, undefined, headers);
  const download = (path: string, headers: AuthHeaders = analyst) => fetch(`${reporting.baseUrl}${path}`, { headers });

  /** Calls a service, again while it answers 404 for a household it has not heard of yet (it learns them from Kafka). */
  async function call(service: ServiceProcess, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    return until(async () => {
      const response = await jsonCall(service.baseUrl, method, path, body, headers);
      return response.status !== 404 && response;
    }, `${method} ${path} to find what it names`);
  }

  async function ok(service: ServiceProcess, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const response = await call(service, method, path, body, headers);
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function onHousehold(household: Planned, method: string, sub: string, body: unknown, as?: AuthHeaders) {
    const headers = { 'if-match': `"${household.version}"`, ...(as ?? (await officerOf(household.village))) };
    const result = await ok(households, method, `/households/${household.householdId}${sub}`, body, headers);
    household.version = result.version;
  }

  async function grant(household: Planned, centreId: string) {
    const body = await ok(welfare, 'POST', '/grants', {
      programmeId: 'family-grant',
      centreId,
      recipient: { kind: 'household', householdId: household.householdId },
      reason: 'family assistance',
    }, await welfareOf(centreId));
    const record = { grantId: body.grantId as string, centreId, programme: 'family-grant', amount: familyGrant, paid: 0, reversed: 0, cancelled: false };
    household.grants.push(record);
    return record;
  }

  async function pay(record: Planned['grants'][number]) {
    const started = await ok(welfare, 'POST', `/grants/${record.grantId}/disbursements`, { method: 'cashAtCentre', reference: `R-${record.grantId}` }, {
      'idempotency-key': `pay-${record.grantId}`,
      ...(await welfareOf(record.centreId)),
    });
    record.paid += record.amount;
    return started.disbursementId as string;
  }

  beforeAll(async () => {
    context = await createTestContext('reporting');
    const env = (service: string) => ({ ...serviceEnv(context, service), PAIRINGS_CASELOAD_LIMIT: '2' });
    [households, pairings, welfare] = await Promise.all([
      startServiceProcess('households', env('households')),
      startServiceProcess('pairings', env('pairings')),
      startServiceProcess('welfare-payments', env('welfare')),
    ]);
    others = [households, pairings, welfare];
    reporting = await start();
    signIn = new LocalSignIn(context.securityEnv);
    admin = await signIn.provincialAdministrator('40');
    analyst = await signIn.ministryAnalyst();

    // Welfare: programmes, two registered centres with budgets.
    await ok(welfare, 'POST', '/programmes', { programmeId: 'family-grant', name: 'เงินช่วยเหลือครอบครัว', kind: 'familyAssistanceGrant', recipients: ['household'], standardAmount: familyGrant }, admin);
    await ok(welfare, 'POST', '/programmes', { programmeId: 'centre-subsidy', name: 'เงินอุดหนุนศูนย์', kind: 'centreSubsidy', recipients: ['centre'] }, admin);
    const fiscalYear = Number(today.slice(0, 4)) + 543 + (Number(today.slice(5, 7)) >= 10 ? 1 : 0);
    for (const { centreId, tambon } of centres) {
      const area = areaOf(`${tambon}01`);
      await ok(welfare, 'POST', '/centres', { centreId, name: `ศูนย์ช่วยเหลือสังคมตำบล ${tambon}`, kind: 'tambonCentre', area: { provinceCode: area.provinceCode, districtCode: area.districtCode, tambonCode: tambon } }, admin);
      await ok(welfare, 'POST', '/budgets', { centreId, fiscalYear, programmeId: 'family-grant', amount: 100 * familyGrant }, admin);
      await ok(welfare, 'POST', '/budgets', { centreId, fiscalYear, programmeId: 'centre-subsidy', amount: 400_000_00 }, admin);
    }

    // Households: registered across six villages of two districts, each assessed.
    for (let serial = 0; serial < householdCount; serial += 1) {
      const failing = dimensionNames.filter((_, bit) => ((serial * 7) >> bit) & 1);
      planned.push({
        serial,
        householdId: '',
        version: 0,
        village: villages[serial % villages.length],
        people: 1 + (serial % 4),
        failing: [...failing],
        inKind: { count: 0, value: 0 },
        plan: false,
        planCompleted: false,
        graduated: false,
        closed: false,
        grants: [],
      });
    }
    await inParallel(planned, 8, async (household) => {
      const created = await ok(households, 'POST', '/households', registration(household.serial, household.village, household.people), await officerOf(household.village));
      household.householdId = created.householdId;
      household.version = created.version;
      await onHousehold(household, 'POST', '/assessments', assessment(`a-${household.serial}`, '2026-01-10', household.failing));
    });

    // Officials (two households each) enrolled in the household's district; 200 households paired.
    for (let index = 0; index < 100; index += 1) {
      officials.push({ officialId: `official-${index}`, district: villages[(index * 2) % villages.length].slice(0, 4) });
    }
    await inParallel(officials, 8, ({ officialId, district }) => ok(pairings, 'POST', '/officials', official(officialId, district), admin));
    await inParallel(planned.slice(0, 200), 8, async (household, index) => {
      household.officialId = officials[Math.floor(index / 2)].officialId;
      await ok(pairings, 'POST', `/households/${household.householdId}/buddy`, { officialId: household.officialId }, admin);
    });

    // Visits: 150 households, a third of them long ago; some with a survival bag.
    await inParallel(planned.slice(0, 150), 8, async (household) => {
      const visitedOn = household.serial % 3 === 0 ? '2026-02-15' : today;
      const value = household.serial % 5 === 0 ? 50_000 : 0;
      await ok(pairings, 'POST', '/visits', visit(household.householdId, household.officialId as string, visitedOn, value), await officerOf(household.village));
      household.lastVisit = visitedOn;
      if (value > 0) household.inKind = { count: 1, value };
    });

    // Life plans for 100; 40 of them completed, re-assessed with no failure and graduated.
    await inParallel(planned.slice(0, 100), 8, async (household) => {
      await onHousehold(household, 'PUT', '/life-plan', lifePlan(`plan-${household.serial}`, '2026-02-01'));
      household.plan = true;
      if (household.serial % 5 > 1) return;
      await onHousehold(household, 'POST', '/life-plan/actions/act-1/progress', { percentDone: 100, completed: true, recordedOn: today });
      household.planCompleted = true;
      await onHousehold(household, 'POST', '/assessments', assessment(`a2-${household.serial}`, today, []));
      household.failing = [];
      await onHousehold(household, 'POST', '/graduation', { graduatedOn: today });
      household.graduated = true;
    });

    // Ten move to the other district; five cases closed.
    await inParallel(planned.slice(200, 210), 4, async (household) => {
      const to = household.village.startsWith('4001') ? '40020301' : '40010102';
      await onHousehold(household, 'POST', '/moves', { to: { area: areaOf(to) }, movedOn: today }, admin);
      household.village = to;
    });
    await inParallel(planned.slice(210, 215), 4, async (household) => {
      await onHousehold(household, 'POST', '/closure', { closedOn: today, reason: 'movedAway' });
      household.closed = true;
    });

    // Money, phase one: 30 family grants, all paid.
    await inParallel(planned.slice(100, 130), 6, async (household, index) => {
      const record = await grant(household, centres[index % 2].centreId);
      await pay(record);
      phaseOneGranted += record.amount;
    });
    phaseOneEnded = await nextInstant();
    await nextInstant();
    // Phase two: 30 more; 20 paid, of which 4 reversed; 3 of the unpaid cancelled; a subsidy to each centre.
    await inParallel(planned.slice(130, 160), 6, async (household, index) => {
      const record = await grant(household, centres[index % 2].centreId);
      if (index < 20) {
        const disbursementId = await pay(record);
        if (index < 4) {
          await ok(welfare, 'POST', `/grants/${record.grantId}/disbursements/${disbursementId}/reversal`, { reason: 'paid to the wrong account' }, await welfareOf(record.centreId));
          record.reversed += record.amount;
        }
      } else if (index < 23) {
        await ok(welfare, 'POST', `/grants/${record.grantId}/cancellation`, { reason: 'duplicate request' }, await welfareOf(record.centreId));
        record.cancelled = true;
      }
    });
    for (const { centreId } of centres) {
      const granted = await ok(welfare, 'POST', '/grants', { programmeId: 'centre-subsidy', centreId, recipient: { kind: 'centre', centreId }, amount: 390_000_00, reason: 'equipment' }, await welfareOf(centreId));
      await ok(welfare, 'POST', `/grants/${granted.grantId}/disbursements`, { method: 'bankTransfer', reference: `S-${centreId}` }, { 'idempotency-key': `s-${centreId}`, ...(await welfareOf(centreId)) });
      centreGrants.push({ centreId, amount: 390_000_00 });
    }

    // The classification each household ended with, as the households service derived it.
    await inParallel(planned, 8, async (household) => {
      const state = await ok(households, 'GET', `/households/${household.householdId}`, undefined, admin);
      household.classification = state.classification.current;
    });
  });

  afterAll(async () => {
    await reporting?.close();
    await Promise.all(others.map((service) => service.stop()));
    await context?.close();
  });

  /** The figures of an area, computed from what the test did, independently of the projection. */
  function expectedFigures(code: string) {
    const inArea = planned.filter((household) => household.village.startsWith(code));
    const open = inArea.filter((household) => !household.closed);
    const count = (predicate: (household: Planned) => boolean) => open.filter(predicate).length;
    const recent = (date?: string) => date !== undefined && date > new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const grants = inArea.flatMap((household) => household.grants);
    const assistance = [];
    const centreSubsidies = code.length <= 6 ? centreGrants.filter((subsidy) => centres.find((centre) => centre.centreId === subsidy.centreId)?.tambon.startsWith(code)) : [];
    if (centreSubsidies.length > 0) {
      const total = centreSubsidies.reduce((sum, subsidy) => sum + subsidy.amount, 0);
      assistance.push({ programmeId: 'centre-subsidy', grants: centreSubsidies.length, grantsPaid: centreSubsidies.length, granted: total, paid: total, reversed: 0, netPaid: total });
    }
    if (grants.length > 0) {
      const standing = grants.filter((record) => !record.cancelled);
      assistance.push({
        programmeId: 'family-grant',
        grants: standing.length,
        grantsPaid: grants.filter((record) => record.paid - record.reversed >= record.amount).length,
        granted: standing.reduce((sum, record) => sum + record.amount, 0),
        paid: grants.reduce((sum, record) => sum + record.paid, 0),
        reversed: grants.reduce((sum, record) => sum + record.reversed, 0),
        netPaid: grants.reduce((sum, record) => sum + record.paid - record.reversed, 0),
      });
    }
    return {
      targetHouseholds: open.length,
      people: open.reduce((sum, household) => sum + household.people, 0),
      byClassification: {
        developable: count((h) => h.classification === 'developable'),
        welfare: count((h) => h.classification === 'welfare'),
        vulnerable: count((h) => h.classification === 'vulnerable'),
        unassessed: 0,
      },
      assessed: open.length,
      failing: Object.fromEntries(dimensionNames.map((name) => [name, count((h) => h.failing.includes(name))])),
      paired: count((h) => h.officialId !== undefined),
      visitedLast30Days: count((h) => recent(h.lastVisit)),
      plansStarted: count((h) => h.plan),
      plansCompleted: count((h) => h.planCompleted),
      graduated: count((h) => h.graduated),
      closed: inArea.filter((h) => h.closed).length,
      officials: code.length <= 4 ? officials.filter((o) => o.district.startsWith(code)).length : 0,
      centres: code.length <= 6 ? centres.filter((centre) => centre.tambon.startsWith(code)).length : 0,
      inKind: { count: inArea.reduce((sum, h) => sum + h.inKind.count, 0), value: inArea.reduce((sum, h) => sum + h.inKind.value, 0) },
      pledges: { count: 0, value: 0 },
      assistance,
    };
  }

  const allAreas = () => [...new Set(['40', ...villages.flatMap((village) => [village.slice(0, 4), village.slice(0, 6), village])])];

  /** Waits until the read model has everything: the province's figures equal what is expected, nothing left to project. */
  async function settled(): Promise<void> {
    await until(async () => {
      const province = await report('/areas/40');
      if (JSON.stringify(province.body.figures) !== JSON.stringify(expectedFigures('40'))) return false;
      return (await report('/projections')).body.projector.eventsBehind === 0;
    }, "the province's figures to equal what the events make them");
  }

  it('shows every figure of every area as the events make it, province to village', async () => {
    await settled();
    for (const code of allAreas()) {
      const response = await report(`/areas/${code}`);
      expect(response.status).toBe(200);
      expect({ code, figures: response.body.figures }).toEqual({ code, figures: expectedFigures(code) });
    }
    const province = await report('/areas/40');
    expect(province.body.children.map((child: { code: string }) => child.code)).toEqual(['4001', '4002']);
    expect(province.body.figures.targetHouseholds).toBe(householdCount - 5);
  });

  it('ranks the officials with their caseload and visits', async () => {
    const ranking = await report(`/officials/ranking?year=${today.slice(0, 4)}&limit=1000`);
    expect(ranking.status).toBe(200);
    for (const { officialId } of officials) {
      const row = ranking.body.officials.find((entry: { officialId: string }) => entry.officialId === officialId);
      const theirs = planned.filter((household) => household.officialId === officialId);
      expect({ officialId, caseload: row?.caseload ?? 0, visits: row?.visits ?? 0 }).toEqual({
        officialId,
        caseload: theirs.filter((household) => !household.closed).length,
        visits: theirs.filter((household) => household.lastVisit !== undefined).length,
      });
      expect(row.profile.homeDistrictCode).toMatch(/^400[12]$/);
    }
    expect(ranking.body.officials[0].rank).toBe(1);
    const programmes = await report('/programmes');
    expect(programmes.body.programmes.map((programme: { programmeId: string; name: string }) => [programme.programmeId, programme.name])).toEqual([
      ['centre-subsidy', 'เงินอุดหนุนศูนย์'],
      ['family-grant', 'เงินช่วยเหลือครอบครัว'],
    ]);
  });

  it('joins one household case from the three services, its sealed fields opened and national IDs masked to 4 digits', async () => {
    const household = planned[100];
    const response = await report(`/cases/${household.householdId}`, admin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ householdId: household.householdId, status: 'active', area: areaOf(household.village), houseNumber: String(household.serial) });
    expect(response.body.pairings[0].officialId).toBe(household.officialId);
    expect(response.body.grants).toHaveLength(1);
    expect(response.body.members[0]).toMatchObject({ nationalId: `xxxxxxxxx${nationalId(household.serial * 10).slice(-4)}`, firstName: 'สมชาย', lastName: 'ใจดี', birthDate: '1960-05-01' });
    expect(JSON.stringify(response.body)).not.toMatch(/\d{13}|pd1\./);
    expect((await report('/cases/no-such-household', admin)).status).toBe(404);
    const listed = await report('/cases?districtCode=4001&pageSize=5', admin);
    expect(listed.status).toBe(200);
    expect(listed.body.cases).toHaveLength(5);
    expect(JSON.stringify(listed.body)).not.toMatch(/pd1\.|firstName|nationalId|houseNumber/);
  });

  describe('who may read what', () => {
    const paired = () => planned[0];
    const otherDistrict = () => planned.find((household) => household.village.startsWith('4002') && household.officialId !== undefined) as Planned;
    const status = async (path: string, headers: AuthHeaders) => (await report(path, headers)).status;

    it('lets the ministry analyst read the roll-ups of anywhere and no household case', async () => {
      for (const path of ['/areas/40', '/areas/40020301/trend', '/areas/4001/provenance?figure=households', '/officials/ranking', '/projections', '/programmes']) {
        expect({ path, status: await status(path, analyst) }).toEqual({ path, status: 200 });
      }
      expect(await status(`/cases/${paired().householdId}`, analyst)).toBe(403);
      expect(await status('/cases?districtCode=4001', analyst)).toBe(403);
      expect((await jsonCall(reporting.baseUrl, 'POST', '/projections/rebuilds', undefined, analyst)).status).toBe(403);
    });

    it('lets a field official read the cases paired with them and no other', async () => {
      const buddy = await signIn.fieldOfficial(paired().officialId as string);
      expect(await status(`/cases/${paired().householdId}`, buddy)).toBe(200);
      expect(await status(`/cases/${planned[2].householdId}`, buddy)).toBe(403);
      expect(await status('/areas/40', buddy)).toBe(403);
    });

    it('keeps a district officer to their own district', async () => {
      const officer = await officerOf(paired().village);
      expect(paired().village.startsWith('4001')).toBe(true);
      expect(await status(`/cases/${paired().householdId}`, officer)).toBe(200);
      expect(await status(`/cases/${otherDistrict().householdId}`, officer)).toBe(403);
      expect(await status('/areas/4001', officer)).toBe(200);
      expect(await status('/areas/400101/trend', officer)).toBe(200);
      expect(await status('/areas/4002', officer)).toBe(403);
      expect(await status('/areas/40', officer)).toBe(403);
      expect(await status('/cases?districtCode=4001', officer)).toBe(200);
      expect(await status('/cases?districtCode=4002', officer)).toBe(403);
      expect(await status('/cases?provinceCode=40&districtCode=4002&villageCode=40010101', officer)).toBe(403);
      const ranking = await report('/officials/ranking?areaCode=4001&limit=1000', officer);
      expect(ranking.status).toBe(200);
      expect(new Set(ranking.body.officials.map((row: { profile: { homeDistrictCode: string } }) => row.profile.homeDistrictCode))).toEqual(new Set(['4001']));
      expect(await status('/officials/ranking', officer)).toBe(403);
    });

    it('refuses another province, asks for an area, and answers 401 without a token', async () => {
      const elsewhere = await signIn.provincialAdministrator('41');
      expect(await status('/areas/40', elsewhere)).toBe(403);
      expect(await status(`/cases/${paired().householdId}`, elsewhere)).toBe(403);
      expect(await status('/cases?provinceCode=40', elsewhere)).toBe(403);
      expect(await status('/cases', admin)).toBe(400);
      expect(await status('/areas/4x', admin)).toBe(400);
      for (const path of ['/areas/40', `/cases/${paired().householdId}`, '/programmes', '/projections']) {
        expect({ path, status: (await fetch(`${reporting.baseUrl}${path}`)).status }).toEqual({ path, status: 401 });
      }
    });
  });

  it('answers as of a past instant with the grants of then, not of now', async () => {
    const then = await report(`/areas/40?asOf=${encodeURIComponent(phaseOneEnded)}`);
    expect(then.status).toBe(200);
    const family = then.body.figures.assistance.find((programme: { programmeId: string }) => programme.programmeId === 'family-grant');
    expect(family).toMatchObject({ grants: 30, granted: phaseOneGranted, paid: phaseOneGranted, reversed: 0 });
    const now = await report('/areas/40');
    expect(now.body.figures.assistance[1].granted).toBeGreaterThan(phaseOneGranted);
    expect((await report('/areas/40?asOf=yesterday')).status).toBe(400);
  });

  it('lists the events behind a figure, adding up to it', async () => {
    const figure = await report('/areas/4001');
    const provenance = await report('/areas/4001/provenance?figure=granted:family-grant');
    expect(provenance.status).toBe(200);
    const family = figure.body.figures.assistance.find((programme: { programmeId: string }) => programme.programmeId === 'family-grant');
    expect(provenance.body.value).toBe(family.granted);
    expect(new Set(provenance.body.events.map((entry: { type: string }) => entry.type))).toEqual(new Set(['AssistanceGranted', 'GrantCancelled']));
    const failing = await report('/areas/40/provenance?figure=failing:income');
    expect(failing.body.value).toBe(figure.body.figures.failing.income + (await report('/areas/4002')).body.figures.failing.income);
  });

  it('exports every table as CSV', async () => {
    const response = await download('/areas/40?format=csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toContain('targetHouseholds');
    expect(lines).toHaveLength(1 + 1 + 2);
    for (const path of ['/cases?districtCode=4001&format=csv', '/areas/4001/trend?format=csv', '/officials/ranking?areaCode=40&format=csv', '/areas/40/provenance?figure=households&format=csv']) {
      const table = await download(path, admin);
      expect({ path, status: table.status, type: table.headers.get('content-type') }).toEqual({ path, status: 200, type: 'text/csv; charset=utf-8' });
      if (path.startsWith('/cases')) expect(await table.text()).not.toMatch(/สมชาย|ใจดี|pd1\.|x{9}\d{4}/);
    }
  });

  it('announces each move of the read model on a Server-Sent Events stream', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${reporting.baseUrl}/projections/changes`, { signal: controller.signal, headers: analyst });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const before = (await report('/projections')).body.projector.position;
    await ok(households, 'POST', '/households', registration(9_999, villages[0], 1), await officerOf(villages[0]));
    let received = '';
    while (!/event: projected\n(id: \d+\n)?data: \{[^\n]*"position":\d+/.test(received)) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    const position = Number(/"position":(\d+)/.exec(received)?.[1]);
    expect(position).toBeGreaterThan(before);
  });

  /** Waits until reporting has consumed every topic and projected every archived event. */
  async function caughtUp(): Promise<void> {
    await until(async () => {
      const status = (await report('/projections')).body;
      return status.projector.eventsBehind === 0 && status.kafka.every((topic: { behind: number }) => topic.behind === 0);
    }, 'reporting to consume every topic and project every archived event');
  }

  it('erases a household everywhere on request and changes no figure', async () => {
    const village = villages[0];
    const base = registration(7_777, village, 2);
    const clear = {
      names: ['ลบทิ้งหนึ่ง', 'ลบทิ้งสอง', 'ข้อมูลส่วนบุคคล'],
      nationalIds: base.members.map((member) => member.nationalId),
      houseNumber: '77/7-ลบทิ้ง',
    };
    const created = await ok(households, 'POST', '/households', {
      ...base,
      address: { ...base.address, houseNumber: clear.houseNumber },
      members: base.members.map((member, index) => ({ ...member, firstName: clear.names[index], lastName: clear.names[2] })),
    }, await officerOf(village));
    const householdId = created.householdId as string;
    const record = await ok(welfare, 'POST', '/grants', {
      programmeId: 'family-grant',
      centreId: 'tc-400101',
      recipient: { kind: 'household', householdId },
      reason: 'family assistance',
    }, await welfareOf('tc-400101'));
    await ok(welfare, 'POST', `/grants/${record.grantId}/disbursements`, { method: 'cashAtCentre', reference: 'R-erased' }, {
      'idempotency-key': 'pay-erased',
      ...(await welfareOf('tc-400101')),
    });
    await caughtUp();
    const opened = await report(`/cases/${householdId}`, admin);
    expect(opened.body.members.map((member: { firstName: string }) => member.firstName)).toEqual(clear.names.slice(0, 2));
    expect(opened.body.grants).toHaveLength(1);
    const rollupsBefore = (await snapshot())['rollups'];
    const figuresBefore = await Promise.all(allAreas().map(async (code) => (await report(`/areas/${code}`)).body.figures));

    const erasure = await jsonCall(households.baseUrl, 'POST', `/households/${householdId}/erasure`, {
      erasedOn: '2022-06-01',
      basis: 'dataSubjectRequest',
      requestRef: 'DPO-2022-001',
    }, admin);
    expect({ status: erasure.status, body: erasure.body }).toEqual({ status: 200, body: { householdId, version: expect.any(Number) } });
    const erased = await until(async () => {
      const answer = await report(`/cases/${householdId}`, admin);
      return answer.body.erased && answer;
    }, 'the case to show the erasure');
    await caughtUp();

    const gone = { erased: true };
    expect(erased.body).toMatchObject({ erased: { erasedOn: '2022-06-01', basis: 'dataSubjectRequest' }, houseNumber: gone, area: areaOf(village) });
    for (const member of erased.body.members) {
      expect(member).toMatchObject({ nationalId: gone, firstName: gone, lastName: gone, birthDate: gone, relation: expect.any(String) });
    }
    const appearsIn = (text: string) => [...clear.names, ...clear.nationalIds, clear.houseNumber].filter((value) => text.includes(value));
    expect(appearsIn(JSON.stringify(erased.body))).toEqual([]);
    const archived = await context.database('reporting').collection('events').find({ 'events.aggregateId': householdId }).toArray();
    const archivedTypes = archived.flatMap((commit) => (commit['events'] as { type: string }[]).map((event) => event.type));
    expect(archivedTypes).toEqual(expect.arrayContaining(['HouseholdRegistered', 'HouseholdErased']));
    expect(appearsIn(JSON.stringify(await context.database('reporting').collection('events').find().toArray()))).toEqual([]);
    const replayed = await topicValues(context, context.topics.events('households'));
    expect(replayed.filter((value) => value.includes(householdId)).length).toBeGreaterThanOrEqual(2);
    expect(appearsIn(replayed.join('\n'))).toEqual([]);

    expect((await snapshot())['rollups']).toEqual(rollupsBefore);
    const figuresAfter = await Promise.all(allAreas().map(async (code) => (await report(`/areas/${code}`)).body.figures));
    expect(figuresAfter).toEqual(figuresBefore);
  });

  /** Every read-model document of the serving generation, by collection. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const db = context.database('reporting');
    const active = await db.collection('projection_state').findOne({ _id: 'active' as never });
    const prefix = `g${active?.['generation']}_`;
    const names = (await db.listCollections().toArray()).map((c) => c.name).filter((name) => name.startsWith(prefix)).sort();
    return Object.fromEntries(
      await Promise.all(names.map(async (name) => [name.slice(prefix.length), await db.collection(name).find().sort({ _id: 1 }).toArray()] as const)),
    );
  }

  it('rebuilds from the archive into a new generation equal to the live one, document for document', async () => {
    const before = await snapshot();
    const started = await jsonCall(reporting.baseUrl, 'POST', '/projections/rebuilds', undefined, admin);
    expect(started.status).toBe(202);
    expect((await jsonCall(reporting.baseUrl, 'POST', '/projections/rebuilds', undefined, admin)).status).toBe(409);
    const run = await until(async () => {
      const state = (await report(`/projections/rebuilds/${started.body.rebuildId}`, admin)).body;
      return state.state !== 'running' && state;
    }, 'the rebuild to end');
    expect(run).toMatchObject({ state: 'switched', comparison: { equal: true, differences: [] } });
    expect(run.generation).toBe(run.fromGeneration + 1);
    const after = await snapshot();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
  });

  it('changes nothing when every event is delivered again from the start of the topics', async () => {
    const before = await snapshot();
    const projections = await report('/projections');
    expect(projections.status).toBe(200);
    const archive = context.database('reporting').collection('events');
    const archived = await archive.countDocuments({ gap: { $exists: false } });
    await reporting.close();
    const admin = context.kafka.admin();
    await admin.connect();
    for (const contextName of ['households', 'pairings', 'welfare-payments'] as const) {
      await admin.resetOffsets({ groupId: context.topics.consumerGroup(reportingConsumerGroup), topic: context.topics.events(contextName), earliest: true });
    }
    await admin.disconnect();
    // The consumer would pass the redelivered events over by their log positions: once it has forgotten them, the
    // archive itself must refuse them.
    await forgetHandledEvents(context.database('reporting'), context.topics.consumerGroup(reportingConsumerGroup));
    reporting = await start();
    await caughtUp();
    // Redelivered events were refused by the archive (their ids are stored): not one more event, not one changed figure.
    expect(await archive.countDocuments({ gap: { $exists: false } })).toBe(archived);
    expect(await snapshot()).toEqual(before);
  });
});
