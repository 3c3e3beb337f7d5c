/**
 * The reporting service's read model: command-to-read-model lag under a steady open-loop load of household
 * registrations, and the speed of a rebuild from the archive, each beside a raw baseline of the same run.
 * Run from the repo root: npx tsx --tsconfig tsconfig.base.json bench/projection.ts --help
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { createKafka } from '@khu-siao/messaging';
import { createLogger } from '@khu-siao/observability';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { registration, testSecurityEnv } from '@khu-siao/testing';
import type { CommandTotal } from './support/command-times';
import { readFlags } from './support/flags';
import { REPO_ROOT, startBenchInfra } from './support/infra';
import { machine, printTable, ratioText, writeResult } from './support/report';
import { runBench } from './support/run';
import {
  closeConnections,
  cpuSeconds,
  infraPid,
  jsonCall,
  limitConnections,
  machineTicks,
  resetConnections,
  startService,
  type ServiceProcess,
} from './support/services';
import { perSecond, quantile } from './support/stats';

const LAG_TARGET_P99_MS = 1_000;
const REBUILD_TARGET_PER_S = 5_000;

const flags = readFlags(
  'Projection benchmark: the households and reporting services run as child processes on servers of their own;\n' +
    'POST /households at a steady open-loop rate, each household timed until it is in the reporting read model;\n' +
    'then a rebuild of the read model from the archive, against a plain driver read of that archive.\n' +
    'Usage: npx tsx --tsconfig tsconfig.base.json bench/projection.ts [options]',
  {
    seconds: { kind: 'number', default: 60, help: 'length of the steady phase, seconds' },
    rate: { kind: 'number', default: 200, help: 'commands per second, sent on a fixed schedule (open loop)' },
    warmup: { kind: 'number', default: 5, help: 'seconds of the same load before the steady phase, not reported' },
    connections: {
      kind: 'number',
      default: 64,
      help:
        'at most this many connections to a service, as an integrating client keeps a pool (the calls beyond wait in ' +
        'the client; their lag still counts from the schedule-time send); 0: no cap, a new connection whenever all are busy',
    },
    poll: { kind: 'number', default: 25, help: 'ms between two visibility queries of the read model' },
    drain: { kind: 'number', default: 120, help: 'seconds to wait, after the last command, for every household to show' },
    'rebuild-timeout': { kind: 'number', default: 600, help: 'seconds to wait for the rebuild to switch' },
    'trace-db': {
      kind: 'boolean',
      help: "count each service's MongoDB commands (driver command monitoring preloaded into it; costs a little CPU)",
    },
    'profile-rebuild': {
      kind: 'boolean',
      help: 'CPU-profile the restarted reporting service (it does little but the second rebuild) into artifacts/bench/',
    },
    'mongo-port': { kind: 'number', default: 48017, help: 'port for the MongoDB server this run starts' },
    'kafka-port': { kind: 'number', default: 48092, help: 'port for the Kafka broker (controller: +1)' },
  },
);

const VILLAGES = ['40010101', '40010102', '40010201', '40020101', '40020102', '40020301'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

/** A household registration as the TPMAP import would send it (1-4 members, unique national IDs). */
/** Every call is made as the provincial administrator of Khon Kaen (registers there, reads and rebuilds the reports). */
let signedIn: AuthHeaders = {};

const registrationOf = (serial: number) => registration(serial, VILLAGES[serial % VILLAGES.length], 1 + (serial % 4));

/** One command of the load, all times from performance.now(). */
interface Command {
  readonly scheduledAt: number;
  sentAt: number;
  respondedAt?: number;
  status?: number;
  failure?: string;
  /** Set when the command opened a new connection: its TCP connect time. */
  connectMs?: number;
  householdId?: string;
  visibleAt?: number;
}

/**
 * Finds when households appear in the reporting read model: every `poll` ms, one `$in` query of all the ids still
 * pending on the active generation's case collection (`projection_state` `_id: 'active'` names the generation).
 * A household counts as visible when the query that found it answered: conservative by at most one poll cycle.
 */
