import { randomUUID } from 'node:crypto';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { Clock, LogProjections, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, until, type TestContext } from '@khu-siao/testing';
import { fiscalYearAt, fiscalYearRange } from '@khu-siao/welfare-payments-domain';
import { PublishedHouseholds } from '../testing-support/published-households';
import { welfareInProcess } from '../testing-support/welfare-under-test';

/** Every read model of the service, by its projection's name and its collection. */
const readModels = { 'centre-register': 'centres', budgets: 'budgets', grants: 'grants', 'ledger-entries': 'ledger_entries' } as const;

describe('the welfare read models rebuilt from the log', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let households: PublishedHouseholds;
  let admin: AuthHeaders;
  let signIn: LocalSignIn;
  const fiscalYear = fiscalYearAt(new Clock().now());
  const period = fiscalYearRange(fiscalYear);
  const centres = ['tc-400101', 'tc-400102', 'cc-400103'] as const;

  beforeAll(async () => {
    context = await createTestContext('welfare-rebuild');
    signIn = new LocalSignIn(context.securityEnv);
    admin = await signIn.provincialAdministrator('40');
    households = await PublishedHouseholds.prepare(context);
    service = await welfareInProcess(context);
    await households.register(12);
    await until(async () => (await households.known(service.config.databaseName)) >= 12, 'the households consumed');
  });

  afterAll(async () => {
    await households?.stop();
    await service?.close();
    await context?.close();
  });

  const call = async (method: string, path: string, body: unknown, caller: AuthHeaders, headers: Record<string, string> = {}) => {
    const answer = await jsonCall(service.baseUrl, method, path, body, { ...caller, ...headers });
    expect({ method, path, status: answer.status }).toEqual({ method, path, status: method === 'POST' && !path.includes('/', 1) ? 201 : 200 });
    return answer.body;
  };
  const collection = (name: string) => context.client.db(service.config.databaseName).collection(name);
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(Object.values(readModels).map(async (name) => [name, await collection(name).find().sort({ _id: 1 }).toArray()] as const)));

  /** Programmes, centres (one moved, one closed), budgets moved both ways, grants granted, paid, failed, reversed and cancelled. */
  async function workload(): Promise<void> {
    await call('POST', '/programmes', { programmeId: 'family-grant', name: 'Family assistance grant', kind: 'familyAssistanceGrant', recipients: ['household'], standardAmount: 300_000 }, admin);
    await call('POST', '/programmes', { programmeId: 'subsidy', name: 'Subsidy', kind: 'centreSubsidy', recipients: ['centre'] }, admin);
    for (const centreId of centres) {
      const area = { provinceCode: '40', districtCode: '4001', tambonCode: centreId.slice(3) };
      await call('POST', '/centres', { centreId, name: `ศูนย์ ${centreId}`, kind: centreId.startsWith('cc') ? 'communityCentre' : 'tambonCentre', area }, admin);
    }
    const budgets: string[] = [];
    for (const [centreId, programmeId] of [['tc-400101', 'family-grant'], ['tc-400102', 'family-grant'], ['cc-400103', 'subsidy']]) {
      budgets.push((await call('POST', '/budgets', { centreId, fiscalYear, programmeId, amount: 3_000_000 }, admin)).budgetId);
    }
    await call('POST', `/budgets/${encodeURIComponent(budgets[0])}/top-ups`, { amount: 600_000, reason: 'second instalment' }, admin);
    await call('POST', `/budgets/${encodeURIComponent(budgets[1])}/withdrawals`, { amount: 300_000, reason: 'returned' }, admin);
    await call('POST', '/centres/tc-400102/relocations', { area: { provinceCode: '40', districtCode: '4001', tambonCode: '400104' }, reason: 'merged' }, admin);

    const grants: { grantId: string; officer: AuthHeaders }[] = [];
    for (let serial = 0; serial < 8; serial += 1) {
      const centreId = centres[serial % 2];
      const officer = await signIn.tambonWelfareOfficer(centreId);
      const body = { programmeId: 'family-grant', centreId, recipient: { kind: 'household', householdId: `hh-${serial % 6}` }, reason: 'family assistance' };
      grants.push({ grantId: (await call('POST', '/grants', body, officer)).grantId, officer });
    }
    const communityOfficer = await signIn.tambonWelfareOfficer('cc-400103');
    for (let serial = 0; serial < 2; serial += 1) {
      const body = { programmeId: 'subsidy', centreId: 'cc-400103', recipient: { kind: 'centre', centreId: 'cc-400103' }, amount: 125_050, reason: 'equipment' };
      grants.push({ grantId: (await call('POST', '/grants', body, communityOfficer)).grantId, officer: communityOfficer });
    }
    const pay = ({ grantId, officer }: (typeof grants)[number], body: Record<string, unknown>) =>
      call('POST', `/grants/${grantId}/disbursements`, body, officer, { 'idempotency-key': randomUUID() });
    const onGrant = ({ grantId, officer }: (typeof grants)[number], path: string, body: Record<string, unknown>) => call('POST', `/grants/${grantId}${path}`, body, officer);
    for (const grant of [grants[0], grants[1], grants[2], grants[8]]) await pay(grant, { method: 'cashAtCentre', reference: 'RC-1' });
    const transfer = await pay(grants[3], { method: 'bankTransfer' });
    await onGrant(grants[3], `/disbursements/${transfer.disbursementId}/failure`, { reason: 'account closed' });
    const retried = await pay(grants[3], { method: 'promptPay' });
    await onGrant(grants[3], `/disbursements/${retried.disbursementId}/confirmation`, { reference: 'PP-1' });
    const reversed = await pay(grants[4], { method: 'cashAtCentre', reference: 'RC-2' });
    await onGrant(grants[4], `/disbursements/${reversed.disbursementId}/reversal`, { reason: 'paid to the wrong account' });
    await onGrant(grants[5], '/cancellation', { reason: 'moved away' });
    await onGrant(grants[9], '/cancellation', { reason: 'not needed' });
    await call('POST', '/centres/cc-400103/closure', { reason: 'merged' }, admin);
  }

  /** What clients read from the read models: the register, budgets, ledgers, reconciliations, households' histories. */
  async function readings() {
    const budgetIds = (await collection('budgets').find().sort({ _id: 1 }).toArray()).map((budget) => String(budget._id));
    return {
      register: await call('GET', '/centres', undefined, admin),
      centres: await Promise.all(centres.map((centreId) => call('GET', `/centres/${centreId}`, undefined, admin))),
      budgets: await Promise.all(budgetIds.map((budgetId) => call('GET', `/budgets/${encodeURIComponent(budgetId)}`, undefined, admin))),
      ledgers: await Promise.all(centres.map((centreId) => call('GET', `/centres/${centreId}/ledger`, undefined, admin))),
      reconciliations: await Promise.all(centres.map((centreId) => call('GET', `/centres/${centreId}/reconciliation?from=${period.from}&to=${period.to}`, undefined, admin))),
      histories: await Promise.all(Array.from({ length: 6 }, (_, serial) => call('GET', `/households/hh-${serial}/assistance`, undefined, admin))),
    };
  }

  it('equal the live ones, document for document and answer for answer', async () => {
    await workload();
    const projections = service.app.get(LogProjections);
    expect(projections.status().map(({ name }) => name).sort()).toEqual(Object.keys(readModels).sort());
    const live = await snapshot();
    const liveReadings = await readings();
    expect(live['ledger_entries'].length).toBeGreaterThan(30);
    expect(liveReadings.histories.flatMap((history) => history.grants)).toHaveLength(8);

    // A document changed behind the projections' back comes back as the log says: the rebuild replays, it does not keep.
    for (const name of Object.values(readModels)) await collection(name).updateOne({}, { $set: { tampered: true } });
    for (const name of Object.keys(readModels)) await projections.rebuild(name);

    expect(await snapshot()).toEqual(live);
    expect(await readings()).toEqual(liveReadings);
  });
});
