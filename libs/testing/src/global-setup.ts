// jest loads global setup without the workspace's path mapping, so these imports are relative.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { readInfraConfig, startInfra } from '../../../infra/src';
import { serveInfraControl } from './infra-control';
import { testEnv } from './test-env';

/**
 * One broker and one database server for the whole jest run (every project's config names this file, and jest
 * runs a global setup once per distinct path). Test files reach them through environment variables and a small
 * loopback control endpoint that can stop and start the broker. Every service a test starts writes its log lines
 * under one folder of the run, which the global teardown scans for clear national IDs.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const infra = await startInfra({ profile: 'test', log: (line) => process.stderr.write(`[infra] ${line}\n`) });
  const control = await serveInfraControl(infra);
  const runId = Date.now().toString(36);
  const logDir = join(readInfraConfig({ profile: 'test' }).logDir, 'runs', runId);
  mkdirSync(logDir, { recursive: true });
  process.env[testEnv.kafkaBrokers] = infra.endpoints.kafkaBrokers.join(',');
  process.env[testEnv.mongoUrl] = infra.endpoints.mongoUrl;
  process.env[testEnv.control] = control.url;
  process.env[testEnv.runId] = runId;
  process.env[testEnv.logDir] = logDir;
  globalThis.__khuInfra = { infra, control, logDir };
  process.stderr.write(
    `[infra] kafka ${infra.endpoints.kafkaSource} ${infra.endpoints.kafkaBrokers.join(',')}, ` +
      `mongo ${infra.endpoints.mongoSource}, ready in ${Date.now() - started} ms\n`,
  );
}
