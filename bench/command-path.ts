/**
 * The command path: POST /households (a valid registration, a new household with new national IDs each) at
 * concurrency 1, 8 and 32, beside a route without database work and raw `insertOne` on the same store at the same
 * concurrency; then the command → read-model lag (201 → the household in the households listing) at a steady
 * open-loop rate. Two sizes: an empty store and one pre-filled with `--prefill` households.
 * Run from the repo root: npx tsx --tsconfig tsconfig.base.json bench/command-path.ts --help
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { LocalSignIn, type AuthHeaders } from '@khu-siao/security';
import { registration, testSecurityEnv } from '@khu-siao/testing';
import type { CommandTotal } from './support/command-times';
import { readFlags } from './support/flags';
import { REPO_ROOT, startBenchInfra } from './support/infra';
import { machine, printTable, ratioText, writeResult } from './support/report';
import { runBench } from './support/run';
import { closeConnections, infraPid, jsonCall, limitConnections, resetConnections, startService, type ServiceProcess } from './support/services';
import { perSecond, quantile } from './support/stats';

const TARGETS = { throughputAt32: 200, p99At32Ms: 500, p50At1Ms: 20, lagP99Ms: 1_000 } as const;

const flags = readFlags(
  'Command-path benchmark: POST /households closed-loop at concurrency 1, 8, 32 beside a route without database work\n' +
    'and raw insertOne on the same store; then the 201 → households-listing lag at a steady open-loop rate; at two sizes.\n' +
    'Usage: npx tsx --tsconfig tsconfig.base.json bench/command-path.ts [options]',
  {
    durable: { kind: 'boolean', help: 'the H2 backend of mongo-java-server (the platform profile) instead of memory' },
    'level-seconds': { kind: 'number', default: 8, help: 'seconds of closed-loop load per route and concurrency' },
    seconds: { kind: 'number', default: 60, help: 'length of the open-loop lag phase, seconds' },
    rate: { kind: 'number', default: 200, help: 'commands per second offered in the lag phase' },
    prefill: { kind: 'number', default: 100_000, help: 'households pre-filled into the store for the second size' },
    poll: { kind: 'number', default: 25, help: 'ms between two visibility queries of the listing' },
    drain: { kind: 'number', default: 120, help: 'seconds to wait after the last command for every household to show' },
    'trace-db': { kind: 'boolean', help: "count the households service's MongoDB commands per POST (db-trace.ts)" },
    'cpu-prof': { kind: 'boolean', help: 'CPU-profile the households service of the first size into artifacts/bench/' },
    'mongo-port': { kind: 'number', default: 53017, help: 'port for the MongoDB server this run starts' },
    'kafka-port': { kind: 'number', default: 53092, help: 'port for the Kafka broker (controller: +1)' },
  },
);

const CONCURRENCY = [1, 8, 32] as const;
const VILLAGES = ['40010101', '40010102', '40010201', '40020101', '40020102', '40020301'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-');

let signedIn: AuthHeaders = {};
/** Serials are never reused within a run: each registration is a new household with national IDs never seen. */
let nextSerial = 1_000_000;
const nextRegistration = () => {
  const serial = (nextSerial += 1);
  return registration(serial, VILLAGES[serial % VILLAGES.length], 1 + (serial % 4));
};

interface Level {
  readonly route: string;
  readonly concurrency: number;
  readonly count: number;
  readonly failures: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** `concurrency` loops, each calling `call` again as soon as it answered, for `seconds`. */
async function closedLoop(route: string, concurrency: number, seconds: number, call: () => Promise<boolean>): Promise<Level> {
  const samples: number[] = [];
  let failures = 0;
  const started = now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < until) {
        const sent = now();
        const ok = await call().catch(() => false);
        if (ok) samples.push(now() - sent);
        else failures += 1;
      }
    }),
  );
  const elapsed = now() - started;
  return {
    route,
    concurrency,
    count: samples.length,
    failures,
    perSecond: perSecond(samples.length, elapsed),
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
  };
}

