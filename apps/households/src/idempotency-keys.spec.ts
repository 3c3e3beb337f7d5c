import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, jsonCall, type TestContext } from '@khu-siao/testing';
import { HouseholdsModule } from './households.module';
import type { ImportReport } from './importing/household-import';
import { tpmapColumns } from './importing/tpmap-csv';
import { assessment, member, nationalId, registration } from './testing-support/household-requests';

/** A TPMAP file of `count` one-member households in district 4001. */
function tpmapFile(prefix: string, serial: number, count: number): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const row: Record<(typeof tpmapColumns)[number], string> = {
      household_ref: `${prefix}-${index}`,
      source: 'tpmap',
      province_code: '40',
      district_code: '4001',
      tambon_code: '400101',
      village_code: '40010103',
      house_number: `${index}/2`,
      member_id: 'm1',
      relation: 'head',
      title: '',
      first_name: 'ทองดี',
      last_name: 'มีสุข',
      national_id: nationalId(serial + index),
      birth_date: '1970-04-05',
      sex: 'female',
      disability: 'false',
      chronic_illness: 'false',
    };
    return tpmapColumns.map((column) => row[column]).join(',');
  });
  return `${tpmapColumns.join(',')}\n${rows.join('\n')}\n`;
}

describe('an Idempotency-Key is the caller’s, held with the request it came with', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let officer: AuthHeaders;
  /** Another officer of the same district: the same key from them is another key. */
  let colleague: AuthHeaders;

  beforeAll(async () => {
    context = await createTestContext('households-keys');
    service = await startServiceInProcess(HouseholdsModule, context, {
      service: 'households',
      acceptsCsv: true,
      openApi: { title: 'households', description: 'spec' },
    });
    const signIn = new LocalSignIn(context.securityEnv);
    officer = await signIn.districtOfficer('4001');
    colleague = await signIn.districtOfficer('4001');
  });
  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const register = (as: AuthHeaders, key: string, body: unknown) => jsonCall(service.baseUrl, 'POST', '/households', body, { ...as, 'idempotency-key': key });
  const importFile = async (as: AuthHeaders, key: string, csv: string) => {
    const response = await fetch(`${service.baseUrl}/household-imports`, { method: 'POST', headers: { 'content-type': 'text/csv', 'idempotency-key': key, ...as }, body: csv });
    return { status: response.status, body: (await response.json()) as ImportReport & { detail?: string } };
  };

  it('answers a retry with the same key and body with the first result: the same household, registered once', async () => {
    const first = await register(officer, 'keys-retry', registration(80_000));
    const retry = await register(officer, 'keys-retry', registration(80_000));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ householdId: expect.any(String), version: 1, changed: true });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ householdId: first.body.householdId, version: 1, changed: false });
    const timeline = await jsonCall(service.baseUrl, 'GET', `/households/${first.body.householdId}/timeline`, undefined, officer);
    expect(timeline.body.entries).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and registers nothing of it', async () => {
    expect((await register(officer, 'keys-reused', registration(81_000))).status).toBe(201);
    const reused = await register(officer, 'keys-reused', registration(81_100));
    expect(reused.status).toBe(422);
    expect(JSON.stringify(reused.body)).not.toContain(nationalId(81_100));
    // Its people were not claimed: they register without the key.
    expect((await jsonCall(service.baseUrl, 'POST', '/households', registration(81_100), officer)).status).toBe(201);
  });

  it('keeps the same key from two callers apart: two households, neither told of the other', async () => {
    const mine = await register(officer, 'keys-shared', registration(82_000));
    const theirs = await register(colleague, 'keys-shared', registration(82_100));
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.changed).toBe(true);
    expect(theirs.body.householdId).not.toBe(mine.body.householdId);
    const again = await register(officer, 'keys-shared', registration(82_000));
    expect(again.body).toEqual({ householdId: mine.body.householdId, version: 1, changed: false });
  });

  it('refuses a key used for one change of a household on another change of it', async () => {
    const { body } = await jsonCall(service.baseUrl, 'POST', '/households', registration(83_000), officer);
    const path = `/households/${body.householdId}`;
    const headers = { ...officer, 'idempotency-key': 'keys-assess', 'if-match': '"1"' };
    const assessed = await jsonCall(service.baseUrl, 'POST', `${path}/assessments`, assessment('a-1', '2022-01-27'), headers);
    expect(assessed.body).toMatchObject({ version: 2, changed: true });
    const retried = await jsonCall(service.baseUrl, 'POST', `${path}/assessments`, assessment('a-1', '2022-01-27'), headers);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ version: 2, changed: false });
    const members = { members: [member(83_000)] };
    expect((await jsonCall(service.baseUrl, 'PUT', `${path}/members`, members, headers)).status).toBe(422);
  });

  it('answers an import retried with its key as registered once, and refuses the key with another file (422)', async () => {
    const file = tpmapFile('KEYS', 84_000, 5);
    const first = await importFile(officer, 'keys-import', file);
    expect(first.body.households).toEqual({ registered: 5, alreadyRegistered: 0, refused: 0 });
    const retry = await importFile(officer, 'keys-import', file);
    expect(retry.body.households).toEqual({ registered: 0, alreadyRegistered: 5, refused: 0 });
    const other = await importFile(officer, 'keys-import', tpmapFile('OTHER', 84_100, 3));
    expect(other.status).toBe(422);
    // Nothing of the other file was registered: the same file under a new key registers all of it.
    const fresh = await importFile(officer, 'keys-import-2', tpmapFile('OTHER', 84_100, 3));
    expect(fresh.body.households).toEqual({ registered: 3, alreadyRegistered: 0, refused: 0 });
    // Another caller's import under the same key is their own request, not a reuse of this one.
    const theirs = await importFile(colleague, 'keys-import', tpmapFile('THEIRS', 84_200, 2));
    expect(theirs.body.households).toEqual({ registered: 2, alreadyRegistered: 0, refused: 0 });
  });
});
