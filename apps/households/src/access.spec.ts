import type { Db } from 'mongodb';
import { EventStore, streamIdOf } from '@khu-siao/event-store';
import { storedCommits } from '@khu-siao/event-store/testing';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { pendingEventsFor, requestFingerprint, startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, type TestContext, until } from '@khu-siao/testing';
import { householdStream } from './household/household-stream';
import { householdIdFor } from './household/household.handler';
import { HouseholdsModule } from './households.module';
import { assessment, member, nationalId, registration } from './testing-support/household-requests';

type Persona =
  | 'buddy'
  | 'otherOfficial'
  | 'districtOfficer'
  | 'otherDistrictOfficer'
  | 'tambonWelfareOfficer'
  | 'provincialAdministrator'
  | 'otherProvinceAdministrator'
  | 'ministryAnalyst'
  | 'auditor'
  | 'provinceAuditorElsewhere'
  | 'agencyWithinMou'
  | 'agencyOutsideMou';

/** One household in Mueang Khon Kaen (4001), paired with official-7 before it was even registered. */
const householdKey = 'access-spec-household';
/** The district officer and the provincial administrator sign in as themselves: their keys are scoped to them. */
const districtOfficerSubject = 'district-officer-4001';
const administratorSubject = 'provincial-administrator-40';
const householdId = householdIdFor(`person:${districtOfficerSubject}:${householdKey}`);
const path = `/households/${householdId}`;
/** A stale version: a call the guard lets through reaches the command and is refused 409; a refused one is 403. */
const stale = { 'if-match': '"99"' };
const inDistrict = (serial: number) => registration(serial);

interface Row {
  readonly call: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly allowed: readonly Persona[];
  /** The status of an allowed call. */
  readonly status: number;
}

const everyone: readonly Persona[] = [
  'buddy',
  'otherOfficial',
  'districtOfficer',
  'otherDistrictOfficer',
  'tambonWelfareOfficer',
  'provincialAdministrator',
  'otherProvinceAdministrator',
  'ministryAnalyst',
  'auditor',
  'provinceAuditorElsewhere',
  'agencyWithinMou',
  'agencyOutsideMou',
];

const table: readonly Row[] = [
  { call: 'read a household', method: 'GET', path, allowed: ['buddy', 'districtOfficer', 'provincialAdministrator'], status: 200 },
  { call: 'read its timeline', method: 'GET', path: `${path}/timeline`, allowed: ['buddy', 'districtOfficer', 'provincialAdministrator'], status: 200 },
  {
    call: 'search a district',
    method: 'GET',
    path: '/households?districtCode=4001',
    allowed: ['districtOfficer', 'provincialAdministrator', 'agencyWithinMou'],
    status: 200,
  },
  { call: 'search a province', method: 'GET', path: '/households?provinceCode=40', allowed: ['provincialAdministrator'], status: 200 },
  { call: 'search without an area filter', method: 'GET', path: '/households?status=active', allowed: [], status: 200 },
  {
    call: 'update members',
    method: 'PUT',
    path: `${path}/members`,
    body: { members: [member(70_000)] },
    headers: stale,
    allowed: ['buddy', 'districtOfficer'],
    status: 409,
  },
  {
    call: 'move',
    method: 'POST',
    path: `${path}/moves`,
    body: { to: inDistrict(1).address, movedOn: '2022-03-01' },
    headers: stale,
    allowed: ['districtOfficer', 'provincialAdministrator'],
    status: 409,
  },
  {
    call: 'assess',
    method: 'POST',
    path: `${path}/assessments`,
    body: assessment('a-9', '2022-01-27'),
    headers: stale,
    allowed: ['buddy', 'districtOfficer'],
    status: 409,
  },
  {
    call: 'override the classification',
    method: 'POST',
    path: `${path}/classification-overrides`,
    body: { to: 'welfare', reason: 'bedridden head', officialId: 'official-7' },
    headers: stale,
    allowed: ['districtOfficer', 'provincialAdministrator'],
    status: 409,
  },
  {
    call: 'record plan progress',
    method: 'POST',
    path: `${path}/life-plan/actions/act-1/progress`,
    body: { percentDone: 10, completed: false, recordedOn: '2022-03-01' },
    headers: stale,
    allowed: ['buddy', 'districtOfficer'],
    status: 409,
  },
  {
    call: 'graduate',
    method: 'POST',
    path: `${path}/graduation`,
    body: { graduatedOn: '2022-12-01' },
    headers: stale,
    allowed: ['districtOfficer', 'provincialAdministrator'],
    status: 409,
  },
  {
    call: 'close the case',
    method: 'POST',
    path: `${path}/closure`,
    body: { closedOn: '2022-12-01', reason: 'movedAway' },
    headers: stale,
    allowed: ['districtOfficer', 'provincialAdministrator'],
    status: 409,
  },
  {
    call: 'read a full national ID',
    method: 'GET',
    path: `${path}/members/m-60000/national-id?purpose=${encodeURIComponent('identity check before a grant')}`,
    allowed: ['buddy', 'districtOfficer'],
    status: 200,
  },
  {
    call: 'read who read full national IDs',
    method: 'GET',
    path: `/audit/full-id-reads?householdId=${householdId}`,
    allowed: ['auditor'],
    status: 200,
  },
  {
    // An invalid request, so that the one allowed through is refused by validation and nothing is erased.
    call: 'erase',
    method: 'POST',
    path: `${path}/erasure`,
    body: { erasedOn: 'not a date', basis: 'dataSubjectRequest', requestRef: 'DPO/never' },
    allowed: ['provincialAdministrator'],
    status: 400,
  },
];

