import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startInfra, type InfraEndpoints } from '@khu-siao/infra';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Away from the test profile (39092/37017) and the platform (29092/27027), so a bench runs beside both. */
export const BENCH_PORTS = { kafka: 49092, mongo: 47017 } as const;

export interface BenchInfraOptions {
  /** The platform profile: mongo-java-server on its durable H2 backend instead of the memory backend. */
  readonly durable: boolean;
  readonly kafkaPort: number;
  readonly mongoPort: number;
}

export interface BenchInfra {
  readonly endpoints: InfraEndpoints;
  readonly backend: string;
  /** The throwaway KHU_INFRA_DIR (pid files of the servers this run started are under run/<profile>). */
  readonly infraDir: string;
  /** Stops the servers this run started and removes their folder; idempotent. */
  stop(): Promise<void>;
}

const say = (line: string) => process.stderr.write(`[infra] ${line}\n`);

/**
 * Starts Kafka and MongoDB (or takes KAFKA_BROKERS / MONGO_URL from the environment) under a throwaway
 * KHU_INFRA_DIR. A folder of its own matters twice: the test profile's run folder in .infra is shared with `nx test`
 * (each refuses to start while the other's servers are recorded there), and the platform profile keeps its data,
 * which a benchmark must not leave behind or mix with the platform's. The downloaded jars are shared, not re-fetched.
 */
export async function startBenchInfra(options: BenchInfraOptions): Promise<BenchInfra> {
  const infraDir = mkdtempSync(join(tmpdir(), 'khu-bench-infra-'));
  const env = {
    ...process.env,
    KHU_INFRA_DIR: infraDir,
    KHU_INFRA_CACHE_DIR: process.env['KHU_INFRA_CACHE_DIR'] ?? join(REPO_ROOT, '.infra', 'cache'),
  };
  if (options.durable) {
    say(
      'WARNING: --durable uses the platform profile, which persists its data and runs its servers detached. ' +
        `This run points it at the throwaway folder ${infraDir} and stops and removes it at the end; ` +
        `if the run is killed hard, stop the servers on ports ${options.kafkaPort}/${options.mongoPort} ` +
        'and remove that folder yourself.',
    );
  }
  const running = await startInfra({
    profile: options.durable ? 'platform' : 'test',
    env,
    log: say,
    ports: { kafka: options.kafkaPort, kafkaController: options.kafkaPort + 1, mongo: options.mongoPort },
  }).catch((error: unknown) => {
    // A server that failed to start leaves nothing to stop, but the throwaway folder would stay behind.
    rmSync(infraDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= running.stop().then(() => rmSync(infraDir, { recursive: true, force: true, maxRetries: 3 }));
    return stopping;
  };
  // The platform profile's servers are detached: without this, Ctrl-C would leave them running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the servers`);
      void stop().finally(() => process.exit(130));
    });
  }
  const external = running.endpoints.mongoSource === 'environment';
  return {
    endpoints: running.endpoints,
    backend: external ? 'MONGO_URL' : options.durable ? 'mongo-java-server H2 (durable)' : 'mongo-java-server memory',
    infraDir,
    stop,
  };
}
