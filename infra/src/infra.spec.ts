import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS, provisionLocalServers, readInfraConfig, type RunningInfra, startInfra } from './index';
import { isAlive } from './processes';

// Real servers on ports shifted away from the test profile's, so that the suite's global servers can run meanwhile.
const PORTS = {
  kafka: DEFAULT_PORTS.test.kafka + 200,
  kafkaController: DEFAULT_PORTS.test.kafkaController + 200,
  mongo: DEFAULT_PORTS.test.mongo + 200,
};
const DURABLE_MONGO_PORT = DEFAULT_PORTS.test.mongo + 201;
const SHARED_CACHE = readInfraConfig({ profile: 'test' }).cacheDir;

/** A throwaway infra folder that still uses the shared jar cache, with no server given by the environment. */
function isolatedEnv(infraDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KHU_INFRA_DIR: infraDir,
    KHU_INFRA_CACHE_DIR: SHARED_CACHE,
    KHU_INFRA_DOCKER: 'off',
    ...extra,
  };
  if (!('KAFKA_BROKERS' in extra)) delete env.KAFKA_BROKERS;
  if (!('MONGO_URL' in extra)) delete env.MONGO_URL;
  return env;
}

function pidOf(pidFile: string): number {
  return (JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number }).pid;
}

function pidsIn(runDir: string): number[] {
  if (!existsSync(runDir)) return [];
  return readdirSync(runDir)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => pidOf(join(runDir, file)));
}

/** Every live process whose command line mentions the folder: what "no stray process" means here. */
function processesUsing(folder: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return isAlive(Number(pid)) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('infra', () => {
  const infraDir = mkdtempSync(join(tmpdir(), 'khu-infra-spec-'));
  afterAll(() => rmSync(infraDir, { recursive: true, force: true }));

  it('provisions once and then reuses the cache without running Maven or javac', async () => {
    await provisionLocalServers();
    const fakeBin = join(infraDir, 'fake-bin');
    mkdirSync(fakeBin, { recursive: true });
    for (const tool of ['mvn', 'javac']) {
      const script = join(fakeBin, tool);
      writeFileSync(script, `#!/bin/sh\necho "${tool} must not run" >&2\nexit 1\n`);
      chmodSync(script, 0o755);
    }
    const lines: string[] = [];
    const again = await provisionLocalServers({
      env: { ...process.env, JAVA_HOME: '', PATH: `${fakeBin}:${process.env.PATH ?? ''}` },
      log: (line) => lines.push(line),
    });
    expect(again.reused).toBe(true);
    expect(lines.filter((line) => line.includes('reused cache'))).toHaveLength(2);
  });

  describe('local servers of the test profile', () => {
    let infra: RunningInfra;
    const topic = 'infra-spec';

    beforeAll(async () => {
      infra = await startInfra({ profile: 'test', env: isolatedEnv(infraDir), ports: PORTS });
    });
    afterAll(async () => {
      await infra?.stop();
    });

    const kafkaClient = () =>
      new Kafka({ clientId: 'infra-spec', brokers: infra.endpoints.kafkaBrokers, logLevel: logLevel.NOTHING });

    async function readAll(groupId: string, count: number): Promise<string[]> {
      const consumer = kafkaClient().consumer({ groupId });
      const values: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolvePromise) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
            if (values.length === count) resolvePromise();
          },
        });
      });
      await consumer.disconnect();
      return values;
    }

    it('gives a broker that creates a topic and round-trips a message', async () => {
      expect(infra.endpoints).toMatchObject({
        kafkaSource: 'local',
        mongoSource: 'local',
        kafkaBrokers: [`127.0.0.1:${PORTS.kafka}`],
      });
      const admin = kafkaClient().admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await admin.disconnect();
      const producer = kafkaClient().producer({ idempotent: true });
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'before restart' }] });
      await producer.disconnect();
      expect(await readAll('spec-1', 1)).toEqual(['before restart']);
    });

    it('gives a MongoDB server that inserts and finds', async () => {
      const client = await MongoClient.connect(infra.endpoints.mongoUrl);
      try {
        const collection = client.db('infra-spec').collection<{ _id: string; n: number }>('things');
        await collection.insertOne({ _id: 'a', n: 1 });
        expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1 });
      } finally {
        await client.close();
      }
    });

    it('keeps the topic and its message across stopKafka and startKafka', async () => {
      expect(infra.canControlKafka).toBe(true);
      const pidFile = join(infraDir, 'run', 'test', 'kafka.pid');
      const pidBefore = pidOf(pidFile);
      await infra.stopKafka();
      expect(processesUsing('kafka.Kafka')).not.toContain(pidBefore);
      await infra.startKafka();
      expect(pidOf(pidFile)).not.toBe(pidBefore);
      const admin = kafkaClient().admin();
      await admin.connect();
      expect(await admin.listTopics()).toContain(topic);
      await admin.disconnect();
      expect(await readAll('spec-2', 1)).toEqual(['before restart']);
    });

    it('stops every process it started and removes the run data', async () => {
      const runDir = join(infraDir, 'run', 'test');
      expect(pidsIn(runDir)).toHaveLength(2);
      await infra.stop();
      expect(processesUsing(infraDir)).toEqual([]);
      expect(pidsIn(runDir)).toEqual([]);
      expect(readdirSync(join(infraDir, 'data', 'test'))).toEqual([]);
    });
  });

  it('keeps every acknowledged H2 write across a SIGKILL of the platform MongoDB', async () => {
    // Kafka from the environment: only MongoDB is started, and Kafka cannot be controlled from here.
    const env = isolatedEnv(infraDir, { KAFKA_BROKERS: '127.0.0.1:1' });
    const ports = { mongo: DURABLE_MONGO_PORT };
    const count = 500;
    const first = await startInfra({ profile: 'platform', env, ports });
    try {
      expect(first.endpoints).toMatchObject({
        kafkaSource: 'environment',
        mongoSource: 'local',
        kafkaBrokers: ['127.0.0.1:1'],
      });
      expect(first.canControlKafka).toBe(false);
      await expect(first.restartKafka()).rejects.toThrow(/KAFKA_BROKERS/);
      const client = await MongoClient.connect(first.endpoints.mongoUrl);
      const collection = client.db('infra-spec').collection('durable');
      for (let i = 0; i < count; i++) await collection.insertOne({ i });
      await client.close();
    } finally {
      // The platform's servers are detached: a failure above must not leave this one running.
      process.kill(pidOf(join(infraDir, 'run', 'platform', 'mongo.pid')), 'SIGKILL');
    }

    const second = await startInfra({ profile: 'platform', env, ports });
    try {
      const reader = await MongoClient.connect(second.endpoints.mongoUrl);
      expect(await reader.db('infra-spec').collection('durable').countDocuments()).toBe(count);
      await reader.close();
    } finally {
      await second.stop();
    }
    expect(processesUsing(infraDir)).toEqual([]);
  });
});
