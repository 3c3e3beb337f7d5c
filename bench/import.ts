/**
 * The TPMAP import at province-to-country sizes, as a province runs it: a generated TPMAP-style CSV (one row per
 * member, 2.5 members per household on average, valid national IDs, Khon Kaen's official area codes), the households
 * and reporting services as processes of their own on servers of this run, and the import CLI
 * (`apps/households/src/importing/import-cli.ts`) with a provincial administrator's token. Prints the import's
 * rate overall and over its first and last tenth, how long reporting takes to catch up after it, the documents
 * written per household by collection, the raw `insertMany` rate of the same store in the same run (and the
 * import's write rate against it), and the peak RSS of every process.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { nationalId, testSecurityEnv } from '@khu-siao/testing';
import { khonKaenTambons } from '@khu-siao/thai-areas';
import type { CommandTotal } from './support/command-times';
import { readFlags } from './support/flags';
import { REPO_ROOT, startBenchInfra } from './support/infra';
import { machine, printTable, ratioText, writeResult } from './support/report';
import { runBench } from './support/run';
import { cpuSeconds, infraPid, jsonCall, startService, type ServiceProcess } from './support/services';
import { perSecond } from './support/stats';

const IMPORT_TARGET_S = { memory: 300, durable: 900 } as const;
const LINEAR_TOLERANCE = 0.2;

const flags = readFlags(
  'Import benchmark: a generated TPMAP-style CSV imported through the households API with the import CLI, as a\n' +
    'province would; the households and reporting services as processes, on servers of this run (fresh per size).\n' +
    'Usage: npx tsx --tsconfig tsconfig.base.json bench/import.ts [options]',
  {
    households: { kind: 'number', help: 'one size only (default: two sizes, 10,000 and 100,000)' },
    durable: { kind: 'boolean', help: 'the platform profile: mongo-java-server on its durable H2 backend' },
    'households-per-request': { kind: 'number', default: 300, help: "the CLI's households per request" },
    'raw-documents': { kind: 'number', default: 100_000, help: 'documents of the raw insertMany baseline (at most those the import wrote)' },
    'raw-batch': { kind: 'number', default: 1_000, help: 'documents per insertMany of the baseline' },
    'catch-up-timeout': { kind: 'number', default: 1_800, help: 'seconds to wait for reporting to catch up after the import' },
    'trace-db': { kind: 'boolean', help: "count the households service's MongoDB commands (per household)" },
    'cpu-profile': { kind: 'boolean', help: 'CPU-profile the households service during the import, into artifacts/bench/' },
    'mongo-port': { kind: 'number', default: 46017, help: 'port for the MongoDB server this run starts' },
    'kafka-port': { kind: 'number', default: 46092, help: 'port for the Kafka broker (controller: +1)' },
  },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** The columns of the TPMAP export the import reads (apps/households/src/importing/tpmap-csv.ts; bench code may not import apps). */
const columns = [
  'household_ref', 'source', 'province_code', 'district_code', 'tambon_code', 'village_code', 'house_number', 'member_id',
  'relation', 'title', 'first_name', 'last_name', 'national_id', 'birth_date', 'sex', 'disability', 'chronic_illness',
] as const;

const FIRST_NAMES = ['สมชาย', 'สมศรี', 'บุญมี', 'ทองดี', 'มาลี', 'ประยุทธ', 'วันเพ็ญ', 'สุนทร'];
const LAST_NAMES = ['ใจดี', 'ศรีสุข', 'มีสุข', 'พรหมมา', 'แก้วมณี', 'บุญเรือง'];
const RELATIONS = ['head', 'spouse', 'child', 'child'];

/**
 * A TPMAP-style file of `households` households of 1 to 4 members (2.5 on average), spread over Khon Kaen's 199
 * tambons and moo 01–06 of each (every tambon has at least 6), each member with a valid, unique national ID.
 */