class VisibilityWatch {
  private readonly pending = new Map<string, Command>();
  private running = true;
  private loop?: Promise<void>;
  readonly cycles: number[] = [];
  readonly queryMs: number[] = [];
  private firstFailure?: unknown;

  constructor(private readonly db: Db) {}

  start(): void {
    this.loop = this.run();
  }

  add(householdId: string, command: Command): void {
    this.pending.set(householdId, command);
  }

  size(): number {
    return this.pending.size;
  }

  /** Resolves true once nothing is pending, false at the deadline. */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = now() + timeoutMs;
    while (this.pending.size > 0 && now() < deadline) {
      if (this.firstFailure !== undefined) throw this.firstFailure;
      await sleep(20);
    }
    return this.pending.size === 0;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    const pointer = this.db.collection<{ _id: string; generation: number }>('projection_state');
    let lastStart: number | undefined;
    while (this.running) {
      if (this.pending.size === 0) {
        lastStart = undefined;
        await sleep(flags.poll);
        continue;
      }
      const started = now();
      if (lastStart !== undefined) this.cycles.push(started - lastStart);
      lastStart = started;
      try {
        const active = await pointer.findOne({ _id: 'active' });
        if (active) {
          const ids = [...this.pending.keys()];
          const found = await this.db
            .collection<{ _id: string }>(`g${active.generation}_cases`)
            .find({ _id: { $in: ids } }, { projection: { _id: 1 } })
            .toArray();
          const answered = now();
          this.queryMs.push(answered - started);
          for (const { _id } of found) {
            const command = this.pending.get(_id);
            if (command) command.visibleAt = answered;
            this.pending.delete(_id);
          }
        }
      } catch (error) {
        this.firstFailure ??= error;
      }
      await sleep(Math.max(0, flags.poll - (now() - started)));
    }
  }
}

