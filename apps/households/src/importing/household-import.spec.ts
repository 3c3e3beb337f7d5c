import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { storedCommits } from '@khu-siao/event-store/testing';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { createTestContext, type TestContext } from '@khu-siao/testing';
import { startServiceInProcess, type ServiceInProcess } from '@khu-siao/service-runtime';
import { HouseholdsModule } from '../households.module';
import { nationalId } from '../testing-support/household-requests';
import type { ImportReport } from './household-import';
import { tpmapColumns } from './tpmap-csv';

const run = promisify(execFile);
const workspaceRoot = join(__dirname, '..', '..', '..', '..');

type Row = Record<(typeof tpmapColumns)[number], string>;

function row(ref: string, serial: number, relation: string, overrides: Partial<Row> = {}): Row {
  return {
    household_ref: ref,
    source: 'tpmap',
    province_code: '40',
    district_code: '4005',
    tambon_code: '400501',
    village_code: '40050107',
    house_number: `${serial}/1`,
    member_id: `m${serial}`,
    relation,
    title: '',
    first_name: 'บุญมี',
    last_name: 'ศรีสุข',
    national_id: nationalId(serial),
    birth_date: '1975-03-02',
    sex: relation === 'spouse' ? 'female' : 'male',
    disability: 'false',
    chronic_illness: 'no',
    ...overrides,
  };
}

/** 4,900 two-member households (9,800 good rows) and 200 one-member households whose row is bad: 10,000 rows, 2% bad. */
function tpmapFile(households = 5_100, prefix = 'KK', serialOffset = 0): { csv: string; badLines: number[] } {
  const rows: Row[] = [];
  const badLines: number[] = [];
  const faults: Partial<Row>[] = [
    { national_id: `${nationalId(900_001).slice(0, 12)}${(Number(nationalId(900_001)[12]) + 1) % 10}` },
    { district_code: '4027', tambon_code: '402701', village_code: '40270101' },
    { first_name: '' },
    { birth_date: '2999-01-01' },
    { sex: 'unknown' },
  ];
  for (let household = 0; household < households; household += 1) {
    const ref = `${prefix}-${String(household).padStart(5, '0')}`;
    if (household % 25 === 7 && badLines.length < 200) {
      rows.push(row(ref, serialOffset + 500_000 + household, 'head', faults[badLines.length % faults.length]));
      badLines.push(rows.length + 1);
      continue;
    }
    rows.push(row(ref, serialOffset + 2 * household + 10, 'head'), row(ref, serialOffset + 2 * household + 11, 'spouse'));
  }
  const body = rows.map((entry) => tpmapColumns.map((column) => entry[column]).join(','));
  return { csv: `${tpmapColumns.join(',')}\n${body.join('\n')}\n`, badLines };
}

describe('importing a TPMAP file', () => {
  let context: TestContext;
  let service: ServiceInProcess;
  /** The file spans two districts (its bad rows name another): only the province's administrator covers it. */
  let administrator: AuthHeaders;
  const { csv, badLines } = tpmapFile();

  beforeAll(async () => {
    context = await createTestContext('household-import');
    service = await startServiceInProcess(HouseholdsModule, context, {
      service: 'households',
      bodyLimit: '20mb',
      acceptsCsv: true,
      openApi: { title: 'households', description: 'spec' },
    });
    administrator = await new LocalSignIn(context.securityEnv).provincialAdministrator('40');
  });
  afterAll(async () => {
    await service.close();
    await context.close();
  });

  const importFile = async (): Promise<ImportReport> => {
    const response = await fetch(`${service.baseUrl}/household-imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...administrator },
      body: csv,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ImportReport;
  };
  const storedEvents = () => storedCommits(context.client.db(service.config.databaseName)).countDocuments({ gap: { $exists: false } });

  it('registers exactly the good rows, reports the bad ones by line, and changes nothing the second time', async () => {
    expect(csv.trim().split('\n')).toHaveLength(10_001);
    const first = await importFile();
    expect(first.rows).toBe(10_000);
    expect(first.households).toEqual({ registered: 4_900, alreadyRegistered: 0, refused: 200 });
    expect(first.refusedRows.map((issue) => issue.line)).toEqual(badLines);
    expect(new Set(first.refusedRows.map((issue) => issue.field))).toEqual(
      new Set(['national_id', 'district_code', 'first_name', 'birth_date', 'sex']),
    );
    expect(JSON.stringify(first)).not.toContain(nationalId(900_001).slice(0, 12));
    expect(await storedEvents()).toBe(4_900);

    const second = await importFile();
    expect(second.households).toEqual({ registered: 0, alreadyRegistered: 4_900, refused: 200 });
    expect(second.refusedRows).toEqual(first.refusedRows);
    expect(await storedEvents()).toBe(4_900);
  });

  it('answers a district officer 403 for a file reaching beyond their district, and registers nothing', async () => {
    const officer = await new LocalSignIn(context.securityEnv).districtOfficer('4005');
    const before = await storedEvents();
    // Fifty households are enough to reach beyond the district: the second bad one names district 4027.
    const body = tpmapFile(50, 'DO', 2_000_000).csv;
    const response = await fetch(`${service.baseUrl}/household-imports`, { method: 'POST', headers: { 'content-type': 'text/csv', ...officer }, body });
    expect(response.status).toBe(403);
    expect(await storedEvents()).toBe(before);
  });

  it('keeps no national ID or name in clear in the event store or the register', async () => {
    const db = context.client.db(service.config.databaseName);
    const stored = JSON.stringify(await storedCommits(db).find().limit(50).toArray());
    expect(stored).toContain('pd1.');
    expect(stored).not.toContain(nationalId(10));
    expect(stored).not.toContain('บุญมี');
    expect(await db.collection('national_id_claims').countDocuments({ _id: nationalId(10) as never })).toBe(0);
    expect(await db.collection('national_id_claims').countDocuments()).toBeGreaterThanOrEqual(9_800);
  });

  it('imports through the command-line tool in chunks, showing progress, with the lines of the whole file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'khu-import-'));
    const small = tpmapFile(150, 'CLI', 1_000_000);
    const file = join(folder, 'small.csv');
    writeFileSync(file, small.csv);
    const rowCount = small.csv.trim().split('\n').length - 1;
    const { stdout, stderr } = await run(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, 'import-cli.ts'), file, '--url', service.baseUrl, '--households-per-request', '40'],
      {
        cwd: workspaceRoot,
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: join(workspaceRoot, 'tsconfig.base.json'),
          HOUSEHOLDS_TOKEN: (administrator['authorization'] ?? '').replace(/^Bearer /, ''),
        },
      },
    );
    expect(stderr.split('\n').filter((line) => line.startsWith('importing')).length).toBeGreaterThan(2);
    expect(stderr).toContain(`importing ${rowCount}/${rowCount} rows [##############################] 100%`);
    const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    expect(summary).toMatchObject({ rows: rowCount, refusedRows: small.badLines.length });
    expect(summary.households.registered).toBe(150 - small.badLines.length);
    expect(stdout).toContain(`line ${small.badLines[0]}:`);
  });
});