function writeTpmapFile(file: string, households: number): { rows: number } {
  const lines: string[] = [columns.join(',')];
  let serial = 1_000;
  for (let household = 0; household < households; household += 1) {
    const tambon = khonKaenTambons[household % khonKaenTambons.length];
    const village = `${tambon.code}${String(1 + (Math.floor(household / khonKaenTambons.length) % 6)).padStart(2, '0')}`;
    const size = 1 + (household % 4);
    for (let member = 0; member < size; member += 1) {
      serial += 1;
      const row: Record<(typeof columns)[number], string> = {
        household_ref: `KK-${String(household).padStart(8, '0')}`,
        source: 'tpmap',
        province_code: '40',
        district_code: tambon.districtCode,
        tambon_code: tambon.code,
        village_code: village,
        house_number: `${household % 400}/${member === 0 ? 1 : member}`,
        member_id: `m${member + 1}`,
        relation: RELATIONS[member],
        title: '',
        first_name: FIRST_NAMES[(household + member) % FIRST_NAMES.length],
        last_name: LAST_NAMES[household % LAST_NAMES.length],
        national_id: nationalId(serial),
        birth_date: `${member < 2 ? 1960 + (household % 30) : 2000 + (household % 20)}-0${1 + (member % 9)}-1${household % 10}`,
        sex: member === 1 ? 'female' : member === 0 ? 'male' : household % 2 === 0 ? 'female' : 'male',
        disability: household % 17 === 0 ? 'true' : 'false',
        chronic_illness: household % 11 === 0 ? 'yes' : 'no',
      };
      lines.push(columns.map((column) => row[column]).join(','));
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { rows: lines.length - 1 };
}

/** Peak resident memory per process: VmHWM where the process is still there, else the highest VmRSS sampled. */
class MemoryWatch {
  private readonly peaks = new Map<string, number>();
  private readonly pids = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  watch(name: string, pid: number | undefined): void {
    if (pid !== undefined) this.pids.set(name, pid);
  }

  start(): void {
    this.timer = setInterval(() => this.sample(), 1_000);
    this.timer.unref();
  }

  sample(): void {
    for (const [name, pid] of this.pids) {
      const kib = statusKib(pid, 'VmHWM') ?? statusKib(pid, 'VmRSS');
      if (kib !== undefined) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, kib));
    }
    this.peaks.set('bench', Math.max(this.peaks.get('bench') ?? 0, Math.round(process.memoryUsage().rss / 1024)));
  }

  stop(): Record<string, number> {
    this.sample();
    clearInterval(this.timer);
    return Object.fromEntries([...this.peaks].map(([name, kib]) => [name, Math.round(kib / 1024)]));
  }
}

function statusKib(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

interface Progress {
  readonly atMs: number;
  readonly households: number;
}

interface CliRun {
  readonly startedMs: number;
  readonly endedMs: number;
  readonly progress: Progress[];
  readonly summary: { rows: number; households: { registered: number; alreadyRegistered: number; refused: number }; refusedRows: number };
}

/** Runs the import CLI as a province does; its progress lines (one per request, stderr) are timed as they come. */
function runImportCli(file: string, baseUrl: string, token: string, memory: MemoryWatch): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const startedMs = now();
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('apps', 'households', 'src', 'importing', 'import-cli.ts'), file, '--url', baseUrl,
        '--households-per-request', String(flags['households-per-request'])],
      { cwd: REPO_ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', HOUSEHOLDS_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    memory.watch('import CLI', child.pid);
    const progress: Progress[] = [];
    let stdout = '';
    let pending = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const atMs = now();
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const counts = /registered (\d+)\s+already (\d+)\s+refused (\d+)/.exec(line);
        if (counts) progress.push({ atMs, households: Number(counts[1]) + Number(counts[2]) + Number(counts[3]) });
        else errors += `${line}\n`;
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const endedMs = now();
      if (code !== 0) return reject(new Error(`the import CLI exited with ${code}: ${errors.trim()}`));
      const last = stdout.trim().split('\n').pop() ?? '{}';
      resolve({ startedMs, endedMs, progress, summary: JSON.parse(last) as CliRun['summary'] });
    });
  });
}

/** Households per second between the first progress line at or past `from` and the first at or past `to` (fractions). */
function rateBetween(progress: readonly Progress[], total: number, from: number, to: number): number {
  const at = (fraction: number, after = -1) =>
    progress.find((point, index) => index > after && point.households >= fraction * total) ?? progress[progress.length - 1];
  const start = from === 0 ? progress[0] : at(from);
  // At least one request apart, however small the run.
  const end = at(to, progress.indexOf(start));
  return perSecond(end.households - start.households, end.atMs - start.atMs);
}

type Counts = Record<string, number>;

