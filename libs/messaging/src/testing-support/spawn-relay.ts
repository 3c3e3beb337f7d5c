import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');

export interface RelayProcessSettings {
  readonly mongoUrl: string;
  readonly dbName: string;
  readonly kafkaBrokers: readonly string[];
  readonly topicNamespace: string;
  readonly batchSize: number;
}

/** Starts the relay in a child process and resolves once it says it has started. */
export function spawnRelay(settings: RelayProcessSettings): Promise<ChildProcess> {
  // node itself with tsx as a loader (not the tsx CLI, which forks a second process that a SIGKILL would orphan).
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 'relay-process.ts')], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: join(workspaceRoot, 'tsconfig.base.json'),
      MONGO_URL: settings.mongoUrl,
      DB_NAME: settings.dbName,
      KAFKA_BROKERS: settings.kafkaBrokers.join(','),
      TOPIC_NAMESPACE: settings.topicNamespace,
      RELAY_BATCH_SIZE: String(settings.batchSize),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('relay started')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`relay process exited with ${code} before it started`)));
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
