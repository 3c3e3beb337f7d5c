import { LocalSignIn } from '@khu-siao/security';
import { createLogger } from '@khu-siao/observability';
import { dashboardConfigFrom } from './server/dashboard-config';
import { startDashboardServer } from './server/dashboard-server';
import { loadAccounts, Sessions } from './server/sign-in';

async function main(): Promise<void> {
  const config = dashboardConfigFrom(process.env);
  const logger = createLogger({ service: 'dashboard', level: config.logLevel });
  const accounts = loadAccounts(config.accountsFile);
  if (accounts.length === 0 || !config.localIssuer) logger.warn('no DASHBOARD_ACCOUNTS_FILE or AUTH_LOCAL_ISSUER_KEY: nobody can sign in');
  const sessions = new Sessions(accounts, config.localIssuer ? new LocalSignIn(config.localIssuer) : undefined);
  const server = await startDashboardServer({ port: config.port, reportingUrl: config.reportingUrl, logger, sessions });
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
