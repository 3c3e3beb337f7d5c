import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { Clock, type ServiceInProcess } from '@khu-siao/service-runtime';
import { createTestContext, type TestContext, jsonCall } from '@khu-siao/testing';
import { fiscalYearAt } from '@khu-siao/welfare-payments-domain';
import { welfareInProcess } from './testing-support/welfare-under-test';

const banFang = { provinceCode: '40', districtCode: '4002', tambonCode: '400201' };
const wiangKao = { provinceCode: '40', districtCode: '4029', tambonCode: '402901' };

describe('the centre register of the welfare-payments service', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  let signIn: LocalSignIn;
  /** The provincial administrator of Khon Kaen keeps the register and allocates the budgets. */
  let admin: AuthHeaders;
  const fiscalYear = fiscalYearAt(new Clock().now());

  beforeAll(async () => {
    context = await createTestContext('welfare-centres');
    signIn = new LocalSignIn(context.securityEnv);
    admin = await signIn.provincialAdministrator('40');
    service = await welfareInProcess(context);
    const subsidy = { programmeId: 'centre-subsidy', name: 'Subsidy to Community Family Development Centres', kind: 'centreSubsidy', recipients: ['centre'] };
    expect((await call('POST', '/programmes', subsidy)).status).toBe(201);
  });

  afterAll(async () => {
    await service?.close();
    await context?.close();
  });

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    jsonCall(service.baseUrl, method, path, body, { ...admin, ...headers });

  const register = (centreId: string, area: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    call('POST', '/centres', { centreId, name: `ศูนย์ช่วยเหลือสังคมตำบล ${centreId}`, kind: 'tambonCentre', area, ...extra });

  const fieldsOf = (response: { body: { errors?: { field: string }[] } }) => (response.body.errors ?? []).map((issue) => issue.field);

  it('registers a centre in its tambon, reads it back and lists it by district', async () => {
    const registered = await register('tc-400201', banFang);
    expect(registered.status).toBe(201);
    expect(registered.etag).toBe('"1"');
    expect(registered.body).toEqual({ centreId: 'tc-400201', version: 1 });
    expect((await register('cc-400201', banFang, { kind: 'communityCentre', name: 'ศูนย์พัฒนาครอบครัวในชุมชนบ้านฝาง' })).status).toBe(201);
    expect((await register('tc-402901', wiangKao)).status).toBe(201);

    const read = await call('GET', '/centres/tc-400201');
    expect(read.status).toBe(200);
    expect(read.etag).toBe('"1"');
    expect(read.body).toEqual({ centreId: 'tc-400201', name: 'ศูนย์ช่วยเหลือสังคมตำบล tc-400201', kind: 'tambonCentre', status: 'open', area: banFang, version: 1 });

    const banFangCentres = await call('GET', '/centres?districtCode=4002');
    expect(banFangCentres.status).toBe(200);
    expect(banFangCentres.body.total).toBe(2);
    expect(banFangCentres.body.items.map((centre: { centreId: string }) => centre.centreId)).toEqual(['cc-400201', 'tc-400201']);
    expect(banFangCentres.body.items[0]).toMatchObject({ kind: 'communityCentre', status: 'open', area: banFang, version: 1 });
    expect((await call('GET', '/centres?districtCode=4029')).body.items).toEqual([expect.objectContaining({ centreId: 'tc-402901', area: wiangKao })]);
    expect((await call('GET', '/centres?districtCode=4010')).body).toEqual({ total: 0, items: [] });
    expect((await call('GET', '/centres')).body.total).toBeGreaterThanOrEqual(3);
  });

  it('refuses a second registration with 409 and an unknown centre with 404, as problem details', async () => {
    expect((await register('tc-duplicate', banFang)).status).toBe(201);
    const again = await register('tc-duplicate', wiangKao);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, detail: 'centre tc-duplicate is already registered' });
    const unknown = await call('GET', '/centres/tc-nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 404, detail: 'centre tc-nowhere was not found' });
  });

  it('refuses areas outside the 26 districts of Khon Kaen, malformed codes and missing fields with 400 naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...banFang, districtCode: '4026', tambonCode: '402601' }, 'area.districtCode'],
      [{ ...banFang, tambonCode: '400301' }, 'area.tambonCode'],
      [{ ...banFang, tambonCode: '4002' }, 'area.tambonCode'],
      [{ ...banFang, villageCode: '40020101' }, 'area.villageCode'],
    ];
    for (const [area, field] of cases) {
      const refused = await register('tc-refused', area);
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toContain(field);
    }
    const noName = await call('POST', '/centres', { centreId: 'tc-refused', kind: 'tambonCentre', area: banFang });
    expect(new Set(fieldsOf(noName))).toEqual(new Set(['name']));
    const badKind = await register('tc-refused', banFang, { kind: 'villageCentre' });
    expect(fieldsOf(badKind)).toEqual(['kind']);
    expect(fieldsOf(await register('tc refused!', banFang))).toEqual(['centreId']);
    expect((await call('GET', '/centres/tc-refused')).status).toBe(404);
    // A centre in another province is not the Khon Kaen administrator's to register.
    expect((await register('tc-refused', { ...banFang, provinceCode: '41' })).status).toBe(403);

    expect(fieldsOf(await call('GET', '/centres?districtCode=40'))).toEqual(['districtCode']);
    expect(fieldsOf(await call('GET', '/centres?districtCode=4027'))).toEqual(['districtCode']);
  });

  it('allocates budgets only to registered, open centres: 404 naming the centre otherwise, 409 once it is closed', async () => {
    const budget = (centreId: string) => call('POST', '/budgets', { centreId, fiscalYear, programmeId: 'centre-subsidy', amount: 78_000_000 });
    const unregistered = await budget('cc-unregistered');
    expect(unregistered.status).toBe(404);
    expect(unregistered.body.detail).toBe('centre cc-unregistered was not found');

    expect((await register('cc-400202', { ...banFang, tambonCode: '400202' }, { kind: 'communityCentre' })).status).toBe(201);
    // A kind stated by the caller (as clients did before the register) must be the registered one.
    const wrongKind = await call('POST', '/budgets', { centreId: 'cc-400202', centreKind: 'tambonCentre', fiscalYear, programmeId: 'centre-subsidy', amount: 1 });
    expect(wrongKind.status).toBe(400);
    expect(fieldsOf(wrongKind)).toEqual(['centreKind']);
    const allocated = await budget('cc-400202');
    expect(allocated.status).toBe(201);
    expect((await call('GET', `/budgets/${encodeURIComponent(allocated.body.budgetId)}`)).body).toMatchObject({ centreId: 'cc-400202', centreKind: 'communityCentre' });

    // A subsidy may go to a centre on the register only.
    const officer = await signIn.tambonWelfareOfficer('cc-400202');
    const subsidy = (recipient: string) =>
      call('POST', '/grants', { programmeId: 'centre-subsidy', centreId: 'cc-400202', recipient: { kind: 'centre', centreId: recipient }, amount: 100_000, reason: 'equipment' }, officer);
    expect((await subsidy('cc-400202')).status).toBe(201);
    expect((await subsidy('cc-unregistered')).status).toBe(404);

    expect((await register('tc-closing', banFang)).status).toBe(201);
    const closed = await call('POST', '/centres/tc-closing/closure', { reason: 'its local government unit was dissolved' });
    expect(closed.status).toBe(200);
    expect(closed.etag).toBe('"2"');
    expect((await call('GET', '/centres/tc-closing')).body.status).toBe('closed');
    const refused = await budget('tc-closing');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('centre tc-closing is closed: no budget can be allocated to it');
    expect((await call('POST', '/centres/tc-closing/closure', { reason: 'twice' })).status).toBe(409);
    expect((await call('POST', '/centres/tc-nowhere/closure', { reason: 'never was' })).status).toBe(404);
  });

  it('relocates a centre to another tambon at the version last read, and lists it there', async () => {
    expect((await register('tc-moving', banFang)).status).toBe(201);
    const thaPhra = { provinceCode: '40', districtCode: '4001', tambonCode: '400109' };
    const moved = await call('POST', '/centres/tc-moving/relocations', { area: thaPhra, reason: 'merged municipalities' }, { 'if-match': '"1"' });
    expect(moved.status).toBe(200);
    expect(moved.etag).toBe('"2"');
    expect((await call('GET', '/centres/tc-moving')).body).toMatchObject({ area: thaPhra, version: 2 });
    const listed = (await call('GET', '/centres?districtCode=4001&tambonCode=400109')).body.items;
    expect(listed).toEqual([expect.objectContaining({ centreId: 'tc-moving', area: thaPhra, version: 2 })]);
    expect((await call('GET', '/centres?districtCode=4002')).body.items.map((centre: { centreId: string }) => centre.centreId)).not.toContain('tc-moving');

    const stale = await call('POST', '/centres/tc-moving/relocations', { area: banFang, reason: 'back again' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    const outside = await call('POST', '/centres/tc-moving/relocations', { area: { ...banFang, districtCode: '4028', tambonCode: '402801' }, reason: 'nowhere' });
    expect(fieldsOf(outside)).toEqual(['area.districtCode']);
  });
});
