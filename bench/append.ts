/**
 * Append throughput of the event store against raw driver inserts of the same documents on the same server.
 * Run from the repo root: npx tsx --tsconfig tsconfig.base.json bench/append.ts --help
 */
import { randomBytes } from 'node:crypto';
import { BSON, MongoClient, type Db } from 'mongodb';
import { platformCatalogue } from '@khu-siao/contracts';
import { EventStore, type AppendOutcome, type AppendRequest } from '@khu-siao/event-store';
import { storedCommits } from '@khu-siao/event-store/testing';
import { CommandTimes, type CommandTotal } from './support/command-times';
import { readFlags } from './support/flags';
import { runBench } from './support/run';
import { BENCH_PORTS, startBenchInfra } from './support/infra';
import {
  batches,
  envelopeBytes,
  pendingVisit,
  rawCommit,
  visitEnvelope,
  visitStream,
  type RawCommit,
} from './support/payload';
import {
  machine,
  measurementHeader,
  measurementRow,
  printCommandTimes,
  printTable,
  ratioText,
  verdict,
  writeResult,
} from './support/report';
import { median, Recorder, type Measurement } from './support/stats';

const TARGET = 0.5;

const flags = readFlags(
  'Append benchmark: EventStore.appendMany / append against raw mongodb insertMany / insertOne of the same\n' +
    'commit documents, on the same server, in the same run.\n' +
    'Usage: npx tsx --tsconfig tsconfig.base.json bench/append.ts [options]',
  {
    events: { kind: 'number', help: 'events (one-event commits) per batched phase (default 8000; 4000 with --durable)' },
    batch: { kind: 'number', default: 500, help: 'commits per insertMany / appendMany call' },
    singles: { kind: 'number', help: 'single append calls (default 2000; 500 with --durable)' },
    concurrency: { kind: 'number', default: 16, help: 'single append calls in flight' },
    rounds: { kind: 'number', default: 3, help: 'measured rounds after a warm-up; the verdict takes the median ratio' },
    durable: { kind: 'boolean', help: 'platform profile: H2 backend that fsyncs each write (in a throwaway folder)' },
    'mongo-port': { kind: 'number', default: BENCH_PORTS.mongo, help: 'port for the MongoDB server this run starts' },
    'kafka-port': { kind: 'number', default: BENCH_PORTS.kafka, help: 'port for the Kafka broker (controller: +1)' },
  },
);
const events = flags.events ?? (flags.durable ? 4_000 : 8_000);
const singles = flags.singles ?? (flags.durable ? 500 : 2_000);

interface RoundResult {
  readonly phases: Record<string, Measurement>;
  readonly ratios: {
    readonly newStreams: number;
    readonly existingStreams: number;
    readonly coldStore: number;
    readonly singles: number;
  };
  readonly commands: Record<string, CommandTotal[]>;
}

/** Fails the run rather than report the speed of appends that did not happen. */
function expectAppended(outcomes: readonly AppendOutcome[]): void {
  const refused = outcomes.find((outcome) => outcome instanceof Error || !outcome.appended);
  if (refused) throw new Error(`an append in the benchmark was refused: ${String(refused)}`);
}

const PHASES = {
  raw: 'raw insertMany',
  rawIdOnly: 'raw insertMany, _id index only',
  newStreams: 'appendMany, new streams',
  existingStreams: 'appendMany, expected version 1',
  coldStore: 'appendMany, expected version 2, cold store',
  rawSingle: 'raw insertOne',
  single: 'append',
} as const;
type Phase = (typeof PHASES)[keyof typeof PHASES];

/** Slices the single calls are cut into, raw and store taking turns (see Recorder). */
const SINGLE_SLICES = 10;

/**
 * One round on fresh databases. Batch i of every batched phase runs before batch i + 1 of any, so that the
 * baseline and the store meet the same machine noise and the same collection sizes.
 */