/** Sends `count` registrations at `rate`/s on a fixed schedule, never waiting for an answer before the next. */
async function drive(baseUrl: string, firstSerial: number, count: number, watch: VisibilityWatch): Promise<Command[]> {
  const commands: Command[] = [];
  const answers: Promise<void>[] = [];
  const start = now() + 20;
  for (let i = 0; i < count; i += 1) {
    const scheduledAt = start + (i * 1000) / flags.rate;
    const wait = scheduledAt - now();
    if (wait > 1) await sleep(wait);
    const command: Command = { scheduledAt, sentAt: now() };
    commands.push(command);
    answers.push(
      jsonCall(baseUrl, 'POST', '/households', registrationOf(firstSerial + i), signedIn).then(
        ({ status, body, connectMs }) => {
          command.respondedAt = now();
          command.status = status;
          command.connectMs = connectMs;
          const householdId = (body as { householdId?: unknown } | undefined)?.householdId;
          if (status === 201 && typeof householdId === 'string') {
            command.householdId = householdId;
            watch.add(householdId, command);
          } else {
            command.failure = `${status} ${JSON.stringify(body).slice(0, 300)}`;
          }
        },
        (error: unknown) => {
          command.respondedAt = now();
          command.failure = error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(answers);
  return commands;
}

interface Quantiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

function quantiles(samples: readonly number[]): Quantiles {
  return {
    count: samples.length,
    p50: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    p99: quantile(samples, 0.99),
    max: quantile(samples, 1),
    mean: samples.length ? samples.reduce((sum, value) => sum + value, 0) / samples.length : NaN,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');
const quantileRow = (name: string, q: Quantiles) => [name, whole(q.count), ms(q.p50), ms(q.p90), ms(q.p99), ms(q.max), ms(q.mean)];

/** How far behind the service says it is, sampled about once a second during the steady phase. */
interface Backlog {
  readonly atS: number;
  readonly eventsBehind: number;
  readonly kafkaBehind: number;
}

function sampleBacklog(baseUrl: string, started: number): { stop: () => Promise<Backlog[]> } {
  const samples: Backlog[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const next = now() + 1_000;
      const answer = await jsonCall(baseUrl, 'GET', '/projections', undefined, signedIn).catch(() => undefined);
      const body = answer?.body as { projector?: { eventsBehind?: number }; kafka?: { behind: number }[] } | undefined;
      if (answer?.status === 200 && body?.projector) {
        samples.push({
          atS: (now() - started) / 1000,
          eventsBehind: body.projector.eventsBehind ?? NaN,
          kafkaBehind: (body.kafka ?? []).reduce((sum, topic) => sum + topic.behind, 0),
        });
      }
      await sleep(Math.max(0, next - now()));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

/** CPU seconds per process over a phase: who used the machine's cores. */
function cpuMeter(pids: Record<string, number | undefined>): () => CpuUse {
  const read = () => ({
    bench: process.cpuUsage(),
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, pid === undefined ? undefined : cpuSeconds(pid)])),
  });
  const before = read();
  const machineBefore = machineTicks();
  const started = now();
  return () => {
    const after = read();
    const machineAfter = machineTicks();
    const wallS = (now() - started) / 1000;
    const usage: Record<string, number> = {};
    // Every process of the machine, whoever started it: the share of its cores that were busy.
    const machineBusy =
      machineBefore && machineAfter
        ? (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)
        : NaN;
    const benchBefore = before.bench as NodeJS.CpuUsage;
    const benchAfter = after.bench as NodeJS.CpuUsage;
    usage['bench (this process)'] = (benchAfter.user + benchAfter.system - benchBefore.user - benchBefore.system) / 1e6;
    for (const name of Object.keys(pids)) {
      const a = (after as Record<string, unknown>)[name];
      const b = (before as Record<string, unknown>)[name];
      if (typeof a === 'number' && typeof b === 'number') usage[name] = a - b;
    }
    return { wallS, cpuSeconds: usage, machineBusy, cores: cpus().length };
  };
}

interface CpuUse {
  readonly wallS: number;
  readonly cpuSeconds: Record<string, number>;
  /** The share of the whole machine's cores that were busy, whoever's work it was. */
  readonly machineBusy: number;
  readonly cores: number;
}

function printCpu(title: string, cpu: CpuUse): void {
  const rows = Object.entries(cpu.cpuSeconds).map(([name, seconds]) => [name, seconds.toFixed(1), `${((100 * seconds) / cpu.wallS).toFixed(0)}%`]);
  const total = Object.values(cpu.cpuSeconds).reduce((sum, seconds) => sum + seconds, 0);
  rows.push(['total of these', total.toFixed(1), `${((100 * total) / cpu.wallS).toFixed(0)}%`]);
  const machineS = cpu.machineBusy * cpu.cores * cpu.wallS;
  rows.push([`whole machine (${cpu.cores} cores, anyone's work)`, machineS.toFixed(1), `${((100 * machineS) / cpu.wallS).toFixed(0)}%`]);
  printTable(`${title} (${cpu.wallS.toFixed(1)} s wall; 100% = one core)`, [['process', 'CPU s', 'of a core'], ...rows]);
}

/** A service's database commands: calls, total and mean time; per command of the load when `perCommand` is given. */
function printDbTrace(title: string, totals: readonly CommandTotal[], perCommand?: number): void {
  const rows = totals.map((total) => [
    total.command,
    whole(total.count),
    perCommand ? (total.count / perCommand).toFixed(2) : '',
    ms(total.totalMs),
    ms(total.totalMs / total.count),
  ]);
  printTable(title, [['command', 'calls', perCommand ? 'per POST' : '', 'total ms', 'ms/call'], ...rows]);
}

/** The raw baseline of the rebuild: the whole archive read with the plain driver, events per second. */
interface RawRead {
  readonly commits: number;
  readonly events: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
}

async function rawArchiveRead(db: Db): Promise<RawRead> {
  const started = now();
  const commits = await db.collection<{ events?: unknown[] }>('events').find().toArray();
  const elapsedMs = now() - started;
  const events = commits.reduce((sum, commit) => sum + (commit.events?.length ?? 0), 0);
  return { commits: commits.length, events, elapsedMs, perSecond: perSecond(events, elapsedMs) };
}

interface RebuildRun {
  readonly rebuildId: string;
  readonly state: 'running' | 'switched' | 'failed';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly generation?: number;
  readonly fromGeneration?: number;
  readonly eventsReplayed: number;
  readonly eventsPerSecond?: number;
  readonly position?: number;
  readonly comparison?: { equal: boolean } & Record<string, unknown>;
  readonly failure?: string;
}

async function rebuild(baseUrl: string): Promise<{ run: RebuildRun; wallMs: number }> {
  const started = now();
  const answer = await jsonCall(baseUrl, 'POST', '/projections/rebuilds', undefined, signedIn);
  if (answer.status !== 202) throw new Error(`POST /projections/rebuilds answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const { rebuildId } = answer.body as RebuildRun;
  const deadline = started + flags['rebuild-timeout'] * 1000;
  for (;;) {
    const progress = await jsonCall(baseUrl, 'GET', `/projections/rebuilds/${rebuildId}`, undefined, signedIn);
    const run = progress.body as RebuildRun;
    if (progress.status === 200 && run.state !== 'running') return { run, wallMs: now() - started };
    if (now() > deadline) throw new Error(`the rebuild did not finish within ${flags['rebuild-timeout']} s`);
    await sleep(100);
  }
}

interface RebuildResult {
  readonly run: RebuildRun;
  readonly wallMs: number;
  readonly wallEventsPerSecond: number;
  readonly serviceSpanMs: number;
  readonly baseline: { readonly before: RawRead; readonly after: RawRead; readonly meanPerSecond: number };
  readonly ratio: number;
  readonly cpu: CpuUse;
  readonly databaseCommands?: CommandTotal[];
}

/** One rebuild, between two raw reads of the archive (so that noise hits the baseline on both sides). */
async function measureRebuild(
  label: string,
  reporting: ServiceProcess,
  reportingDb: Db,
  pids: Record<string, number | undefined>,
): Promise<RebuildResult> {
  const before = await rawArchiveRead(reportingDb);
  await reporting.takeDbTrace();
  const meter = cpuMeter(pids);
  const { run, wallMs } = await rebuild(reporting.baseUrl);
  const cpu = meter();
  const databaseCommands = await reporting.takeDbTrace();
  const after = await rawArchiveRead(reportingDb);
  const meanPerSecond = (before.perSecond + after.perSecond) / 2;
  const serviceSpanMs = run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : NaN;
  const ratio = (run.eventsPerSecond ?? NaN) / meanPerSecond;
  const wallEventsPerSecond = perSecond(run.eventsReplayed, wallMs);
  printTable(`${label}: the read model rebuilt from the archive`, [
    ['measure', 'events', 'ms', 'events/s', 'ratio'],
    ['raw baseline: find().toArray() of the archive, before', whole(before.events), ms(before.elapsedMs), whole(before.perSecond), ''],
    ['raw baseline: the same, after', whole(after.events), ms(after.elapsedMs), whole(after.perSecond), ''],
    ["rebuild: replay + write-out (the run's own eventsPerSecond)", whole(run.eventsReplayed), '', whole(run.eventsPerSecond ?? NaN), ratioText(ratio)],
    ['rebuild: POST → switched (catch-up, compare, switch too)', whole(run.eventsReplayed), ms(wallMs), whole(wallEventsPerSecond), ''],
  ]);
  process.stdout.write(
    `\n${label} ${run.state}: generation ${run.fromGeneration ?? '?'} → ${run.generation ?? '?'}, ` +
      `comparison.equal = ${String(run.comparison?.equal)}, service-side ${ms(serviceSpanMs)} ms from start to switch` +
      `${run.failure ? `; failure: ${run.failure}` : ''}\n`,
  );
  printCpu(`CPU during the ${label}`, cpu);
  if (databaseCommands) printDbTrace(`reporting: database commands during the ${label}`, databaseCommands);
  return {
    run,
    wallMs,
    wallEventsPerSecond,
    serviceSpanMs,
    baseline: { before, after, meanPerSecond },
    ratio,
    cpu,
    databaseCommands,
  };
}

/** Leaves nothing behind on servers given by the environment; on the bench's own servers it is cheap. */
async function cleanUp(client: MongoClient, databases: readonly string[], brokers: readonly string[], namespace: string): Promise<void> {
  for (const name of databases) await client.db(name).dropDatabase();
  const logger = createLogger({ service: 'bench-projection', level: 'warn', destination: process.stderr });
  const admin = createKafka({ brokers: [...brokers], clientId: 'bench-projection' }, logger).admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const infra = await startBenchInfra({ durable: false, kafkaPort: flags['kafka-port'], mongoPort: flags['mongo-port'] });
  const client = await new MongoClient(infra.endpoints.mongoUrl).connect();
  const runId = `bench_projection_${randomBytes(3).toString('hex')}`;
  const database = (service: string) => `${runId}_${service}`;
  const services: ServiceProcess[] = [];
  let failed: Error | undefined;
  try {
    // One sign-in and set of keys for both services, as the platform gives them; tokens live an hour, longer than a run.
    const securityEnv = testSecurityEnv(database('security'));
    signedIn = await new LocalSignIn(securityEnv).provincialAdministrator('40', 'bench-projection');
    const env = (service: string) => ({
      ...securityEnv,
      MONGO_URL: infra.endpoints.mongoUrl,
      MONGO_DB: database(service),
      KAFKA_BROKERS: infra.endpoints.kafkaBrokers.join(','),
      TOPIC_NAMESPACE: runId,
      LOG_LEVEL: 'warn',
    });
    process.stderr.write('[bench] starting households, then reporting (households creates the topics)\n');
    const traceDb = flags['trace-db'];
    if (flags.connections > 0) limitConnections(flags.connections);
    resetConnections();
    const households = await startService('households', env('households'), { traceDb });
    services.push(households);
    let reporting = await startService('reporting', env('reporting'), { traceDb });
    services.push(reporting);
    const reportingDb = client.db(database('reporting'));
    const steadyCount = flags.seconds * flags.rate;
    const warmupCount = flags.warmup * flags.rate;
    process.stdout.write(
      `projection benchmark on ${infra.backend}: POST /households at ${flags.rate}/s (open loop) for ${flags.seconds} s ` +
        `after a ${flags.warmup} s warm-up; visibility polled every ${flags.poll} ms on the active generation's cases\n`,
    );

    const watch = new VisibilityWatch(reportingDb);
    watch.start();
    // Warm-up: the consumer group has joined, connections are open and the JITs of the services and servers warm.
    const warmup = await drive(households.baseUrl, 0, warmupCount, watch);
    if (!(await watch.drained(flags.drain * 1000))) throw new Error(`${watch.size()} warm-up households never reached the read model`);
    if (warmup.some((command) => command.failure)) {
      throw new Error(`warm-up command failed: ${warmup.find((command) => command.failure)?.failure}`);
    }
    watch.cycles.length = 0;
    watch.queryMs.length = 0;
    resetConnections();

    const pids = {
      households: households.pid,
      reporting: reporting.pid,
      kafka: infraPid(infra.infraDir, 'test', 'kafka'),
      mongo: infraPid(infra.infraDir, 'test', 'mongo'),
    };
    const steadyStarted = now();
    const backlog = sampleBacklog(reporting.baseUrl, steadyStarted);
    const steadyCpu = cpuMeter(pids);
    const commands = await drive(households.baseUrl, warmupCount, steadyCount, watch);
    const lastAnswered = now();
    const drained = await watch.drained(flags.drain * 1000);
    const cpu = steadyCpu();
    const backlogSamples = await backlog.stop();
    await watch.stop();
    const steadyDb = { households: await households.takeDbTrace(), reporting: await reporting.takeDbTrace() };

    const ok = commands.filter((command) => command.householdId !== undefined);
    const failures = commands.filter((command) => command.failure !== undefined);
    const visible = ok.filter((command) => command.visibleAt !== undefined);
    const lag = quantiles(visible.map((command) => (command.visibleAt as number) - command.sentAt));
    const readModelPart = quantiles(visible.map((command) => (command.visibleAt as number) - (command.respondedAt as number)));
    const response = quantiles(ok.map((command) => (command.respondedAt as number) - command.sentAt));
    const connects = quantiles(commands.flatMap((command) => (command.connectMs === undefined ? [] : [command.connectMs])));
    const slip = quantiles(commands.map((command) => command.sentAt - command.scheduledAt));
    const sendSpanMs = commands[commands.length - 1].sentAt - commands[0].sentAt;
    const achievedRate = perSecond(commands.length - 1, sendSpanMs);
    const answeredRate = perSecond(ok.length, lastAnswered - commands[0].sentAt);
    const cycle = quantiles(watch.cycles);
    const query = quantiles(watch.queryMs);

    printTable('command-to-read-model lag, ms (send → household in the read model)', [
      ['measure', 'count', 'p50', 'p90', 'p99', 'max', 'mean'],
      quantileRow('lag: sent → visible in reporting', lag),
      quantileRow('  of which: answered → visible', readModelPart),
      quantileRow('raw baseline: POST /households response', response),
      quantileRow('  TCP connect, commands on a new connection', connects),
      quantileRow('send slip behind the schedule', slip),
      quantileRow('visibility poll cycle', cycle),
      quantileRow('visibility query ($in of pending ids)', query),
    ]);
    const maxBehind = (pick: (sample: Backlog) => number) => Math.max(0, ...backlogSamples.map(pick).filter(Number.isFinite));
    process.stdout.write(
      `\n${commands.length} commands sent in ${(sendSpanMs / 1000).toFixed(1)} s: ${achievedRate.toFixed(1)}/s sent, ` +
        `${answeredRate.toFixed(1)}/s answered 201; ${failures.length} failed; ${visible.length} of ${ok.length} visible` +
        `${drained ? '' : ` (${watch.size()} still missing after ${flags.drain} s)`}\n` +
        `backlog sampled from GET /projections (${backlogSamples.length} samples): at most ` +
        `${maxBehind((s) => s.eventsBehind)} archived events not projected, ${maxBehind((s) => s.kafkaBehind)} Kafka messages not consumed\n`,
    );
    for (const failure of failures.slice(0, 3)) process.stderr.write(`[bench] command failed: ${failure.failure}\n`);
    printCpu('CPU during the steady phase and its drain', cpu);
    for (const [service, totals] of Object.entries(steadyDb)) {
      if (totals) printDbTrace(`${service}: database commands during the steady phase and its drain`, totals, ok.length);
    }
    const lagVerdict = drained && failures.length === 0 && lag.p99 < LAG_TARGET_P99_MS ? 'PASS' : 'MISSED';

    // Rebuild, first in the process that archived every event (its store still holds the last 10,000 commits in
    // memory, so most pages come without a query), then after a restart of the service: nothing in memory, every
    // page read from the database, as after a deployment.
    resetConnections();
    const warmRebuild = await measureRebuild('rebuild in the same process', reporting, reportingDb, pids);
    process.stderr.write('[bench] restarting the reporting service for a rebuild with nothing in its memory\n');
    await reporting.stop();
    const profileFile = flags['profile-rebuild'] ? join(REPO_ROOT, 'artifacts', 'bench', 'projection-rebuild.cpuprofile') : undefined;
    if (profileFile) mkdirSync(dirname(profileFile), { recursive: true });
    reporting = await startService('reporting', env('reporting'), { traceDb, cpuProfile: profileFile });
    services[1] = reporting;
    await reporting.restartCpuProfile();
    const coldRebuild = await measureRebuild('rebuild after a restart', reporting, reportingDb, {
      ...pids,
      reporting: reporting.pid,
    });
    const rebuildVerdict = (result: RebuildResult) =>
      result.run.state === 'switched' && (result.run.eventsPerSecond ?? 0) >= REBUILD_TARGET_PER_S ? 'PASS' : 'MISSED';

    printTable('targets', [
      ['measure', 'value', 'target', 'verdict'],
      ['lag p99, ms', ms(lag.p99), `< ${LAG_TARGET_P99_MS}`, lagVerdict],
      ['rebuild events/s, same process', whole(warmRebuild.run.eventsPerSecond ?? NaN), `≥ ${REBUILD_TARGET_PER_S}`, rebuildVerdict(warmRebuild)],
      ['rebuild events/s, after a restart', whole(coldRebuild.run.eventsPerSecond ?? NaN), `≥ ${REBUILD_TARGET_PER_S}`, rebuildVerdict(coldRebuild)],
    ]);

    const file = writeResult('projection', {
      name: 'projection',
      finishedAt: new Date().toISOString(),
      backend: infra.backend,
      machine: machine(),
      options: { ...flags },
      lag: {
        target: { p99Ms: LAG_TARGET_P99_MS },
        verdict: lagVerdict,
        detection: `one $in query of the pending ids on g<N>_cases every ${flags.poll} ms; visible = when that query answered`,
        commandsSent: commands.length,
        commandsAnswered201: ok.length,
        failures: failures.length,
        firstFailures: failures.slice(0, 5).map((command) => command.failure),
        visible: visible.length,
        drained,
        achievedRatePerSecond: achievedRate,
        answeredRatePerSecond: answeredRate,
        lagMs: lag,
        answeredToVisibleMs: readModelPart,
        baselineCommandResponseMs: response,
        newConnectionConnectMs: connects,
        sendSlipMs: slip,
        pollCycleMs: cycle,
        pollQueryMs: query,
        backlog: backlogSamples,
        cpu,
        databaseCommands: steadyDb,
      },
      rebuild: {
        target: { eventsPerSecond: REBUILD_TARGET_PER_S },
        sameProcess: { verdict: rebuildVerdict(warmRebuild), ...warmRebuild },
        afterRestart: { verdict: rebuildVerdict(coldRebuild), ...coldRebuild },
      },
    });
    process.stdout.write(`\nresults written to ${file}\n`);
    if (profileFile) {
      const written = await reporting.writeCpuProfile();
      process.stdout.write(
        written
          ? `CPU profile of the restarted reporting service (its rebuild and the raw reads around it) written to ${written}\n`
          : 'the CPU profile could not be written\n',
      );
    }
    const unfinished = [warmRebuild, coldRebuild].find((result) => result.run.state !== 'switched');
    if (unfinished) failed = new Error(`a rebuild ${unfinished.run.state}: ${unfinished.run.failure ?? ''}`);
  } finally {
    closeConnections();
    for (const service of services.reverse()) await service.stop();
    if (infra.endpoints.mongoSource === 'environment' || infra.endpoints.kafkaSource === 'environment') {
      await cleanUp(client, [database('households'), database('reporting'), database('security')], infra.endpoints.kafkaBrokers, runId).catch(
        (error: unknown) => process.stderr.write(`clean-up failed: ${String(error)}\n`),
      );
    }
    await client.close();
    await infra.stop();
  }
  if (failed) throw failed;
}

runBench('projection', main);