/** Raw pre-fill of every collection a registration writes to, in the shapes the service stores (no events to relay). */
async function prefill(db: Db, households: number): Promise<void> {
  const batch = 1_000;
  const recordedAt = new Date();
  for (let first = 1; first <= households; first += batch) {
    const positions = Array.from({ length: Math.min(batch, households - first + 1) }, (_, offset) => first + offset);
    // Gap commits: positions the relay skips without publishing, yet documents and unique keys like any commit.
    await db.collection('events').insertMany(
      positions.map((position) => ({
        _id: position as unknown as never,
        streamId: '$gap',
        prev: position,
        last: position,
        follows: `$gap@${position}`,
        ends: `$gap@${position}`,
        eventIds: [`$gap-${position}`],
        events: [],
        recordedAt,
        gap: true,
      })),
      { ordered: false },
    );
    const ids = positions.map(() => randomUUID());
    await db.collection('national_id_claims').insertMany(
      ids.flatMap((householdId) => [0, 1].map(() => ({ _id: randomBytes(32).toString('base64url') as unknown as never, householdId, claimedAt: recordedAt }))),
      { ordered: false },
    );
    await db.collection('household_listing').insertMany(
      ids.map((householdId, index) => ({
        _id: householdId as unknown as never,
        version: 1,
        provinceCode: '40',
        districtCode: '4099',
        tambonCode: '409901',
        villageCode: '40990101',
        status: 'registered',
        processStep: null,
        classification: null,
        memberCount: 1 + (index % 4),
        source: 'bench',
        updatedAt: recordedAt,
      })),
      { ordered: false },
    );
  }
  await db.collection('event_log_counters').updateOne({ _id: 'position' as unknown as never }, { $set: { value: households } }, { upsert: true });
}

interface LagResult {
  readonly sent: number;
  readonly answered: number;
  readonly failures: number;
  readonly visible: number;
  readonly offeredPerSecond: number;
  readonly answeredPerSecond: number;
  readonly response: { p50: number; p99: number };
  /** From the 201 to the household in the listing. */
  readonly lag: { p50: number; p95: number; p99: number; max: number };
  /** From the send (the schedule) to the household in the listing: includes any queue in front of the service. */
  readonly sentToVisible: { p50: number; p99: number };
}

/** `rate`/s on a fixed schedule for `seconds`; each 201's household is looked for in the listing every `poll` ms. */
async function lagPhase(baseUrl: string, db: Db, rate: number, seconds: number): Promise<LagResult> {
  const listing = db.collection<{ _id: string }>('household_listing');
  /** householdId → [sent, answered] */
  const pending = new Map<string, [number, number]>();
  const lags: number[] = [];
  const sentToVisible: number[] = [];
  const responses: number[] = [];
  let failures = 0;
  let polling = true;
  const poller = (async () => {
    while (polling || pending.size > 0) {
      const started = now();
      if (pending.size > 0) {
        const found = await listing.find({ _id: { $in: [...pending.keys()] } }, { projection: { _id: 1 } }).toArray();
        const answered = now();
        for (const { _id } of found) {
          const [sentAt, answeredAt] = pending.get(_id) as [number, number];
          lags.push(answered - answeredAt);
          sentToVisible.push(answered - sentAt);
          pending.delete(_id);
        }
      }
      await sleep(Math.max(0, flags.poll - (now() - started)));
    }
  })();
  const count = rate * seconds;
  const calls: Promise<void>[] = [];
  const start = now() + 20;
  let answeredAtEnd = start;
  for (let i = 0; i < count; i += 1) {
    const scheduledAt = start + (i * 1000) / rate;
    const wait = scheduledAt - now();
    if (wait > 1) await sleep(wait);
    const sent = now();
    calls.push(
      jsonCall(baseUrl, 'POST', '/households', nextRegistration(), signedIn).then(
        ({ status, body }) => {
          const answeredAt = now();
          answeredAtEnd = answeredAt;
          const householdId = (body as { householdId?: unknown } | undefined)?.householdId;
          if (status === 201 && typeof householdId === 'string') {
            responses.push(answeredAt - sent);
            pending.set(householdId, [sent, answeredAt]);
          } else failures += 1;
        },
        () => {
          failures += 1;
        },
      ),
    );
  }
  await Promise.all(calls);
  const drainUntil = now() + flags.drain * 1000;
  while (pending.size > 0 && now() < drainUntil) await sleep(20);
  const missing = pending.size;
  pending.clear();
  polling = false;
  await poller;
  return {
    sent: count,
    answered: responses.length,
    failures,
    visible: responses.length - missing,
    offeredPerSecond: rate,
    answeredPerSecond: perSecond(responses.length, answeredAtEnd - start),
    response: { p50: quantile(responses, 0.5), p99: quantile(responses, 0.99) },
    lag: { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), p99: quantile(lags, 0.99), max: quantile(lags, 1) },
    sentToVisible: { p50: quantile(sentToVisible, 0.5), p99: quantile(sentToVisible, 0.99) },
  };
}