describe('who may do what to a household, through HTTP', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let db: Db;
  const as: Partial<Record<Persona, AuthHeaders>> = {};
  let signIn: LocalSignIn;

  beforeAll(async () => {
    context = await createTestContext('households-access');
    service = await startServiceInProcess(HouseholdsModule, context, {
      service: 'households',
      openApi: { title: 'households', description: 'spec' },
      consumes: { group: 'households-listing', from: ['pairings'] },
      identityProvider: true,
    });
    db = context.client.db(service.config.databaseName);
    signIn = new LocalSignIn(context.securityEnv);
    const registerOps = ['households.register', 'households.search'] as const;
    Object.assign(as, {
      buddy: await signIn.fieldOfficial('official-7'),
      otherOfficial: await signIn.fieldOfficial('official-8'),
      districtOfficer: await signIn.districtOfficer('4001', districtOfficerSubject),
      otherDistrictOfficer: await signIn.districtOfficer('4005'),
      tambonWelfareOfficer: await signIn.tambonWelfareOfficer('centre-400101'),
      provincialAdministrator: await signIn.provincialAdministrator('40', administratorSubject),
      otherProvinceAdministrator: await signIn.provincialAdministrator('41'),
      ministryAnalyst: await signIn.ministryAnalyst(),
      auditor: await signIn.auditor(),
      provinceAuditorElsewhere: await signIn.person('auditor', [{ level: 'province', provinceCode: '41' }]),
      agencyWithinMou: await signIn.agency('agency-dsdw', registerOps, [{ level: 'district', districtCode: '4001' }]),
      agencyOutsideMou: await signIn.agency('agency-far', registerOps, [{ level: 'district', districtCode: '4005' }]),
    } satisfies Record<Persona, AuthHeaders>);

    // The pairing arrives before the household is listed: it must not be lost.
    await pair(householdId, 'pairing-1', 'official-7', 1);
    await waitForListing(householdId, (listing) => (listing?.['buddyOfficialIds'] as string[] | undefined)?.includes('official-7') === true);
    const created = await call('districtOfficer', 'POST', '/households', registration(60_000), { 'idempotency-key': householdKey });
    expect(created.status).toBe(201);
    expect(created.body.householdId).toBe(householdId);
    await waitForListing(householdId, (listing) => listing?.['status'] === 'active');
  });
  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const call = (persona: Persona | undefined, method: string, target: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(service.baseUrl, method, target, body, { ...(persona ? as[persona] : {}), ...headers });

  /** What the pairings service would publish: a pairing stream's event, through the outbox and Kafka. */
  async function pair(forHousehold: string, pairingId: string, officialId: string, expectedVersion: number, replacesPairingId?: string) {
    const store = service.app.get(EventStore);
    const data = { pairingId, householdId: forHousehold, officialId, pairedOn: '2022-01-20', ...(replacesPairingId ? { replacesPairingId } : {}) };
    await store.append({ aggregateType: 'pairing', aggregateId: forHousehold }, expectedVersion - 1, pendingEventsFor([{ type: 'HouseholdPaired', data }], { kind: 'person', id: 'officer' }));
  }

  async function waitForListing(id: string, ready: (listing: Record<string, unknown> | null) => boolean) {
    return until(async () => {
      const listing = await db.collection('household_listing').findOne({ _id: id as never });
      return ready(listing) && listing;
    }, `the listing of ${id} to show the change`);
  }

  describe.each(table)('$call', (row) => {
    it.each(everyone.map((persona) => [persona, row.allowed.includes(persona) ? row.status : 403] as const))(
      'answers %s %i',
      async (persona, expected) => {
        const response = await call(persona, row.method, row.path, row.body, row.headers);
        expect(response.status).toBe(expected);
      },
    );
  });

  it('answers 401 without a token, and 404 for a household that does not exist', async () => {
    expect((await call(undefined, 'GET', path)).status).toBe(401);
    expect((await call('districtOfficer', 'GET', '/households/0190a000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('lets an agency register within its MOU only, and never act on what its MOU does not list', async () => {
    const within = await call('agencyWithinMou', 'POST', '/households', registration(61_000));
    expect(within.status).toBe(201);
    expect(within.body.householdId).toEqual(expect.any(String));
    const outside = await call('agencyOutsideMou', 'POST', '/households', registration(61_100));
    expect(outside.status).toBe(403);
    const searchOnly = await signIn.agency('agency-search', ['households.search'], [{ level: 'district', districtCode: '4001' }]);
    expect((await jsonCall(service.baseUrl, 'POST', '/households', registration(61_200), searchOnly)).status).toBe(403);
  });

  it('shows national IDs masked and names opened to who may read the household, and nothing of a person in search', async () => {
    const read = await call('buddy', 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body.members[0]).toMatchObject({ nationalId: `xxxxxxxxx${nationalId(60_000).slice(-4)}`, firstName: 'สมชาย', birthDate: '1980-05-01' });
    expect(read.body.address.houseNumber).toBe('12');
    const found = await call('districtOfficer', 'GET', '/households?districtCode=4001');
    expect(found.body.items.map((item: { householdId: string }) => item.householdId)).toContain(householdId);
    const listed = JSON.stringify(found.body);
    for (const personal of ['สมชาย', 'ใจดี', '1980-05-01', nationalId(60_000).slice(-4), 'pd1.']) expect(listed).not.toContain(personal);
    const stored = JSON.stringify(await db.collection('household_listing').find().toArray());
    for (const personal of ['สมชาย', '1980-05-01', 'pd1.']) expect(stored).not.toContain(personal);
  });

  it('follows a reassignment: the new buddy gains the household, the one replaced loses it', async () => {
    await pair(householdId, 'pairing-2', 'official-8', 2, 'pairing-1');
    await waitForListing(householdId, (listing) => (listing?.['buddyOfficialIds'] as string[] | undefined)?.join() === 'official-8');
    expect((await call('otherOfficial', 'GET', path)).status).toBe(200);
    expect((await call('buddy', 'GET', path)).status).toBe(403);
    await pair(householdId, 'pairing-3', 'official-7', 3, 'pairing-2');
    await waitForListing(householdId, (listing) => (listing?.['buddyOfficialIds'] as string[] | undefined)?.join() === 'official-7');
  });

  it('records a full national-ID read, with its purpose, for the auditor, and refuses one without a purpose', async () => {
    const purpose = 'verifying identity for the disability allowance';
    const full = await call('buddy', 'GET', `${path}/members/m-60000/national-id?purpose=${encodeURIComponent(purpose)}`);
    expect(full.body).toEqual({ householdId, memberId: 'm-60000', nationalId: nationalId(60_000) });
    expect((await call('buddy', 'GET', `${path}/members/m-60000/national-id`)).status).toBe(400);
    expect((await call('buddy', 'GET', `${path}/members/m-60000/national-id?purpose=`)).status).toBe(400);
    const audit = await call('auditor', 'GET', `/audit/full-id-reads?householdId=${householdId}`);
    expect(audit.status).toBe(200);
    expect(audit.body.reads).toContainEqual(
      expect.objectContaining({ householdId, memberId: 'm-60000', purpose, reader: expect.objectContaining({ subject: 'official-7', roles: ['fieldOfficial'] }) }),
    );
    expect(JSON.stringify(audit.body)).not.toContain(nationalId(60_000));
  });

  it('answers 400 to query operators hidden in a body', async () => {
    const hidden = { ...registration(62_000), members: [member(62_000, { firstName: { $gt: '' } })] };
    expect((await call('districtOfficer', 'POST', '/households', hidden)).status).toBe(400);
    expect((await call('districtOfficer', 'POST', '/households', { ...registration(62_100), $where: 'sleep(1000)' })).status).toBe(400);
  });

  it('answers a malformed area 400 naming the field (read before validation, it is not weighed as an area)', async () => {
    const base = registration(62_200);
    const malformed = { ...base, address: { ...base.address, area: { ...base.address.area, districtCode: '4O01' } } };
    const answer = await call('districtOfficer', 'POST', '/households', malformed);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'address.area.districtCode', message: 'must be a 4-digit code' }]);
  });

  it('erases a household: no name or ID left in its stored events, reads answer erased fields, its figures stay', async () => {
    const people = [
      member(63_000, { firstName: 'มาลี', lastName: 'ศรีสุขสันต์', birthDate: '1961-02-03' }),
      member(63_001, { relation: 'spouse', sex: 'female', firstName: 'บุญเรือน', lastName: 'ศรีสุขสันต์' }),
    ];
    const created = await call('districtOfficer', 'POST', '/households', { ...registration(63_000), address: { ...inDistrict(1).address, houseNumber: '77/7' }, members: people });
    expect(created.status).toBe(201);
    const erasedId: string = created.body.householdId;
    const assessed = await call('districtOfficer', 'POST', `/households/${erasedId}/assessments`, assessment('a-1', '2022-01-27', { income: ['low'] }), { 'if-match': '"1"' });
    expect(assessed.status).toBe(200);
    const clear = ['มาลี', 'บุญเรือน', 'ศรีสุขสันต์', '1961-02-03', '77/7', nationalId(63_000), nationalId(63_001)];
    const erasure = { erasedOn: '2024-12-01', basis: 'dataSubjectRequest', requestRef: 'DPO/2024/017' };

    expect((await call('districtOfficer', 'POST', `/households/${erasedId}/erasure`, erasure)).status).toBe(403);
    const erased = await call('provincialAdministrator', 'POST', `/households/${erasedId}/erasure`, erasure);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ householdId: erasedId, version: 3 });
    expect((await call('provincialAdministrator', 'POST', `/households/${erasedId}/erasure`, { ...erasure, requestRef: 'DPO/2024/018' })).status).toBe(409);

    const documents = JSON.stringify(await storedCommits(db).find({ streamId: streamIdOf(householdStream(erasedId)) }).toArray());
    expect(documents).toContain('HouseholdErased');
    for (const value of clear) expect(documents).not.toContain(value);

    const read = await call('districtOfficer', 'GET', `/households/${erasedId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ memberCount: 2, erasedOn: '2024-12-01', classification: { current: 'developable' } });
    expect(read.body.members[0]).toMatchObject({ nationalId: { erased: true }, firstName: { erased: true }, birthDate: { erased: true }, sex: 'male' });
    expect(read.body.address).toEqual({ area: inDistrict(1).address.area, houseNumber: { erased: true } });
    const timeline = await call('districtOfficer', 'GET', `/households/${erasedId}/timeline`);
    for (const value of clear) expect(JSON.stringify(timeline.body)).not.toContain(value);
    const full = await call('districtOfficer', 'GET', `/households/${erasedId}/members/m-63000/national-id?purpose=audit+request`);
    expect(full.body.nationalId).toEqual({ erased: true });

    const again = await call('districtOfficer', 'POST', `/households/${erasedId}/assessments`, assessment('a-2', '2022-02-27'), { 'if-match': '"3"' });
    expect(again.status).toBe(409);
    const sameIdElsewhere = await call('districtOfficer', 'POST', '/households', { ...registration(64_000), members: [people[0]] });
    expect(sameIdElsewhere.status).toBe(201);
    const listing = await waitForListing(erasedId, (document) => document?.['erased'] === true);
    expect(listing).toMatchObject({ memberCount: 2, classification: 'developable', districtCode: '4001' });
  });

  it('finishes an erasure whose key was not destroyed before the process died, when the request is retried', async () => {
    const created = await call('districtOfficer', 'POST', '/households', registration(65_000));
    const id: string = created.body.householdId;
    const store = service.app.get(EventStore);
    const erasure = { erasedOn: '2024-12-01', basis: 'dataSubjectRequest', requestRef: 'DPO/2024/020' };
    // The append went through, then the process died: the key is still there.
    const administrator = { kind: 'person', id: administratorSubject } as const;
    await store.append(
      householdStream(id),
      1,
      pendingEventsFor([{ type: 'HouseholdErased', data: erasure }], administrator, { idempotencyKey: `person:${administratorSubject}:erase-65000` }),
      { request: requestFingerprint('POST', `/households/${id}/erasure`, erasure) },
    );
    const dataKeys = context.client.db(service.config.securityDatabaseName).collection('data_keys');
    expect(await dataKeys.findOne({ _id: id as never, wrapped: { $exists: true } })).not.toBeNull();
    const retried = await call('provincialAdministrator', 'POST', `/households/${id}/erasure`, erasure, { 'idempotency-key': 'erase-65000' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ householdId: id, version: 2 });
    expect(await dataKeys.findOne({ _id: id as never })).toEqual({ _id: id, erasedAt: expect.any(Date) });
    expect((await call('districtOfficer', 'POST', '/households', { ...registration(65_100), members: [member(65_000)] })).status).toBe(201);
  });
});
