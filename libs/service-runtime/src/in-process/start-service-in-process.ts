import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import { readSecurityConfig } from '@khu-siao/security';
import type { ServiceConfig } from '../config/service-config';
import { startServiceApp, type ServiceAppOptions } from '../service-app';

/** The servers and names a test file owns (the shape of `@khu-siao/testing`'s TestContext). */
export interface InProcessServers {
  readonly mongoUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly namespace: string;
  database(suffix: string): { readonly databaseName: string };
  /** The run's sign-in and key settings (`AUTH_*`, `SECURITY_*`), the same for every service of the test file. */
  readonly securityEnv: Readonly<Record<string, string>>;
}

export interface ServiceInProcess {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly config: ServiceConfig;
  /** Every JSON log line the service wrote, parsed, in order. */
  readonly logLines: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Runs a service in the test's process against the run's real servers, on a free port, with its own database and
 * topic namespace, and keeps its log lines for assertions.
 */
export async function startServiceInProcess(
  feature: Type,
  servers: InProcessServers,
  options: Omit<ServiceAppOptions, 'config' | 'logDestination'> & { readonly service: string; readonly rateLimitPerMinute?: number },
): Promise<ServiceInProcess> {
  const logLines: Record<string, unknown>[] = [];
  const logs = new PassThrough();
  let partial = '';
  // Under jest's global setup, every line also goes to the run's log folder, which is scanned for personal data.
  const logDir = process.env['KHU_TEST_LOG_DIR'];
  const logFile = logDir ? createWriteStream(join(logDir, `${options.service}-${process.pid}-${Date.now().toString(36)}.log`), { flags: 'a' }) : undefined;
  if (logFile) logs.pipe(logFile);
  logs.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const config: ServiceConfig = {
    service: options.service,
    httpPort: 0,
    mongoUrl: servers.mongoUrl,
    databaseName: servers.database(options.service).databaseName,
    kafkaBrokers: servers.kafkaBrokers,
    topicNamespace: servers.namespace,
    logLevel: 'info',
    kafkaSsl: false,
    relay: { batchSize: 200, idleMs: 20 },
    security: readSecurityConfig(servers.securityEnv),
    securityDatabaseName: servers.database('security').databaseName,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
  };
  const app = await startServiceApp(feature, { ...options, config, logDestination: logs });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const close = async () => {
    await app.close();
    logs.end();
  };
  return { app, baseUrl: `http://127.0.0.1:${port}`, config, logLines, close };
}
