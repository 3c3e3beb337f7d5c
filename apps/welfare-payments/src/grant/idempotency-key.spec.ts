import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import type { ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, type TestContext } from '@khu-siao/testing';
import { subsidy as subsidyOf, subsidyBudget } from '../testing-support/subsidy-budget';
import { welfareInProcess } from '../testing-support/welfare-under-test';

const centreId = 'tc-400101';

describe('an Idempotency-Key on the grant and payment routes', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let officer: AuthHeaders;
  let otherOfficer: AuthHeaders;
  let budgetId: string;

  beforeAll(async () => {
    context = await createTestContext('welfare-keys');
    service = await welfareInProcess(context);
    const signIn = new LocalSignIn(context.securityEnv);
    const admin = await signIn.provincialAdministrator('40');
    officer = await signIn.tambonWelfareOfficer(centreId, 'officer-1');
    otherOfficer = await signIn.tambonWelfareOfficer(centreId, 'officer-2');
    budgetId = await subsidyBudget(service.baseUrl, admin, centreId, 1_000_000);
  });

  afterAll(async () => {
    await service?.close();
    await context?.close();
  });

  const subsidy = (amount: number, reason?: string) => subsidyOf(centreId, amount, reason);
  const grant = (body: unknown, key: string, caller = officer) => jsonCall(service.baseUrl, 'POST', '/grants', body, { ...caller, 'idempotency-key': key });
  const pay = (grantId: string, body: unknown, key: string) => jsonCall(service.baseUrl, 'POST', `/grants/${grantId}/disbursements`, body, { ...officer, 'idempotency-key': key });
  const budget = async () => (await jsonCall(service.baseUrl, 'GET', `/budgets/${encodeURIComponent(budgetId)}`, undefined, officer)).body;

  it('grants once for the same request, refuses it for another request (422), and is the caller’s own', async () => {
    const first = await grant(subsidy(100_000), 'grant-key');
    expect(first.status).toBe(201);
    const again = await grant(subsidy(100_000), 'grant-key');
    expect(again).toMatchObject({ status: 201, body: first.body });

    for (const other of [subsidy(100_000, 'another reason'), subsidy(200_000)]) {
      const reused = await grant(other, 'grant-key');
      expect(reused.status).toBe(422);
      expect(reused.body.type).toBe('https://khu-siao.go.th/problems/idempotency-key-reused');
    }
    // Another caller's equal key is another key: a grant of its own.
    const theirs = await grant(subsidy(200_000), 'grant-key', otherOfficer);
    expect(theirs.status).toBe(201);
    expect(theirs.body.grantId).not.toBe(first.body.grantId);
    expect(await budget()).toMatchObject({ reserved: 300_000, grants: 2 });
  });

  it('refuses a key again for another request even when its first request was refused', async () => {
    expect((await grant(subsidy(5_000_000), 'too-much')).status).toBe(409);
    expect((await grant(subsidy(5_000_000), 'too-much')).status).toBe(409);
    expect((await grant(subsidy(100_000), 'too-much')).status).toBe(422);
  });

  it('pays once for the same request, and refuses the key for another body or another grant (422)', async () => {
    const grantId = (await grant(subsidy(100_000), 'to-pay')).body.grantId;
    const otherGrantId = (await grant(subsidy(100_000), 'to-pay-too')).body.grantId;
    const paid = await pay(grantId, { method: 'cashAtCentre', reference: 'RC-1' }, 'pay-key');
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'paid' } });
    expect(await pay(grantId, { method: 'cashAtCentre', reference: 'RC-1' }, 'pay-key')).toMatchObject({ status: 200, body: paid.body });

    const otherBody = await pay(grantId, { method: 'cashAtCentre', reference: 'RC-2' }, 'pay-key');
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.type).toBe('https://khu-siao.go.th/problems/idempotency-key-reused');
    expect((await pay(otherGrantId, { method: 'cashAtCentre', reference: 'RC-1' }, 'pay-key')).status).toBe(422);
    const read = await jsonCall(service.baseUrl, 'GET', `/grants/${grantId}`, undefined, officer);
    expect(read.body.disbursements).toHaveLength(1);
    expect((await jsonCall(service.baseUrl, 'GET', `/grants/${otherGrantId}`, undefined, officer)).body.status).toBe('awaitingPayment');
  });
});
