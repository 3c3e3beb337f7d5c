import { createLogger } from '@khu-siao/observability';
import { dashboardConfigFrom } from './server/dashboard-config';
import { startDashboardServer } from './server/dashboard-server';

async function main(): Promise<void> {
  const config = dashboardConfigFrom(process.env);
  const logger = createLogger({ service: 'dashboard', level: config.logLevel });
  const server = await startDashboardServer({ port: config.port, reportingUrl: config.reportingUrl, logger });
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