async function round(client: MongoClient, times: CommandTimes, label: string, size: { events: number; singles: number }) {
  const rawDb: Db = client.db(`${label}_raw`);
  const storeDb: Db = client.db(`${label}_store`);
  const recordedAt = new Date();
  const streams = Array.from({ length: size.events }, (_, i) => visitStream('visit', i));
  const first = streams.map((_, i) => pendingVisit(i, `${label}-first`));
  const second = streams.map((_, i) => pendingVisit(i, `${label}-second`));
  const singleStreams = Array.from({ length: size.singles }, (_, i) => visitStream('single', i));
  const singleEvents = singleStreams.map((_, i) => pendingVisit(i, `${label}-single`));
  const rawBatches = batches(
    streams.map((stream, i) => rawCommit(i + 1, stream, first[i], recordedAt)),
    flags.batch,
  );
  const newBatches = batches<AppendRequest>(
    streams.map((stream, i) => ({ stream, expectedVersion: 0, events: [first[i]] })),
    flags.batch,
  );
  const nextBatches = batches<AppendRequest>(
    streams.map((stream, i) => ({ stream, expectedVersion: 1, events: [second[i]] })),
    flags.batch,
  );
  const third = streams.map((_, i) => pendingVisit(i, `${label}-third`));
  const coldBatches = batches<AppendRequest>(
    streams.map((stream, i) => ({ stream, expectedVersion: 2, events: [third[i]] })),
    flags.batch,
  );

  times.phase('setup');
  // The baseline collection gets the store's own unique indexes, so the ratio isolates what the store does per call.
  await new EventStore(rawDb, { catalogue: platformCatalogue }).ensureIndexes();
  const store = new EventStore(storeDb, { catalogue: platformCatalogue });
  await store.ensureIndexes();
  // Another writer on the same database: it has seen none of these streams, so it looks every predecessor up.
  const coldStore = new EventStore(storeDb, { catalogue: platformCatalogue });
  const rawEvents = rawDb.collection<RawCommit>(storedCommits(rawDb).collectionName);
  const rawIdOnly = rawDb.collection<RawCommit>('events_id_only');

  const recorders = new Map<Phase, Recorder>(Object.values(PHASES).map((phase) => [phase, new Recorder()]));
  const recorder = (phase: Phase) => {
    times.phase(phase);
    return recorders.get(phase) as Recorder;
  };
  for (const [i, rawBatch] of rawBatches.entries()) {
    await recorder(PHASES.raw).sequential(rawBatch.length, () => rawEvents.insertMany(rawBatch, { ordered: false }));
    await recorder(PHASES.rawIdOnly).sequential(rawBatch.length, () => rawIdOnly.insertMany(rawBatch, { ordered: false }));
    await recorder(PHASES.newStreams).sequential(newBatches[i].length, async () =>
      expectAppended(await store.appendMany(newBatches[i])),
    );
    await recorder(PHASES.existingStreams).sequential(nextBatches[i].length, async () =>
      expectAppended(await store.appendMany(nextBatches[i])),
    );
    await recorder(PHASES.coldStore).sequential(coldBatches[i].length, async () =>
      expectAppended(await coldStore.appendMany(coldBatches[i])),
    );
  }
  const sliceSize = Math.ceil(size.singles / SINGLE_SLICES);
  for (let from = 0; from < size.singles; from += sliceSize) {
    const to = Math.min(size.singles, from + sliceSize);
    await recorder(PHASES.rawSingle).concurrent(from, to, flags.concurrency, (i) =>
      rawEvents.insertOne(rawCommit(size.events + i + 1, singleStreams[i], singleEvents[i], recordedAt)),
    );
    await recorder(PHASES.single).concurrent(from, to, flags.concurrency, (i) =>
      store.append(singleStreams[i], 0, [singleEvents[i]]),
    );
  }

  times.phase('setup');
  await rawDb.dropDatabase();
  await storeDb.dropDatabase();
  const phases = Object.fromEntries([...recorders.entries()].map(([phase, r]) => [phase, r.measurement()])) as Record<
    Phase,
    Measurement
  >;
  const base = phases[PHASES.raw].perSecond;
  const ratios = {
    newStreams: phases[PHASES.newStreams].perSecond / base,
    existingStreams: phases[PHASES.existingStreams].perSecond / base,
    coldStore: phases[PHASES.coldStore].perSecond / base,
    singles: phases[PHASES.single].perSecond / phases[PHASES.rawSingle].perSecond,
  };
  return { phases, ratios, commands: times.take() } satisfies RoundResult;
}

/** What validating one event through the catalogue (zod) costs, the same call the store makes per event. */
function validationCost(count: number): { perEventUs: number; perBatchMs: number } {
  const envelopes = Array.from({ length: count }, (_, i) =>
    visitEnvelope(visitStream('validation', i), 1, pendingVisit(i, 'validation'), new Date()),
  );
  for (const envelope of envelopes.slice(0, 1_000)) platformCatalogue.read(envelope);
  const started = performance.now();
  for (const envelope of envelopes) platformCatalogue.read(envelope);
  const perEventUs = ((performance.now() - started) * 1000) / count;
  return { perEventUs, perBatchMs: (perEventUs * flags.batch) / 1000 };
}

function ratioRow(name: string, values: readonly number[], target?: number): string[] {
  const middle = median(values);
  const judged = target === undefined ? ['info', ''] : [`≥ ${target}`, verdict(middle, target)];
  return [name, values.map(ratioText).join(' '), ratioText(middle), ...judged];
}

