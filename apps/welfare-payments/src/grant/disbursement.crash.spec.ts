import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, streamOf } from '@khu-siao/event-store';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, jsonCall, serviceEnv, startServiceProcess, until, type ServiceProcess, type TestContext } from '@khu-siao/testing';
import { subsidy, subsidyBudget } from '../testing-support/subsidy-budget';
import { householdsTopic } from '../testing-support/welfare-under-test';

const centreId = 'tc-400106';
const cash = (reference: string) => ({ method: 'cashAtCentre', reference });

/**
 * A payment is one commit (its start and, with a reference, its confirmation) under the caller's Idempotency-Key:
 * a service killed before, during or after it leaves nothing pending, and the same request again answers it.
 */
describe('payments whose service is killed around them', () => {
  let context: TestContext;
  let service: ServiceProcess;
  let officer: AuthHeaders;
  let store: EventStore;
  const grantIds: string[] = [];

  beforeAll(async () => {
    context = await createTestContext('welfare-payment-crash');
    await householdsTopic(context);
    service = await startServiceProcess('welfare-payments', serviceEnv(context, 'welfare'));
    const signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.tambonWelfareOfficer(centreId);
    await subsidyBudget(service.baseUrl, await signIn.provincialAdministrator('40'), centreId, 1_000_000);
    for (let serial = 0; serial < 3; serial += 1) grantIds.push((await call('POST', '/grants', subsidy(centreId, 100_000))).body.grantId);
    store = new EventStore(context.database('welfare'), { catalogue: platformCatalogue });
  });

  afterAll(async () => {
    await service?.stop();
    await context?.close();
  });

  function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return jsonCall(service.baseUrl, method, path, body, { ...officer, ...headers });
  }
  const pay = (grantId: string, key: string, reference = `RC-${key}`) => call('POST', `/grants/${grantId}/disbursements`, cash(reference), { 'idempotency-key': key });
  const versionOf = async (grantId: string) => (await store.readStream(streamOf('grant', grantId))).version;

  it('pays each grant exactly once when the same requests are sent again after a SIGKILL and a restart', async () => {
    const [answeredFirst, storedUnanswered, sentAtTheKill] = grantIds;
    // Paid and answered before the kill.
    const answered = await pay(answeredFirst, 'pay-0');
    expect(answered).toMatchObject({ status: 200, body: { outcome: 'paid' } });
    // Stored when the service is killed: looked for without a pause, so that the kill mostly beats the answer (which
    // waits for the read models); answered or not, the assertions are the same.
    const storing = pay(storedUnanswered, 'pay-1').catch(() => 'no answer');
    while ((await versionOf(storedUnanswered)) === 1);
    // Sent as the service is killed: stored or not, never half.
    const sent = pay(sentAtTheKill, 'pay-2').catch(() => 'no answer');
    await service.kill();
    await Promise.all([storing, sent]);

    service = await startServiceProcess('welfare-payments', serviceEnv(context, 'welfare'));
    const again = await Promise.all([pay(answeredFirst, 'pay-0'), pay(storedUnanswered, 'pay-1'), pay(sentAtTheKill, 'pay-2')]);
    expect(again.map((answer) => [answer.status, answer.body.outcome])).toEqual([
      [200, 'paid'],
      [200, 'paid'],
      [200, 'paid'],
    ]);
    expect(again[0].body).toEqual(answered.body);
    for (const grantId of grantIds) {
      const grant = (await call('GET', `/grants/${grantId}`)).body;
      expect({ grantId, status: grant.status, payments: grant.disbursements.length }).toEqual({ grantId, status: 'paid', payments: 1 });
      // Another key now finds the grant paid.
      expect((await pay(grantId, `another-${grantId}`)).status).toBe(409);
    }
    const ledger = await until(async () => {
      const answer = (await call('GET', `/centres/${centreId}/ledger`)).body;
      return answer.entries.filter((entry: { kind: string }) => entry.kind === 'paid').length >= 3 && answer;
    }, 'the three payments in the ledger');
    expect(ledger).toMatchObject({ granted: 300_000, paid: 300_000, paidOut: 300_000, awaitingPayment: 0 });
  });
});
