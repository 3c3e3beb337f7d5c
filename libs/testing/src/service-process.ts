import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from './test-context';
import { testEnv } from './test-env';
import { until } from './waiting';

const workspaceRoot = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  stop(): Promise<void>;
  /** Ends it as a crash would (SIGKILL: no shutdown hook runs), resolving once it has exited. */
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment a service needs to run on this test file's servers, database and topic namespace. */
export function serviceEnv(context: TestContext, database: string): Record<string, string> {
  return {
    MONGO_URL: context.mongoUrl,
    MONGO_DB: context.database(database).databaseName,
    KAFKA_BROKERS: context.kafkaBrokers.join(','),
    TOPIC_NAMESPACE: context.namespace,
    ...context.securityEnv,
  };
}

/**
 * Starts an app of the workspace as its own process, the way the platform runs it (apps never import each other),
 * on a free port; resolves once its /health answers 200, or fails with the end of its stderr to say why not.
 */
export async function startServiceProcess(name: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  // Under jest's global setup the service's log lines go to the run's log folder, scanned for personal data.
  const logDir = process.env[testEnv.logDir];
  const logFd = logDir ? openSync(join(logDir, `${name}-${port}-${Date.now().toString(36)}.log`), 'a') : undefined;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', name, 'src', 'main.ts')], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', LOG_LEVEL: logFd === undefined ? 'warn' : 'info', ...env },
    stdio: ['ignore', logFd ?? 'ignore', 'pipe'],
  });
  if (logFd !== undefined) closeSync(logFd);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-3_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const end = (signal: 'SIGTERM' | 'SIGKILL') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  const stop = () => end('SIGTERM');
  const kill = () => end('SIGKILL');
  try {
    await until(async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode} before it was healthy; its stderr ended with:\n${stderr}`);
      return fetch(`${baseUrl}/health`).then((response) => response.ok, () => false);
    }, () => `${name} to answer /health; its stderr ended with:\n${stderr}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, baseUrl, stop, kill };
}

/**
 * Starts several apps side by side (as `startServiceProcess`); when one does not start, stops those that did before
 * failing with its reason, so that no service outlives the spec.
 */
export async function startServiceProcesses(services: readonly { name: string; env: Record<string, string> }[]): Promise<ServiceProcess[]> {
  const started = await Promise.allSettled(services.map(({ name, env }) => startServiceProcess(name, env)));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (!failure) return running;
  await Promise.all(running.map((service) => service.stop()));
  throw failure.reason;
}
