import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, serviceEnv, startServiceProcesses, until, type ServiceProcess, type TestContext } from '@khu-siao/testing';
import { Callers } from './driving/callers';
import { driveProvince, thaiFiscalYear, type DriveReport } from './driving/drive-province';
import { planProvince, kickOff2022 } from './planning/plan-province';

/** Reads as the provincial administrator, who may read everything the province holds. */
let administrator: AuthHeaders;
const getJson = async (url: string) => {
  const response = await fetch(url, { headers: administrator });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/**
 * The demo province against the three real services, each started from source as its own process (as the platform
 * runs them; the generator talks HTTP only and imports none of their code) on the run's Kafka and database, with this
 * file's own databases and topic namespace.
 */
describe('the demo province driven into the real services', () => {
  const households = 40;
  const plan = planProvince({ seed: 'integration', scale: households / kickOff2022.households });
  let context: TestContext;
  const services: ServiceProcess[] = [];
  const urls = { households: '', welfarePayments: '', pairings: '' };
  let report: DriveReport;

  beforeAll(async () => {
    context = await createTestContext('demo-province');
    administrator = await new LocalSignIn(context.securityEnv).provincialAdministrator('40');
    const names = ['households', 'welfare-payments', 'pairings'];
    services.push(...(await startServiceProcesses(names.map((name) => ({ name, env: { ...serviceEnv(context, name), RELAY_IDLE_MS: '20' } })))));
    [urls.households, urls.welfarePayments, urls.pairings] = services.map((service) => service.baseUrl);
    report = await driveProvince(plan, { urls, concurrency: 6, fiscalYear: thaiFiscalYear(new Date()), callers: new Callers(context.securityEnv) });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await context?.close();
  });

  const step = (name: string) => report.steps.find((candidate) => candidate.step === name)!;

  it('runs every step without a failure', () => {
    for (const tally of report.steps) expect({ step: tally.step, failed: tally.failed, errors: tally.errors }).toEqual({ step: tally.step, failed: 0, errors: [] });
    expect(step('registerHouseholds').done).toBe(households);
    expect(step('tellCases').done).toBe(households);
    expect(step('enrolOfficials').done).toBe(plan.officials.length);
  });

  it('registers every household, as planned, and the listing finds them all', async () => {
    expect(report.householdIds.size).toBe(households);
    for (const household of plan.households) {
      const { status, body } = await getJson(`${urls.households}/households/${report.householdIds.get(household.key)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: household.graduatedOn ? 'graduated' : 'active',
        classification: { current: household.assessments[household.assessments.length - 1].expectedClassification, overridden: false },
      });
      expect((body['members'] as unknown[]).length).toBe(household.registration.members.length);
    }
    const listed = await until(async () => {
      const { body } = await getJson(`${urls.households}/households?provinceCode=40&pageSize=100`);
      return body['total'] === households && body;
    }, `the listing to show the ${households} households`);
    expect(listed['total']).toBe(households);
  });

  it('pairs every household with its planned buddy, two per official', async () => {
    for (const household of plan.households) {
      const { body } = await getJson(`${urls.pairings}/households/${report.householdIds.get(household.key)}/buddy/history`);
      expect(body['current']).toMatchObject({ officialId: household.officialId });
    }
    const { body } = await getJson(`${urls.pairings}/officials/${plan.officials[0].officialId}/caseload`);
    expect((body['households'] as unknown[]).length).toBe(2);
    expect(step('logVisits').done).toBe(plan.totals.visits);
  });

  it('grants and pays the planned family grants, 3,000 baht each', async () => {
    const familyGrants = plan.grants.filter((grant) => grant.recipient.kind === 'household');
    expect(familyGrants.length).toBe(plan.totals.familyGrants.count);
    for (const grant of familyGrants) {
      const { status, body } = await getJson(`${urls.welfarePayments}/grants/${report.grantIds.get(grant.key)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'paid', amount: 300_000 });
    }
  });

  it('registers the 224 tambon centres and the 26 community centres, and pays the community centres their subsidies', async () => {
    expect(step('registerCentres')).toMatchObject({ skipped: null, done: 250, failed: 0 });
    const { body } = await getJson(`${urls.welfarePayments}/centres`);
    const listed = body['items'] as { centreId: string; kind: string }[];
    expect(listed.filter((centre) => centre.kind === 'tambonCentre')).toHaveLength(224);
    expect(listed.filter((centre) => centre.kind === 'communityCentre')).toHaveLength(26);
    const subsidies = plan.grants.filter((grant) => grant.recipient.kind === 'centre');
    expect(subsidies.length).toBe(plan.totals.centreSubsidies.count);
    for (const grant of subsidies) {
      const { body: paid } = await getJson(`${urls.welfarePayments}/grants/${report.grantIds.get(grant.key)}`);
      expect(paid).toMatchObject({ status: 'paid', amount: 3_000_000 });
    }
    expect(step('grantAndPay').done).toBe(plan.grants.length);
  });

  it('registers nothing twice when the same seed runs again', async () => {
    const again = await driveProvince(plan, { urls, concurrency: 6, fiscalYear: thaiFiscalYear(new Date()), callers: new Callers(context.securityEnv) });
    const step = (name: string) => again.steps.find((candidate) => candidate.step === name)!;
    expect(step('registerHouseholds')).toMatchObject({ done: 0, already: households, failed: 0, errors: [] });
    expect(step('tellCases')).toMatchObject({ done: 0, already: households, failed: 0, errors: [] });
    expect(step('pairBuddies')).toMatchObject({ done: 0, already: households, failed: 0 });
    expect(step('logVisits')).toMatchObject({ done: 0, failed: 0 });
    const { body: visits } = await getJson(`${urls.pairings}/households/${report.householdIds.get(plan.households[0].key)}/visits`);
    expect((visits['visits'] as unknown[]).length).toBe(plan.households[0].visits.length);
    expect([...again.householdIds.values()].sort()).toEqual([...report.householdIds.values()].sort());
    const { body } = await getJson(`${urls.households}/households?provinceCode=40&pageSize=100`);
    expect(body['total']).toBe(households);
  });
});
