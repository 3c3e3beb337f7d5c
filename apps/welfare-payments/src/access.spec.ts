import { randomUUID } from 'node:crypto';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { Clock, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, type TestContext, jsonCall } from '@khu-siao/testing';
import { fiscalYearAt } from '@khu-siao/welfare-payments-domain';
import { welfareInProcess } from './testing-support/welfare-under-test';

/** Two tambon centres of Mueang Khon Kaen (province 40): A and B, each paying subsidies from its own budget. */
const centreIds = { A: 'tc-400101', B: 'tc-400102' } as const;
type Centre = keyof typeof centreIds;
const roles = ['officerA', 'admin40', 'admin41', 'auditor', 'analyst', 'fieldOfficial', 'districtOfficer'] as const;
type Role = (typeof roles)[number];
type Call = (caller: AuthHeaders) => Promise<{ status: number; body: { detail?: string } }>;

describe('who may do what in the welfare-payments service', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  const fiscalYear = fiscalYearAt(new Clock().now());
  const as: Partial<Record<Role, AuthHeaders>> = {};
  const officers: Partial<Record<Centre, AuthHeaders>> = {};
  const budgetOf: Partial<Record<Centre, string>> = {};
  const paidOf: Partial<Record<Centre, { grantId: string; disbursementId: string }>> = {};

  const call = (method: string, path: string, body: unknown, caller: AuthHeaders, headers: Record<string, string> = {}) =>
    jsonCall(service.baseUrl, method, path, body, { ...caller, ...headers });
  const admin = () => as.admin40 as AuthHeaders;

  /** A subsidy of one baht, granted by the centre's own officer (setup, not under test). */
  async function freshGrant(centre: Centre): Promise<string> {
    const centreId = centreIds[centre];
    const granted = await call('POST', '/grants', { programmeId: 'subsidy', centreId, recipient: { kind: 'centre', centreId }, amount: 100, reason: 'equipment' }, officers[centre] as AuthHeaders);
    expect(granted.status).toBe(201);
    return granted.body.grantId;
  }
  const pay = (grantId: string, caller: AuthHeaders) =>
    call('POST', `/grants/${grantId}/disbursements`, { method: 'cashAtCentre', reference: 'RC-1' }, caller, { 'idempotency-key': randomUUID() });
  async function freshPaid(centre: Centre) {
    const grantId = await freshGrant(centre);
    const paid = await pay(grantId, officers[centre] as AuthHeaders);
    expect(paid.status).toBe(200);
    return { grantId, disbursementId: paid.body.disbursementId as string };
  }

  beforeAll(async () => {
    context = await createTestContext('welfare-access');
    service = await welfareInProcess(context);
    const signIn = new LocalSignIn(context.securityEnv);
    Object.assign(as, {
      officerA: await signIn.tambonWelfareOfficer(centreIds.A, 'officer-of-a'),
      admin40: await signIn.provincialAdministrator('40'),
      admin41: await signIn.provincialAdministrator('41'),
      auditor: await signIn.auditor(),
      analyst: await signIn.ministryAnalyst(),
      fieldOfficial: await signIn.fieldOfficial('official-7'),
      districtOfficer: await signIn.districtOfficer('4001'),
    });
    Object.assign(officers, { A: as.officerA, B: await signIn.tambonWelfareOfficer(centreIds.B) });
    expect((await call('POST', '/programmes', { programmeId: 'subsidy', name: 'Subsidy', kind: 'centreSubsidy', recipients: ['centre'] }, admin())).status).toBe(201);
    for (const centre of ['A', 'B'] as const) {
      const centreId = centreIds[centre];
      const area = { provinceCode: '40', districtCode: '4001', tambonCode: centreId.slice(3) };
      expect((await call('POST', '/centres', { centreId, name: `ศูนย์ ${centre}`, kind: 'tambonCentre', area }, admin())).status).toBe(201);
      const budget = await call('POST', '/budgets', { centreId, fiscalYear, programmeId: 'subsidy', amount: 100_000_000 }, admin());
      expect(budget.status).toBe(201);
      budgetOf[centre] = budget.body.budgetId;
      paidOf[centre] = await freshPaid(centre);
    }
  });

  afterAll(async () => {
    await service?.close();
    await context?.close();
  });

  /** Every route of the service, on centre A or B where it acts on one. */
  const calls = {
    readProgramme: (caller) => call('GET', '/programmes/subsidy', undefined, caller),
    defineProgramme: (caller) =>
      call('POST', '/programmes', { programmeId: `p-${randomUUID()}`, name: 'Flood relief', kind: 'centreSubsidy', recipients: ['centre'] }, caller),
    registerCentre: (caller) =>
      call('POST', '/centres', { centreId: `tc-${randomUUID()}`, name: 'ศูนย์ใหม่', kind: 'tambonCentre', area: { provinceCode: '40', districtCode: '4001', tambonCode: '400103' } }, caller),
    listCentres: (caller) => call('GET', '/centres?districtCode=4001', undefined, caller),
    readCentreA: (caller) => call('GET', `/centres/${centreIds.A}`, undefined, caller),
    closeCentre: async (caller) => {
      const centreId = `tc-${randomUUID()}`;
      await call('POST', '/centres', { centreId, name: 'ศูนย์ปิด', kind: 'tambonCentre', area: { provinceCode: '40', districtCode: '4001', tambonCode: '400104' } }, admin());
      return call('POST', `/centres/${centreId}/closure`, { reason: 'merged' }, caller);
    },
    allocateAtA: async (caller) => {
      const programmeId = `p-${randomUUID()}`;
      await call('POST', '/programmes', { programmeId, name: 'Flood relief', kind: 'centreSubsidy', recipients: ['centre'] }, admin());
      return call('POST', '/budgets', { centreId: centreIds.A, fiscalYear, programmeId, amount: 100_000 }, caller);
    },
    topUpA: (caller) => call('POST', `/budgets/${encodeURIComponent(budgetOf.A as string)}/top-ups`, { amount: 100, reason: 'second instalment' }, caller),
    readBudgetA: (caller) => call('GET', `/budgets/${encodeURIComponent(budgetOf.A as string)}`, undefined, caller),
    awardAtA: (caller) =>
      call('POST', '/grants', { programmeId: 'subsidy', centreId: centreIds.A, recipient: { kind: 'centre', centreId: centreIds.A }, amount: 100, reason: 'equipment' }, caller),
    awardAtB: (caller) =>
      call('POST', '/grants', { programmeId: 'subsidy', centreId: centreIds.B, recipient: { kind: 'centre', centreId: centreIds.B }, amount: 100, reason: 'equipment' }, caller),
    readGrantA: (caller) => call('GET', `/grants/${paidOf.A?.grantId}`, undefined, caller),
    readGrantB: (caller) => call('GET', `/grants/${paidOf.B?.grantId}`, undefined, caller),
    cancelGrantA: async (caller) => call('POST', `/grants/${await freshGrant('A')}/cancellation`, { reason: 'moved away' }, caller),
    payGrantA: async (caller) => pay(await freshGrant('A'), caller),
    payGrantB: async (caller) => pay(await freshGrant('B'), caller),
    reversePaymentA: async (caller) => {
      const { grantId, disbursementId } = await freshPaid('A');
      return call('POST', `/grants/${grantId}/disbursements/${disbursementId}/reversal`, { reason: 'wrong account' }, caller);
    },
    receiptA: (caller) => call('GET', `/grants/${paidOf.A?.grantId}/disbursements/${paidOf.A?.disbursementId}/receipt`, undefined, caller),
    receiptB: (caller) => call('GET', `/grants/${paidOf.B?.grantId}/disbursements/${paidOf.B?.disbursementId}/receipt`, undefined, caller),
    ledgerA: (caller) => call('GET', `/centres/${centreIds.A}/ledger`, undefined, caller),
    ledgerB: (caller) => call('GET', `/centres/${centreIds.B}/ledger`, undefined, caller),
    reconciliationA: (caller) => call('GET', `/centres/${centreIds.A}/reconciliation`, undefined, caller),
    reconciliationB: (caller) => call('GET', `/centres/${centreIds.B}/reconciliation`, undefined, caller),
    // No household is known to this spec: a caller let through hears 404, one refused 403.
    householdHistory: (caller) => call('GET', '/households/hh-unknown/assistance', undefined, caller),
  } satisfies Record<string, Call>;
  type CallName = keyof typeof calls;

  const allCalls = Object.keys(calls) as CallName[];
  /** Each role's answers: the calls listed are let through with that status, every other call is 403. */
  const allowed: Record<Role, Partial<Record<CallName, number>>> = {
    officerA: {
      readProgramme: 200,
      readCentreA: 200,
      readBudgetA: 200,
      awardAtA: 201,
      readGrantA: 200,
      cancelGrantA: 200,
      payGrantA: 200,
      reversePaymentA: 200,
      receiptA: 200,
      ledgerA: 200,
      reconciliationA: 200,
    },
    admin40: {
      readProgramme: 200,
      defineProgramme: 201,
      registerCentre: 201,
      listCentres: 200,
      readCentreA: 200,
      closeCentre: 200,
      allocateAtA: 201,
      topUpA: 200,
      readBudgetA: 200,
      readGrantA: 200,
      readGrantB: 200,
      cancelGrantA: 200,
      ledgerA: 200,
      ledgerB: 200,
      reconciliationA: 200,
      reconciliationB: 200,
      householdHistory: 404,
    },
    admin41: { readProgramme: 200 },
    auditor: {
      readProgramme: 200,
      listCentres: 200,
      readCentreA: 200,
      readBudgetA: 200,
      readGrantA: 200,
      readGrantB: 200,
      receiptA: 200,
      receiptB: 200,
      ledgerA: 200,
      ledgerB: 200,
      reconciliationA: 200,
      reconciliationB: 200,
      householdHistory: 404,
    },
    analyst: { readProgramme: 200 },
    fieldOfficial: {},
    districtOfficer: { readProgramme: 200 },
  };

  describe.each(roles)('as %s', (role) => {
    it.each(allCalls.map((name) => [name, allowed[role][name] ?? 403] as const))('%s answers %i', async (name, status) => {
      const answer = await calls[name](as[role] as AuthHeaders);
      expect({ name, status: answer.status, detail: answer.body?.detail }).toMatchObject({ name, status });
    });
  });

  it('answers 401 to a call without a token, and 404 for a grant or centre that does not exist', async () => {
    expect((await calls.readProgramme({})).status).toBe(401);
    expect((await calls.payGrantA({})).status).toBe(401);
    expect((await calls.ledgerA({ authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await call('GET', '/grants/no-such-grant', undefined, as.officerA as AuthHeaders)).status).toBe(404);
    expect((await call('GET', '/centres/tc-nowhere/ledger', undefined, as.admin40 as AuthHeaders)).status).toBe(404);
  });

  it('refuses an operator key such as $where in a body or a query with 400', async () => {
    const grantId = await freshGrant('A');
    const injected = await call('POST', `/grants/${grantId}/disbursements`, { method: 'cashAtCentre', reference: 'RC-1', $where: 'sleep(1000)' }, as.officerA as AuthHeaders, {
      'idempotency-key': randomUUID(),
    });
    expect(injected.status).toBe(400);
    expect((await call('GET', `/grants/${grantId}`, undefined, as.officerA as AuthHeaders)).body.status).toBe('awaitingPayment');
    expect((await call('GET', `/centres/${centreIds.A}/reconciliation?from[$gt]=2020-01-01`, undefined, as.officerA as AuthHeaders)).status).toBe(400);
  });

  it('answers a body without its centre, or with a malformed province, 400 naming the field', async () => {
    const noCentre = await call('POST', '/budgets', { fiscalYear: 2565, amount: 100_000 }, as.admin40 as AuthHeaders);
    expect(noCentre.status).toBe(400);
    expect(noCentre.body.errors).toEqual([{ field: 'centreId', message: 'must name the centre' }]);
    const badProvince = await call('POST', '/centres', { centreId: 'tc-bad', area: { provinceCode: '4', districtCode: '4001', tambonCode: '400101' } }, as.admin40 as AuthHeaders);
    expect(badProvince.status).toBe(400);
    expect(badProvince.body.errors).toEqual([{ field: 'area.provinceCode', message: 'must be a 2-digit province code' }]);
  });

  it('records the signed-in person as the actor of what they decide, and a receipt names the centre paid, no person', async () => {
    const { grantId, disbursementId } = paidOf.A as { grantId: string; disbursementId: string };
    const grant = (await call('GET', `/grants/${grantId}`, undefined, as.auditor as AuthHeaders)).body;
    expect(grant).toMatchObject({ approvedBy: 'officer-of-a', disbursements: [{ payment: { paidBy: 'officer-of-a' } }] });
    const receipt = (await call('GET', `/grants/${grantId}/disbursements/${disbursementId}/receipt`, undefined, as.auditor as AuthHeaders)).body;
    expect(receipt).toMatchObject({ recipient: { kind: 'centre', centreId: centreIds.A }, paidBy: 'officer-of-a' });
  });
});
