/** The dashboard's settings, read once at start from the environment. */
export interface DashboardConfig {
  readonly port: number;
  /** Where the reporting service answers; `/api/*` is passed on to it. */
  readonly reportingUrl: URL;
  readonly logLevel: string;
}

export function dashboardConfigFrom(env: NodeJS.ProcessEnv): DashboardConfig {
  const port = Number(env['HTTP_PORT'] ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`HTTP_PORT must be a port number, not ${env['HTTP_PORT']}`);
  const reportingUrl = new URL(env['REPORTING_URL'] ?? 'http://127.0.0.1:3104');
  if (reportingUrl.protocol !== 'http:' && reportingUrl.protocol !== 'https:') throw new Error('REPORTING_URL must be an http(s) address');
  return { port, reportingUrl, logLevel: env['LOG_LEVEL'] ?? 'info' };
}
