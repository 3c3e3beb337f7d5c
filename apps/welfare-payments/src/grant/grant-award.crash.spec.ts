import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, jsonCall, serviceEnv, startServiceProcess, until, type ServiceProcess, type TestContext } from '@khu-siao/testing';
import { subsidy, subsidyBudget } from '../testing-support/subsidy-budget';
import { householdsTopic } from '../testing-support/welfare-under-test';

const centreId = 'tc-400105';

describe('a grant award whose service dies between the reservation and the grant', () => {
  let context: TestContext;
  let service: ServiceProcess | undefined;
  let officer: AuthHeaders;
  let budgetId: string;

  beforeAll(async () => {
    context = await createTestContext('welfare-award-crash');
    await householdsTopic(context);
    // The failpoint: the service kills itself once the award's reservation is recorded, before the grant is.
    service = await startServiceProcess('welfare-payments', { ...serviceEnv(context, 'welfare'), KHU_CRASH_AFTER_STEP: 'grant-award:reserve' });
    const signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.tambonWelfareOfficer(centreId);
    budgetId = await subsidyBudget(service.baseUrl, await signIn.provincialAdministrator('40'), centreId, 1_000_000);
  });

  afterAll(async () => {
    await service?.stop();
    await context?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall((service as ServiceProcess).baseUrl, method, path, body, { ...officer, ...headers });

  it('is completed when the service starts again: the grant recorded once, the budget holding its amount exactly once', async () => {
    const request = subsidy(centreId, 300_000);
    const cutOff = await call('POST', '/grants', request, { 'idempotency-key': 'award-1' }).then(
      () => 'answered',
      () => 'no answer',
    );
    expect(cutOff).toBe('no answer');
    await service?.stop();
    // Cut off where the failpoint says: the reservation held, no grant recorded.
    const readModel = (name: string) => context.database('welfare').collection(name);
    expect(await readModel('budgets').findOne({ _id: budgetId as never })).toMatchObject({ reserved: 300_000, grants: 1 });
    expect(await readModel('grants').countDocuments()).toBe(0);

    service = await startServiceProcess('welfare-payments', serviceEnv(context, 'welfare'));
    const retry = await call('POST', '/grants', request, { 'idempotency-key': 'award-1' });
    expect(retry).toMatchObject({ status: 201, body: { budgetId, version: 1, status: 'awaitingPayment', amount: 300_000 } });
    const { grantId } = retry.body;
    await until(async () => (await call('GET', `/grants/${grantId}`)).status === 200, 'the resumed grant in the read models');
    expect((await call('GET', `/grants/${grantId}`)).body).toMatchObject({ grantId, status: 'awaitingPayment', amount: 300_000, budgetId });
    expect((await call('GET', `/budgets/${encodeURIComponent(budgetId)}`)).body).toMatchObject({ funded: 1_000_000, reserved: 300_000, available: 700_000, grants: 1 });

    const ledger = await until(async () => {
      const answer = (await call('GET', `/centres/${centreId}/ledger`)).body;
      return answer.entries.some((entry: { kind: string }) => entry.kind === 'granted') && answer;
    }, 'the resumed grant in the ledger');
    expect(ledger).toMatchObject({ funded: 1_000_000, granted: 300_000, balance: 700_000 });
    expect(ledger.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['allocated', 'granted']);
    // The retry answers the award's outcome again, and grants nothing more.
    expect(await call('POST', '/grants', request, { 'idempotency-key': 'award-1' })).toMatchObject({ status: 201, body: retry.body });
    expect((await call('GET', `/budgets/${encodeURIComponent(budgetId)}`)).body).toMatchObject({ reserved: 300_000, grants: 1 });
  });
});