async function main(): Promise<void> {
  const infra = await startBenchInfra({
    durable: flags.durable,
    kafkaPort: flags['kafka-port'],
    mongoPort: flags['mongo-port'],
  });
  const client = await new MongoClient(infra.endpoints.mongoUrl, { monitorCommands: true }).connect();
  try {
    const times = new CommandTimes(client);
    const runId = `bench_append_${randomBytes(3).toString('hex')}`;
    const sample = pendingVisit(0, 'size');
    const sampleEnvelope = visitEnvelope(visitStream('size', 0), 1, sample, new Date());
    const eventSize = {
      jsonEnvelopeBytes: envelopeBytes(sampleEnvelope),
      bsonCommitBytes: BSON.calculateObjectSize(rawCommit(1, visitStream('size', 0), sample, new Date())),
    };
    process.stdout.write(
      `append benchmark on ${infra.backend}: ${events} events in batches of ${flags.batch}, ` +
        `${singles} single appends × ${flags.concurrency} in flight, ${flags.rounds} rounds ` +
        `(event ${eventSize.jsonEnvelopeBytes} B as JSON, commit ${eventSize.bsonCommitBytes} B as BSON)\n`,
    );
    await round(client, times, `${runId}_warmup`, { events: Math.min(events, 2_000), singles: Math.min(singles, 500) });

    const rounds: RoundResult[] = [];
    for (let r = 1; r <= flags.rounds; r += 1) {
      const result = await round(client, times, `${runId}_r${r}`, { events, singles });
      rounds.push(result);
      const ratioOf: Partial<Record<Phase, number>> = {
        [PHASES.newStreams]: result.ratios.newStreams,
        [PHASES.existingStreams]: result.ratios.existingStreams,
        [PHASES.coldStore]: result.ratios.coldStore,
        [PHASES.single]: result.ratios.singles,
      };
      const rows = Object.values(PHASES).map((phase) => measurementRow(phase, result.phases[phase], ratioOf[phase]));
      printTable(`round ${r} (latency = one call: a batch of ${flags.batch}, or one append)`, [measurementHeader, ...rows]);
    }

    const last = rounds[rounds.length - 1];
    const where = `where the time goes, round ${rounds.length}`;
    for (const phase of [PHASES.newStreams, PHASES.existingStreams, PHASES.coldStore]) {
      printCommandTimes(`${where}: ${phase}`, last.commands[phase], last.phases[phase].elapsedMs);
    }
    printCommandTimes(`${where}: ${PHASES.single} (${flags.concurrency} in flight)`, last.commands[PHASES.single]);
    const validation = validationCost(Math.min(events, 10_000));
    process.stdout.write(
      '\nvalidation (platformCatalogue.read, as the store calls it per event): ' +
        `${validation.perEventUs.toFixed(1)} µs/event, ` +
        `${validation.perBatchMs.toFixed(1)} ms per batch of ${flags.batch}\n`,
    );

    const ratios = {
      newStreams: rounds.map((r) => r.ratios.newStreams),
      existingStreams: rounds.map((r) => r.ratios.existingStreams),
      coldStore: rounds.map((r) => r.ratios.coldStore),
      singles: rounds.map((r) => r.ratios.singles),
    };
    printTable('ratio to the raw baseline of the same round', [
      ['measure', 'per round', 'median', 'target', 'verdict'],
      ratioRow('appendMany, new streams / raw insertMany', ratios.newStreams, TARGET),
      ratioRow('appendMany, expected version 1 / raw insertMany', ratios.existingStreams, TARGET),
      ratioRow('appendMany, expected version 2, cold store / raw insertMany', ratios.coldStore),
      ratioRow('append × concurrency / raw insertOne × concurrency', ratios.singles),
    ]);

    const file = writeResult(flags.durable ? 'append-durable' : 'append', {
      name: 'append',
      finishedAt: new Date().toISOString(),
      backend: infra.backend,
      machine: machine(),
      options: { ...flags, events, singles },
      eventSize,
      target: TARGET,
      summary: {
        newStreams: { ratio: median(ratios.newStreams), verdict: verdict(median(ratios.newStreams), TARGET) },
        existingStreams: { ratio: median(ratios.existingStreams), verdict: verdict(median(ratios.existingStreams), TARGET) },
        coldStore: { ratio: median(ratios.coldStore), verdict: 'info' },
        singles: { ratio: median(ratios.singles), verdict: 'info' },
      },
      validation,
      rounds,
    });
    process.stdout.write(`\nresults written to ${file}\n`);
  } finally {
    await client.close();
    await infra.stop();
  }
}

runBench('append', main);
