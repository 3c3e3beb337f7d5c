import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { Clock, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, inParallel, type TestContext, jsonCall, until } from '@khu-siao/testing';
import { fiscalYearAt, fiscalYearRange } from '@khu-siao/welfare-payments-domain';
import { PublishedHouseholds } from './testing-support/published-households';
import { welfareInProcess } from './testing-support/welfare-under-test';

const grant3000 = 300_000;
const householdCount = 420;

describe('the welfare-payments service', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let households: PublishedHouseholds;
  let admin: AuthHeaders;
  const officers = new Map<string, Promise<AuthHeaders>>();
  const fiscalYear = fiscalYearAt(new Clock().now());
  const period = fiscalYearRange(fiscalYear);
  let nextHousehold = 0;
  const household = () => `hh-${nextHousehold++}`;

  beforeAll(async () => {
    context = await createTestContext('welfare-payments');
    const signIn = new LocalSignIn(context.securityEnv);
    admin = await signIn.provincialAdministrator('40');
    officerOf = (centreId) => {
      const known = officers.get(centreId) ?? signIn.tambonWelfareOfficer(centreId);
      officers.set(centreId, known);
      return known;
    };
    households = await PublishedHouseholds.prepare(context);
    service = await welfareInProcess(context);
    await households.register(householdCount);
    await until(async () => (await households.known(service.config.databaseName)) >= householdCount, 'the households consumed');
    expect((await call('POST', '/programmes', { programmeId: 'family-grant', name: 'Family assistance grant', kind: 'familyAssistanceGrant', recipients: ['household'], standardAmount: grant3000 })).status).toBe(201);
    expect((await call('POST', '/programmes', { programmeId: 'centre-subsidy', name: 'Subsidy to centres', kind: 'centreSubsidy', recipients: ['centre'] })).status).toBe(201);
  });

  afterAll(async () => {
    await households?.stop();
    await service?.close();
    await context?.close();
  });

  /** The tambon welfare officer of each centre grants, pays and reads its ledger; the provincial administrator does the rest. */
  let officerOf: (centreId: string) => Promise<AuthHeaders>;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = admin) =>
    jsonCall(service.baseUrl, method, path, body, headers);
  const atCentre = async (centreId: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(method, path, body, { ...(await officerOf(centreId)), ...headers });
  const grantCentre = new Map<string, string>();
  const onGrant = (grantId: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    atCentre(grantCentre.get(grantId) as string, method, `/grants/${grantId}${path}`, body, headers);
  const ledgerOf = (centreId: string) => atCentre(centreId, 'GET', `/centres/${centreId}/ledger`);

  /** Budgets go to centres on the register: each spec centre is registered (in its tambon, or Nai Mueang) first. */
  async function registered(centreId: string) {
    const tambonCode = /^tc-(4001\d{2})$/.exec(centreId)?.[1] ?? '400101';
    const area = { provinceCode: '40', districtCode: '4001', tambonCode };
    const registration = await call('POST', '/centres', { centreId, name: `ศูนย์ช่วยเหลือสังคมตำบล ${centreId}`, kind: 'tambonCentre', area });
    expect([201, 409]).toContain(registration.status);
  }

  async function allocate(centreId: string, amount: number, programmeId = 'family-grant') {
    await registered(centreId);
    const allocated = await call('POST', '/budgets', { centreId, centreKind: 'tambonCentre', fiscalYear, programmeId, amount });
    expect(allocated.status).toBe(201);
    return allocated.body.budgetId as string;
  }

  async function grantTo(centreId: string, householdId: string, extra: Record<string, unknown> = {}) {
    const granted = await atCentre(centreId, 'POST', '/grants', { programmeId: 'family-grant', centreId, recipient: { kind: 'household', householdId }, reason: 'family assistance', ...extra });
    if (granted.status === 201) grantCentre.set(granted.body.grantId, centreId);
    return granted;
  }

  async function grantOk(centreId: string, householdId: string) {
    const granted = await grantTo(centreId, householdId);
    expect(granted.status).toBe(201);
    return granted.body.grantId as string;
  }

  const disburse = (grantId: string, key: string, body: Record<string, unknown> = { method: 'cashAtCentre', reference: `RC-${key}` }) =>
    onGrant(grantId, 'POST', '/disbursements', body, { 'idempotency-key': key });

  it('grants and pays 360 families 3,000 baht each across six centres: 1,080,000 baht in the ledgers and the reconciliation', async () => {
    const started = Date.now();
    const centres = Array.from({ length: 6 }, (_, index) => `tc-40010${index + 1}`);
    for (const centreId of centres) await allocate(centreId, 60 * grant3000);
    const assignments = Array.from({ length: 360 }, (_, index) => ({ centreId: centres[index % 6], householdId: household() }));
    const grantIds = await inParallel(assignments, 12, ({ centreId, householdId }) => grantOk(centreId, householdId));
    const paid = await inParallel(grantIds, 12, (grantId) => disburse(grantId, `pay-${grantId}`));
    expect(paid.every((result) => result.status === 200 && result.body.outcome === 'paid')).toBe(true);

    const ledgers = await Promise.all(centres.map(ledgerOf));
    const reconciliations = await Promise.all(centres.map((centreId) => atCentre(centreId, 'GET', `/centres/${centreId}/reconciliation?from=${period.from}&to=${period.to}`)));
    const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
    expect(total(ledgers.map((ledger) => ledger.body.paidOut))).toBe(108_000_000);
    expect(total(ledgers.map((ledger) => ledger.body.granted))).toBe(108_000_000);
    expect(ledgers.every((ledger) => ledger.body.balance === 0 && ledger.body.awaitingPayment === 0)).toBe(true);
    expect(total(reconciliations.map((report) => report.body.paid.amount))).toBe(108_000_000);
    expect(total(reconciliations.map((report) => report.body.paid.count))).toBe(360);
    expect(reconciliations.every((report) => report.body.balanced && report.body.closingOutstanding.count === 0)).toBe(true);

    const receipt = await onGrant(grantIds[0], 'GET', `/disbursements/${paid[0].body.disbursementId}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ amount: grant3000, amountInBaht: '3,000.00', amountInThaiWords: 'สามพันบาทถ้วน', reversed: false });
    const history = await call('GET', `/households/${assignments[0].householdId}/assistance`);
    expect(history.body.grants).toHaveLength(1);
    expect(history.body.grants[0]).toMatchObject({ grantId: grantIds[0], status: 'paid', amount: grant3000 });
    process.stdout.write(`360 grants granted, paid and reconciled in ${Date.now() - started} ms\n`);
  });

  it('pays once for the same request sent ten times at once with one key, and once for ten keys at once', async () => {
    await allocate('tc-idempotent', 10 * grant3000);
    const first = await grantOk('tc-idempotent', household());
    const sameKey = await Promise.all(Array.from({ length: 10 }, () => disburse(first, 'one-key')));
    expect(sameKey.map((result) => result.status)).toEqual(Array(10).fill(200));
    expect(new Set(sameKey.map((result) => result.body.disbursementId)).size).toBe(1);
    expect((await onGrant(first, 'GET', '')).body.disbursements).toHaveLength(1);

    const second = await grantOk('tc-idempotent', household());
    const tenKeys = await Promise.all(Array.from({ length: 10 }, (_, index) => disburse(second, `key-${index}`)));
    expect(tenKeys.filter((result) => result.status === 200)).toHaveLength(1);
    expect(tenKeys.filter((result) => result.status === 409)).toHaveLength(9);
    const grant = (await onGrant(second, 'GET', '')).body;
    expect(grant.status).toBe('paid');
    expect(grant.disbursements).toHaveLength(1);

    // A later repeat of a key returns the first result, not a second payment.
    const again = await disburse(first, 'one-key');
    expect(again.body).toEqual(sameKey[0].body);
    const ledger = (await ledgerOf('tc-idempotent')).body;
    expect(ledger.paid).toBe(2 * grant3000);
  });

  it('lets concurrent grants that fit the budget through and refuses the rest, never going below zero', async () => {
    const budgetId = await allocate('tc-short', 5 * grant3000);
    const results = await Promise.all(Array.from({ length: 12 }, () => grantTo('tc-short', household())));
    expect(results.filter((result) => result.status === 201)).toHaveLength(5);
    expect(results.filter((result) => result.status === 409)).toHaveLength(7);
    const budget = (await call('GET', `/budgets/${encodeURIComponent(budgetId)}`)).body;
    expect(budget).toMatchObject({ funded: 5 * grant3000, reserved: 5 * grant3000, available: 0, grants: 5 });
    expect((await ledgerOf('tc-short')).body.balance).toBe(0);

    // Cancelling one frees its share; topping up and withdrawing move the funds.
    const cancelled = await onGrant(results.find((result) => result.status === 201)?.body.grantId, 'POST', '/cancellation', { reason: 'moved away' });
    expect(cancelled.status).toBe(200);
    expect((await call('GET', `/budgets/${encodeURIComponent(budgetId)}`)).body.available).toBe(grant3000);
    expect((await call('POST', `/budgets/${encodeURIComponent(budgetId)}/withdrawals`, { amount: 2 * grant3000, reason: 'too much' })).status).toBe(409);
    expect((await call('POST', `/budgets/${encodeURIComponent(budgetId)}/top-ups`, { amount: grant3000, reason: 'second instalment' })).status).toBe(200);
    expect((await call('POST', `/budgets/${encodeURIComponent(budgetId)}/withdrawals`, { amount: 2 * grant3000, reason: 'returned' })).status).toBe(200);
    expect((await ledgerOf('tc-short')).body).toMatchObject({ balance: 0, funded: 4 * grant3000 });
  });

  it('refuses negative, zero, fractional-satang and absurd amounts naming amount, and unknown households or programmes with 404', async () => {
    await allocate('tc-subsidy', 100_000_000, 'centre-subsidy');
    const subsidy = (amount: unknown) =>
      atCentre('tc-subsidy', 'POST', '/grants', { programmeId: 'centre-subsidy', centreId: 'tc-subsidy', recipient: { kind: 'centre', centreId: 'tc-subsidy' }, amount, reason: 'equipment' });
    for (const amount of [-300_000, 0, 150.5, 1e15, 'lots']) {
      const refused = await subsidy(amount);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((issue: { field: string }) => issue.field)).toContain('amount');
    }
    expect((await subsidy(78_000_000)).status).toBe(201);
    const standard = await grantTo('tc-subsidy', household(), { amount: 250_000 });
    expect(standard.status).toBe(400);
    expect(standard.body.errors[0].field).toBe('amount');
    expect((await call('POST', '/budgets', { centreId: 'tc-subsidy', fiscalYear, programmeId: 'family-grant', amount: -5 })).status).toBe(400);

    expect((await grantTo('tc-400101', 'hh-nobody')).status).toBe(404);
    expect((await grantTo('tc-400101', household(), { programmeId: 'no-such-programme' })).status).toBe(404);
    expect((await call('GET', '/households/hh-nobody/assistance')).status).toBe(404);
    const noKey = await onGrant(await grantOk('tc-idempotent', household()), 'POST', '/disbursements', { method: 'cashAtCentre', reference: 'R-1' });
    expect(noKey.status).toBe(400);
  });

  it('records a failed transfer, pays on retry, and reverses the payment with its reason', async () => {
    await allocate('tc-transfer', 2 * grant3000);
    const grantId = await grantOk('tc-transfer', household());
    const transfer = await disburse(grantId, 'transfer-1', { method: 'bankTransfer' });
    expect(transfer.body).toMatchObject({ status: 'disbursing', outcome: 'inFlight' });
    const failed = await onGrant(grantId, 'POST', `/disbursements/${transfer.body.disbursementId}/failure`, { reason: 'account closed' });
    expect(failed.body).toMatchObject({ status: 'awaitingPayment', outcome: 'failed' });
    const retry = await disburse(grantId, 'transfer-2', { method: 'promptPay' });
    const confirmed = await onGrant(grantId, 'POST', `/disbursements/${retry.body.disbursementId}/confirmation`, { reference: 'PP-0001' });
    expect(confirmed.body).toMatchObject({ status: 'paid', outcome: 'paid' });
    const reversed = await onGrant(grantId, 'POST', `/disbursements/${retry.body.disbursementId}/reversal`, { reason: 'paid to the wrong account' });
    expect(reversed.body).toMatchObject({ status: 'awaitingPayment', outcome: 'reversed' });
    expect((await onGrant(grantId, 'POST', `/disbursements/${retry.body.disbursementId}/reversal`, { reason: 'twice' })).status).toBe(409);
    expect((await onGrant(grantId, 'GET', `/disbursements/${retry.body.disbursementId}/receipt`)).body.reversed).toBe(true);
    const ledger = (await ledgerOf('tc-transfer')).body;
    expect(ledger).toMatchObject({ paid: grant3000, reversed: grant3000, paidOut: 0, failedAttempts: 1, awaitingPayment: grant3000 });
    const report = (await atCentre('tc-transfer', 'GET', `/centres/tc-transfer/reconciliation?from=${period.from}&to=${period.to}`)).body;
    expect(report).toMatchObject({ balanced: true, failed: { count: 1 }, reversed: { count: 1, amount: grant3000 }, paidNet: 0 });
  });
  it('gives an erased household no new grant, and keeps its grants, payments, ledger and reconciliation exact', async () => {
    const budgetId = await allocate('tc-erasure', 3 * grant3000);
    const householdId = household();
    const paidBefore = await grantOk('tc-erasure', householdId);
    const payment = await disburse(paidBefore, 'erasure-paid');
    const awaiting = await grantOk('tc-erasure', householdId);

    await households.erase(householdId, period.from);
    await until(async () => (await households.known(service.config.databaseName, { _id: householdId, status: 'erased' })) === 1, 'the erasure consumed');

    const refused = await grantTo('tc-erasure', householdId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(`household ${householdId} was erased: it is given no new grant`);
    expect((await disburse(awaiting, 'erasure-awaiting')).body).toMatchObject({ status: 'paid', outcome: 'paid' });
    expect((await onGrant(paidBefore, 'GET', `/disbursements/${payment.body.disbursementId}/receipt`)).body).toMatchObject({ amount: grant3000, reversed: false });
    expect((await ledgerOf('tc-erasure')).body).toMatchObject({ granted: 2 * grant3000, paidOut: 2 * grant3000, balance: grant3000 });
    const report = (await atCentre('tc-erasure', 'GET', `/centres/tc-erasure/reconciliation?from=${period.from}&to=${period.to}`)).body;
    expect(report).toMatchObject({ balanced: true, paid: { count: 2, amount: 2 * grant3000 } });
    const history = (await call('GET', `/households/${householdId}/assistance`)).body.grants;
    expect(history.map((grant: { grantId: string }) => grant.grantId).sort()).toEqual([paidBefore, awaiting].sort());
    expect((await call('GET', `/budgets/${encodeURIComponent(budgetId)}`)).body).toMatchObject({ reserved: 2 * grant3000, available: grant3000 });
  });
});