async function countCollections(client: MongoClient, databases: readonly string[]): Promise<Counts> {
  const counts: Counts = {};
  for (const name of databases) {
    const db = client.db(name);
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      counts[`${name.replace(/^bench_import_[0-9a-f]+_/, '')}.${collection}`] = await db.collection(collection).estimatedDocumentCount();
    }
  }
  return counts;
}

interface ReportingStatus {
  readonly projector?: { position: number; archiveHead: number; eventsBehind: number };
  readonly kafka?: { topic: string; behind: number }[];
}

/**
 * Seconds from the import's end until reporting has archived at least one event per registered household and has
 * nothing left behind (archive projected, no Kafka message unconsumed), polled every 500 ms on GET /projections.
 */
async function catchUp(reporting: ServiceProcess, headers: AuthHeaders, headBefore: number, registered: number, endedMs: number): Promise<{ seconds: number; status?: ReportingStatus }> {
  const deadline = endedMs + flags['catch-up-timeout'] * 1000;
  let status: ReportingStatus | undefined;
  while (now() < deadline) {
    const answer = await jsonCall(reporting.baseUrl, 'GET', '/projections', undefined, headers).catch(() => undefined);
    status = answer?.status === 200 ? (answer.body as ReportingStatus) : status;
    const projector = status?.projector;
    if (
      projector &&
      projector.archiveHead - headBefore >= registered &&
      projector.eventsBehind === 0 &&
      (status?.kafka ?? []).every((topic) => topic.behind === 0)
    ) {
      return { seconds: (now() - endedMs) / 1000, status };
    }
    await sleep(500);
  }
  return { seconds: NaN, status };
}

async function reportingHead(reporting: ServiceProcess, headers: AuthHeaders): Promise<number> {
  const answer = await jsonCall(reporting.baseUrl, 'GET', '/projections', undefined, headers);
  return (answer.body as ReportingStatus).projector?.archiveHead ?? 0;
}

/**
 * The baseline: `insertMany` (unordered) of documents shaped like those the import wrote (a sample of each collection
 * it wrote to, in the proportion it wrote them, each with a fresh _id), into one fresh collection of the same server.
 */
async function rawInsertMany(client: MongoClient, runId: string, written: Counts, sources: Record<string, string>): Promise<{ documents: number; seconds: number; perSecond: number }> {
  const templates: Document[] = [];
  const total = Object.values(written).reduce((sum, count) => sum + count, 0);
  for (const [collection, count] of Object.entries(written)) {
    const [db, name] = [sources[collection], collection.slice(collection.indexOf('.') + 1)];
    const share = Math.max(1, Math.round((200 * count) / total));
    const sample = await client.db(db).collection(name).find().limit(share).toArray();
    for (let index = 0; index < share && sample.length > 0; index += 1) templates.push(sample[index % sample.length]);
  }
  const documents = Math.min(flags['raw-documents'], total);
  const target = client.db(`${runId}_raw`).collection('raw_insert');
  await target.insertOne({ warm: true });
  const started = now();
  for (let done = 0; done < documents; done += flags['raw-batch']) {
    const batch = Array.from({ length: Math.min(flags['raw-batch'], documents - done) }, (_, index) => ({
      ...templates[(done + index) % templates.length],
      _id: new ObjectId(),
    }));
    await target.insertMany(batch, { ordered: false });
  }
  const seconds = (now() - started) / 1000;
  await client.db(`${runId}_raw`).dropDatabase();
  return { documents, seconds, perSecond: documents / seconds };
}