function printDbTrace(title: string, totals: readonly CommandTotal[], perCommand: number): void {
  const rows = totals.map((total) => [total.command, whole(total.count), (total.count / perCommand).toFixed(2), ms(total.totalMs / total.count)]);
  const calls = totals.reduce((sum, total) => sum + total.count, 0);
  rows.push(['all', whole(calls), (calls / perCommand).toFixed(2), '']);
  printTable(title, [['command', 'calls', 'per POST', 'ms/call'], ...rows]);
}

interface SizeResult {
  readonly prefilled: number;
  readonly levels: Level[];
  readonly ratios: Record<string, { toNoDbRoute: number; toRawInsertOne: number }>;
  readonly databaseCommandsPerPost?: Record<string, number>;
  readonly lag: LagResult;
}

async function measureSize(
  prefilled: number,
  infra: { mongoUrl: string; brokers: string; infraDir: string },
  client: MongoClient,
  runId: string,
  profile: boolean,
): Promise<SizeResult> {
  const database = (service: string) => `${runId}_${prefilled}_${service}`;
  const householdsDb = client.db(database('households'));
  if (prefilled > 0) {
    process.stderr.write(`[bench] pre-filling ${prefilled} households\n`);
    await prefill(householdsDb, prefilled);
  }
  const securityEnv = testSecurityEnv(database('security'));
  signedIn = await new LocalSignIn(securityEnv).provincialAdministrator('40', 'bench-command-path');
  const profileFile = profile ? join(REPO_ROOT, 'artifacts', 'bench', `command-path-households.cpuprofile`) : undefined;
  if (profileFile) mkdirSync(join(REPO_ROOT, 'artifacts', 'bench'), { recursive: true });
  let service: ServiceProcess | undefined;
  try {
    service = await startService(
      'households',
      {
        ...securityEnv,
        MONGO_URL: infra.mongoUrl,
        MONGO_DB: database('households'),
        KAFKA_BROKERS: infra.brokers,
        TOPIC_NAMESPACE: `${runId}_${prefilled}`,
        LOG_LEVEL: 'warn',
      },
      { traceDb: flags['trace-db'], cpuProfile: profileFile },
    );
    const baseUrl = service.baseUrl;
    const raw = client.db(database('raw')).collection('raw_households');
    await raw.createIndex({ nationalIds: 1 }, { unique: true });
    // Warm-up of every route: JITs, connections, the relay's first publishes.
    const post = async () => (await jsonCall(baseUrl, 'POST', '/households', nextRegistration(), signedIn)).status === 201;
    const noDb = async () => (await jsonCall(baseUrl, 'GET', '/.well-known/jwks.json')).status === 200;
    const insert = async () => {
      const doc = { _id: randomUUID(), nationalIds: [randomBytes(16).toString('hex')], body: nextRegistration(), at: new Date() };
      await raw.insertOne(doc as never);
      return true;
    };
    await closedLoop('warm-up', 8, 3, post);
    await closedLoop('warm-up', 8, 1, noDb);
    await closedLoop('warm-up', 8, 1, insert);
    await service.takeDbTrace();
    await service.restartCpuProfile();
    const levels: Level[] = [];
    const ratios: SizeResult['ratios'] = {};
    let databaseCommandsPerPost: Record<string, number> | undefined;
    for (const concurrency of CONCURRENCY) {
      resetConnections();
      const commands = await closedLoop('POST /households', concurrency, flags['level-seconds'], post);
      if (concurrency === 1) {
        const trace = await service.takeDbTrace();
        if (trace) {
          printDbTrace(`households: database commands per POST /households at concurrency 1 (${prefilled} pre-filled)`, trace, commands.count);
          databaseCommandsPerPost = Object.fromEntries(trace.map((total) => [total.command, total.count / commands.count]));
        }
      }
      const route = await closedLoop('GET /.well-known/jwks.json (no database work)', concurrency, Math.min(4, flags['level-seconds']), noDb);
      const inserts = await closedLoop('raw insertOne (same store)', concurrency, Math.min(4, flags['level-seconds']), insert);
      levels.push(commands, route, inserts);
      ratios[String(concurrency)] = { toNoDbRoute: commands.perSecond / route.perSecond, toRawInsertOne: commands.perSecond / inserts.perSecond };
    }
    if (profileFile) {
      const written = await service.writeCpuProfile();
      process.stdout.write(written ? `CPU profile of the households service written to ${written}\n` : 'the CPU profile could not be written\n');
    }
    printTable(`closed loop, ${prefilled} households pre-filled`, [
      ['route', 'concurrency', 'count', 'failed', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'ratio to no-db route', 'ratio to insertOne'],
      ...levels.map((level) => {
        const ratio = level.route.startsWith('POST') ? ratios[String(level.concurrency)] : undefined;
        return [
          level.route,
          String(level.concurrency),
          whole(level.count),
          whole(level.failures),
          whole(level.perSecond),
          ms(level.p50),
          ms(level.p95),
          ms(level.p99),
          ratio ? ratioText(ratio.toNoDbRoute) : '',
          ratio ? ratioText(ratio.toRawInsertOne) : '',
        ];
      }),
    ]);
    resetConnections();
    const lag = await lagPhase(baseUrl, householdsDb, flags.rate, flags.seconds);
    printTable(`command → listing lag (201 → in the listing; ms) at ${flags.rate}/s offered for ${flags.seconds} s, ${prefilled} pre-filled`, [
      ['sent', 'answered 201', 'failed', 'visible', 'answered per s', 'response p50', 'response p99', 'lag p50', 'lag p95', 'lag p99', 'lag max', 'sent→visible p50', 'sent→visible p99'],
      [
        whole(lag.sent),
        whole(lag.answered),
        whole(lag.failures),
        whole(lag.visible),
        whole(lag.answeredPerSecond),
        ms(lag.response.p50),
        ms(lag.response.p99),
        ms(lag.lag.p50),
        ms(lag.lag.p95),
        ms(lag.lag.p99),
        ms(lag.lag.max),
        ms(lag.sentToVisible.p50),
        ms(lag.sentToVisible.p99),
      ],
    ]);
    return { prefilled, levels, ratios, databaseCommandsPerPost, lag };
  } finally {
    closeConnections();
    await service?.stop();
    for (const name of ['households', 'security', 'raw']) await client.db(database(name)).dropDatabase().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const infra = await startBenchInfra({ durable: flags.durable, kafkaPort: flags['kafka-port'], mongoPort: flags['mongo-port'] });
  const client = await new MongoClient(infra.endpoints.mongoUrl).connect();
  const runId = `bench_cmd_${randomBytes(3).toString('hex')}`;
  limitConnections(64);
  try {
    process.stdout.write(`command-path benchmark on ${infra.backend}; mongo pid ${infraPid(infra.infraDir, flags.durable ? 'platform' : 'test', 'mongo') ?? '?'}\n`);
    const sizes: SizeResult[] = [];
    for (const [index, size] of [0, flags.prefill].entries()) {
      sizes.push(
        await measureSize(size, { mongoUrl: infra.endpoints.mongoUrl, brokers: infra.endpoints.kafkaBrokers.join(','), infraDir: infra.infraDir }, client, runId, flags['cpu-prof'] && index === 0),
      );
    }
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISSED');
    const rows = sizes.flatMap((size) => {
      const at = (concurrency: number) => size.levels.find((level) => level.route.startsWith('POST') && level.concurrency === concurrency) as Level;
      return [
        [`${size.prefilled} pre-filled: POST/s at concurrency 32`, whole(at(32).perSecond), `≥ ${TARGETS.throughputAt32}`, verdict(at(32).perSecond >= TARGETS.throughputAt32)],
        [`${size.prefilled} pre-filled: p99 at concurrency 32, ms`, ms(at(32).p99), `< ${TARGETS.p99At32Ms}`, verdict(at(32).p99 < TARGETS.p99At32Ms)],
        [`${size.prefilled} pre-filled: p50 at concurrency 1, ms`, ms(at(1).p50), `< ${TARGETS.p50At1Ms}`, verdict(at(1).p50 < TARGETS.p50At1Ms)],
        [
          `${size.prefilled} pre-filled: lag p99 at ${flags.rate}/s, ms`,
          ms(size.lag.lag.p99),
          `< ${TARGETS.lagP99Ms}`,
          verdict(size.lag.lag.p99 < TARGETS.lagP99Ms && size.lag.visible === size.lag.sent),
        ],
      ];
    });
    printTable(`targets (${infra.backend})`, [['measure', 'value', 'target', 'verdict'], ...rows]);
    const file = writeResult(flags.durable ? 'command-path-durable' : 'command-path', {
      name: 'command-path',
      finishedAt: new Date().toISOString(),
      backend: infra.backend,
      machine: machine(),
      options: { ...flags },
      targets: TARGETS,
      sizes,
    });
    process.stdout.write(`\nresults written to ${file}\n`);
  } finally {
    await client.close();
    await infra.stop();
  }
}

runBench('command-path', main);
