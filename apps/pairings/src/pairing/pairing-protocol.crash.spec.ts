import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, streamOf } from '@khu-siao/event-store';
import { pairingProtocol } from '@khu-siao/pairings-domain';
import type { AuthHeaders } from '@khu-siao/security';
import { createTestContext, jsonCall, official, serviceEnv, startServiceProcess, until, type ServiceProcess, type TestContext } from '@khu-siao/testing';
import { HouseholdsSide } from '../testing-support/pairings-under-test';

/** The step after which the failpoint kills the service: the official's place is taken, the pairing not yet recorded. */
const afterThePlaceIsTaken = `${pairingProtocol.name}:takePlace`;

/**
 * The pairing protocol with its service killed (SIGKILL) between taking the official's caseload place and recording
 * the pairing on the household's stream: started again, the service completes the pairing or gives the place back,
 * and a retry of the request with the same Idempotency-Key answers the outcome.
 */
describe('a pairing whose service died between its two appends', () => {
  let context: TestContext;
  let households: HouseholdsSide;
  let officer: AuthHeaders;
  let store: EventStore;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    context = await createTestContext('pairings-crash');
    households = await HouseholdsSide.create(context, until);
    officer = await households.signIn.districtOfficer('4001');
    store = new EventStore(households.pairingsDb, { catalogue: platformCatalogue });
  });
  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await households?.close();
  });

  const start = async (crashAfterStep?: string) => {
    const env: Record<string, string> = { ...serviceEnv(context, 'pairings'), PAIRINGS_PROVINCE_CODE: '40' };
    if (crashAfterStep) {
      env['KHU_CRASH_AFTER_STEP'] = crashAfterStep;
      // Its topics and consumer group its own: a member killed in a consumer group holds the group's next rebalance,
      // and so the next service's start, until Kafka's session timeout. It learns no household itself.
      env['TOPIC_NAMESPACE'] = `${context.namespace}crashing${running.length}`;
    }
    const service = await startServiceProcess('pairings', env);
    running.push(service);
    return service;
  };
  const call = (service: ServiceProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(service.baseUrl, method, path, body, { ...officer, ...headers });
  const pair = (service: ServiceProcess, householdId: string, officialId: string, key: string) =>
    call(service, 'POST', `/households/${householdId}/buddy`, { officialId }, { 'idempotency-key': key });
  const caseload = async (service: ServiceProcess, officialId: string) =>
    (await call(service, 'GET', `/officials/${officialId}/caseload`)).body.households.map((place: { householdId: string }) => place.householdId);
  const buddyOf = async (service: ServiceProcess, householdId: string) => (await call(service, 'GET', `/households/${householdId}/buddy`)).body.current;
  /** What the stream holds, read from the store the dead service wrote to. */
  const eventTypes = async (aggregateType: string, aggregateId: string) => (await store.readStream(streamOf(aggregateType, aggregateId))).events.map((event) => event.type);

  /** Sends the pair request to a service that dies taking it, and waits until it has exited. */
  const pairAndDie = async (householdId: string, officialId: string, key: string) => {
    const crashing = await start(afterThePlaceIsTaken);
    await expect(pair(crashing, householdId, officialId, key)).rejects.toThrow('fetch failed');
    await crashing.stop();
    expect(await eventTypes('official', officialId)).toEqual(['OfficialEnrolled', 'CaseloadPlaceTaken']);
    expect(await eventTypes('pairing', householdId)).toEqual([]);
  };

  let first: ServiceProcess;
  let householdIds: string[];

  it('completes the pairing once the service runs again, with one place taken, and answers the retry with it', async () => {
    first = await start();
    for (const officialId of ['official-crash-a', 'official-crash-b', 'official-crash-c']) {
      expect((await call(first, 'POST', '/officials', official(officialId, '4001'))).status).toBe(201);
    }
    householdIds = [await households.registerHousehold(), await households.registerHousehold()];
    await first.stop();
    const [householdId] = householdIds;

    await pairAndDie(householdId, 'official-crash-a', 'pair-crash-1');

    const restarted = await start();
    const buddy = await until(async () => buddyOf(restarted, householdId), 'the pairing to be recorded after the restart');
    expect(buddy.officialId).toBe('official-crash-a');
    expect(await caseload(restarted, 'official-crash-a')).toEqual([householdId]);
    const retry = await pair(restarted, householdId, 'official-crash-a', 'pair-crash-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ householdId, pairingId: buddy.pairingId, officialId: 'official-crash-a', version: 1 });
    expect(await eventTypes('official', 'official-crash-a')).toEqual(['OfficialEnrolled', 'CaseloadPlaceTaken']);
    first = restarted;
  });

  it('gives the place back when another official was paired meanwhile, and answers the retry with the refusal', async () => {
    const householdId = householdIds[1];
    await pairAndDie(householdId, 'official-crash-b', 'pair-crash-2');

    // Another instance of the service, running since before the crash, pairs the household with another official.
    expect((await pair(first, householdId, 'official-crash-c', 'pair-crash-3')).status).toBe(201);

    const restarted = await start();
    await until(async () => (await eventTypes('official', 'official-crash-b')).includes('CaseloadPlaceReleased'), 'the place to be given back after the restart');
    expect(await caseload(restarted, 'official-crash-b')).toEqual([]);
    expect(await caseload(restarted, 'official-crash-c')).toEqual([householdId]);
    expect((await buddyOf(restarted, householdId)).officialId).toBe('official-crash-c');
    const retry = await pair(restarted, householdId, 'official-crash-b', 'pair-crash-2');
    expect(retry.status).toBe(409);
    expect(retry.body.detail).toContain('already has a buddy, official official-crash-c');
  });
});