async function runSize(households: number): Promise<Record<string, unknown>> {
  const durable = flags.durable;
  const infra = await startBenchInfra({ durable, kafkaPort: flags['kafka-port'], mongoPort: flags['mongo-port'] });
  const client = await new MongoClient(infra.endpoints.mongoUrl).connect();
  const runId = `bench_import_${randomBytes(3).toString('hex')}`;
  const database = (service: string) => `${runId}_${service}`;
  const databases = [database('households'), database('reporting'), database('security')];
  const services: ServiceProcess[] = [];
  const work = mkdtempSync(join(tmpdir(), 'khu-bench-import-'));
  const memory = new MemoryWatch();
  try {
    const file = join(work, 'tpmap.csv');
    const { rows } = writeTpmapFile(file, households);
    say(`${households.toLocaleString('en')} households, ${rows.toLocaleString('en')} rows written to ${file}`);
    const securityEnv = testSecurityEnv(database('security'));
    const headers = await new LocalSignIn(securityEnv).provincialAdministrator('40', 'bench-import');
    const token = headers.authorization.replace(/^Bearer /, '');
    const env = (service: string) => ({
      ...securityEnv,
      MONGO_URL: infra.endpoints.mongoUrl,
      MONGO_DB: database(service),
      KAFKA_BROKERS: infra.endpoints.kafkaBrokers.join(','),
      TOPIC_NAMESPACE: runId,
      LOG_LEVEL: 'warn',
    });
    const profileFile = flags['cpu-profile'] ? join(REPO_ROOT, 'artifacts', 'bench', `import-households-${households}.cpuprofile`) : undefined;
    const householdsService = await startService('households', env('households'), { traceDb: flags['trace-db'], cpuProfile: profileFile });
    services.push(householdsService);
    const reporting = await startService('reporting', env('reporting'), {});
    services.push(reporting);
    const profile = durable ? 'platform' : 'test';
    memory.watch('households', householdsService.pid);
    memory.watch('reporting', reporting.pid);
    memory.watch('kafka (JVM)', infraPid(infra.infraDir, profile, 'kafka'));
    memory.watch('mongo-java-server (JVM)', infraPid(infra.infraDir, profile, 'mongo'));
    memory.start();

    const before = await countCollections(client, databases);
    const headBefore = await reportingHead(reporting, headers);
    await householdsService.takeDbTrace();
    await householdsService.restartCpuProfile();
    const cpuPids = { households: householdsService.pid, reporting: reporting.pid, mongo: infraPid(infra.infraDir, profile, 'mongo'), kafka: infraPid(infra.infraDir, profile, 'kafka') };
    const cpuBefore = Object.fromEntries(Object.entries(cpuPids).map(([name, pid]) => [name, pid === undefined ? undefined : cpuSeconds(pid)]));
    say('importing with the CLI');
    const cli = await runImportCli(file, householdsService.baseUrl, token, memory);
    const importSeconds = (cli.endedMs - cli.startedMs) / 1000;
    const cpuImport = Object.fromEntries(
      Object.entries(cpuPids).map(([name, pid]) => {
        const [was, is] = [cpuBefore[name], pid === undefined ? undefined : cpuSeconds(pid)];
        return [name, was === undefined || is === undefined ? NaN : (is - was) / importSeconds];
      }),
    );
    const dbTrace = await householdsService.takeDbTrace();
    const profileWritten = profileFile ? await householdsService.writeCpuProfile() : undefined;
    const { registered, alreadyRegistered, refused } = cli.summary.households;
    say(`imported in ${importSeconds.toFixed(1)} s; waiting for reporting to catch up`);
    const caughtUp = await catchUp(reporting, headers, headBefore, registered, cli.endedMs);
    const after = await countCollections(client, databases);
    const written: Counts = {};
    const sources: Record<string, string> = {};
    for (const [collection, count] of Object.entries(after)) {
      const delta = count - (before[collection] ?? 0);
      if (delta > 0) {
        written[collection] = delta;
        sources[collection] = `${runId}_${collection.slice(0, collection.indexOf('.'))}`;
      }
    }
    const householdsWritten = Object.entries(written).filter(([name]) => name.startsWith('households.') || name.startsWith('security.'));
    const importDocuments = householdsWritten.reduce((sum, [, count]) => sum + count, 0);
    const importWriteRate = importDocuments / importSeconds;
    say('raw insertMany baseline');
    const raw = await rawInsertMany(client, runId, written, sources);
    const peakRssMiB = memory.stop();

    const overall = registered / importSeconds;
    const firstTenth = rateBetween(cli.progress, households, 0, 0.1);
    const lastTenth = rateBetween(cli.progress, households, 0.9, 1);
    const linear = lastTenth >= (1 - LINEAR_TOLERANCE) * firstTenth;
    const targetS = durable ? IMPORT_TARGET_S.durable : IMPORT_TARGET_S.memory;
    const scaledTarget = (targetS * households) / 100_000;

    process.stdout.write(`\n=== ${households.toLocaleString('en')} households on ${infra.backend} ===\n`);
    printTable('import (CLI start to exit, CSV read included)', [
      ['measure', 'value'],
      ['rows', whole(rows)],
      ['households registered / already / refused', `${registered} / ${alreadyRegistered} / ${refused}`],
      ['import seconds', importSeconds.toFixed(1)],
      ['households/s overall', overall.toFixed(1)],
      ['households/s, first tenth', firstTenth.toFixed(1)],
      ['households/s, last tenth', lastTenth.toFixed(1)],
      ['last tenth / first tenth', ratioText(lastTenth / firstTenth)],
      ['reporting caught up, s after the import', Number.isFinite(caughtUp.seconds) ? caughtUp.seconds.toFixed(1) : `not within ${flags['catch-up-timeout']} s`],
      ['import write rate, documents/s (households + security dbs)', whole(importWriteRate)],
      [`raw insertMany, documents/s (${whole(raw.documents)} in batches of ${flags['raw-batch']})`, whole(raw.perSecond)],
      ['ratio import write rate / raw insertMany', ratioText(importWriteRate / raw.perSecond)],
    ]);
    printTable('documents written per household, by collection', [
      ['collection', 'documents', 'per household'],
      ...Object.entries(written).map(([name, count]) => [name, whole(count), (count / Math.max(registered, 1)).toFixed(2)]),
    ]);
    printTable('peak RSS, MiB', [['process', 'MiB'], ...Object.entries(peakRssMiB).map(([name, mib]) => [name, whole(mib)])]);
    printTable('CPU during the import, cores', [['process', 'cores'], ...Object.entries(cpuImport).map(([name, cores]) => [name, cores.toFixed(2)])]);
    if (dbTrace) {
      printTable("households service's database commands during the import", [
        ['command', 'calls', 'per household', 'total ms', 'ms/call'],
        ...dbTrace.map((total: CommandTotal) => [total.command, whole(total.count), (total.count / Math.max(registered, 1)).toFixed(3), whole(total.totalMs), (total.totalMs / total.count).toFixed(2)]),
      ]);
    }
    printTable('targets', [
      ['measure', 'value', 'target', 'verdict'],
      ['import seconds', importSeconds.toFixed(1), `< ${whole(scaledTarget)} (${targetS} s per 100,000)`, importSeconds < scaledTarget ? 'PASS' : 'MISSED'],
      ['last tenth / first tenth', ratioText(lastTenth / firstTenth), `≥ ${1 - LINEAR_TOLERANCE}`, linear ? 'PASS' : 'MISSED'],
      ['reporting caught up, s', Number.isFinite(caughtUp.seconds) ? caughtUp.seconds.toFixed(1) : '-', '< 60', caughtUp.seconds < 60 ? 'PASS' : 'MISSED'],
    ]);
    if (profileWritten) process.stdout.write(`CPU profile of the households service during the import: ${profileWritten}\n`);
    return {
      households,
      rows,
      backend: infra.backend,
      summary: cli.summary,
      importSeconds,
      householdsPerSecond: { overall, firstTenth, lastTenth, lastOverFirst: lastTenth / firstTenth },
      reportingCaughtUpSeconds: Number.isFinite(caughtUp.seconds) ? caughtUp.seconds : null,
      reportingStatus: caughtUp.status,
      documentsWritten: written,
      documentsPerHousehold: Object.fromEntries(Object.entries(written).map(([name, count]) => [name, count / Math.max(registered, 1)])),
      importWriteRate,
      rawInsertMany: raw,
      ratio: importWriteRate / raw.perSecond,
      peakRssMiB,
      cpuCoresDuringImport: cpuImport,
      databaseCommands: dbTrace,
      progress: cli.progress.map((point) => ({ atS: (point.atMs - cli.startedMs) / 1000, households: point.households })),
    };
  } finally {
    for (const service of services.reverse()) await service.stop();
    await client.close();
    await infra.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = flags.households === undefined ? [10_000, 100_000] : [flags.households];
  const results: Record<string, unknown>[] = [];
  for (const households of sizes) results.push(await runSize(households));
  mkdirSync(join(REPO_ROOT, 'artifacts', 'bench'), { recursive: true });
  const file = writeResult(flags.durable ? 'import-durable' : 'import', {
    name: 'import',
    finishedAt: new Date().toISOString(),
    machine: machine(),
    options: { ...flags },
    sizes: results,
  });
  process.stdout.write(`\nresults written to ${file}\n`);
}

runBench('import', main);
