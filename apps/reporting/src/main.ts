import { readServiceConfig, startServiceApp } from '@khu-siao/service-runtime';
import { ReportingModule } from './reporting.module';
import { reportingAppOptions } from './reporting-app';

async function main(): Promise<void> {
  const config = readServiceConfig('reporting');
  await startServiceApp(ReportingModule, { ...reportingAppOptions, config, host: process.env['HTTP_HOST'] ?? '127.0.0.1' });
}

main().catch((error: unknown) => {
  process.stderr.write(`reporting failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
