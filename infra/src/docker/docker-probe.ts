import { request, type RequestOptions } from 'node:http';

const PROBE_TIMEOUT_MS = 1_500;
const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * True when a Docker engine answers GET /_ping. testcontainers itself would hang without limit on a DOCKER_HOST
 * that accepts connections and never answers, so this probe always gives up after 1.5 s.
 */
export function dockerAnswers(dockerHost: string | undefined): Promise<boolean> {
  const target = requestTarget(dockerHost);
  if (!target) return Promise.resolve(false);
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (answer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolvePromise(answer);
    };
    const timer = setTimeout(() => settle(false), PROBE_TIMEOUT_MS);
    const req = request({ ...target, method: 'GET', path: '/_ping', timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => settle(res.statusCode === 200 && body.trim() === 'OK'));
      res.on('error', () => settle(false));
    });
    req.on('timeout', () => settle(false));
    req.on('error', () => settle(false));
    req.end();
  });
}

/** unix:// and tcp:// hosts are probed; anything else (ssh://, npipe://) counts as no engine. */
function requestTarget(dockerHost: string | undefined): RequestOptions | undefined {
  if (!dockerHost) return { socketPath: DEFAULT_SOCKET };
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  if (dockerHost.startsWith('tcp://')) {
    const url = new URL(`http://${dockerHost.slice('tcp://'.length)}`);
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  return undefined;
}
