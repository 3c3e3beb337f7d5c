/** The dashboard's settings, read once at start from the environment. */
export interface DashboardConfig {
  readonly port: number;
  /** Where the reporting service answers; `/api/*` is passed on to it. */
  readonly reportingUrl: URL;
  readonly logLevel: string;
  /** The development sign-in's accounts (`DASHBOARD_ACCOUNTS_FILE`); without it nobody can sign in. */
  readonly accountsFile?: string;
  /** What `LocalSignIn` signs tokens with (`AUTH_AUDIENCE`, `AUTH_LOCAL_ISSUER_KEY`, `AUTH_LOCAL_ISSUER`), if set. */
  readonly localIssuer?: Readonly<Record<string, string>>;
}

export function dashboardConfigFrom(env: NodeJS.ProcessEnv): DashboardConfig {
  const port = Number(env['HTTP_PORT'] ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`HTTP_PORT must be a port number, not ${env['HTTP_PORT']}`);
  const reportingUrl = new URL(env['REPORTING_URL'] ?? 'http://127.0.0.1:3104');
  if (reportingUrl.protocol !== 'http:' && reportingUrl.protocol !== 'https:') throw new Error('REPORTING_URL must be an http(s) address');
  const { AUTH_AUDIENCE, AUTH_LOCAL_ISSUER_KEY, AUTH_LOCAL_ISSUER } = env;
  const localIssuer =
    AUTH_AUDIENCE && AUTH_LOCAL_ISSUER_KEY ? { AUTH_AUDIENCE, AUTH_LOCAL_ISSUER_KEY, ...(AUTH_LOCAL_ISSUER ? { AUTH_LOCAL_ISSUER } : {}) } : undefined;
  return { port, reportingUrl, logLevel: env['LOG_LEVEL'] ?? 'info', accountsFile: env['DASHBOARD_ACCOUNTS_FILE'] || undefined, localIssuer };
}
