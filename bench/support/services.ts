import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { freePort } from '@khu-siao/testing';
import { join } from 'node:path';
import type { CommandTotal } from './command-times';
import { REPO_ROOT } from './infra';

/**
 * A service of the platform started as its own process, the way the platform runs it: bench code may not import
 * apps (the module-boundary lint forbids it), so it spawns `node -r @swc-node/register apps/<service>/src/main.ts`.
 */
export interface ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly pid: number;
  /**
   * The service's MongoDB commands (by command and collection) since the last take, when it was started with
   * `traceDb` (see db-trace.ts); undefined otherwise or when it does not answer within 5 s.
   */
  takeDbTrace(): Promise<CommandTotal[] | undefined>;
  /** Starts the CPU profile of a service started with `cpuProfile` afresh. */
  restartCpuProfile(): Promise<void>;
  /** Writes the CPU profile of a service started with `cpuProfile`; answers the file, or undefined. */
  writeCpuProfile(): Promise<string | undefined>;
  /** SIGTERM, then SIGKILL after 10 s; idempotent. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A run that dies (or is stopped with Ctrl-C) must not leave services behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface StartOptions {
  /** Preload db-trace.ts into the service, to count its database commands (a little CPU per command). */
  readonly traceDb?: boolean;
  /** Preload cpu-profile.ts: profile the service from its start, written to this file by `writeCpuProfile`. */
  readonly cpuProfile?: string;
  readonly timeoutMs?: number;
}

/** Starts `apps/<service>/src/main.ts` with `env` on a free port; resolves once its /health answers 200. */
export async function startService(service: string, env: Record<string, string>, options: StartOptions = {}): Promise<ServiceProcess> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const port = await freePort();
  const preload = [
    ...(options.traceDb ? ['-r', join(REPO_ROOT, 'bench', 'support', 'db-trace.ts')] : []),
    ...(options.cpuProfile ? ['-r', join(REPO_ROOT, 'bench', 'support', 'cpu-profile.ts')] : []),
  ];
  const ipc = options.traceDb || options.cpuProfile !== undefined;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ...preload, join('apps', service, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      ...(options.cpuProfile ? { KHU_BENCH_CPU_PROFILE: options.cpuProfile } : {}),
      ...env,
    },
    stdio: ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
  });
  child.channel?.unref();
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode} before it was healthy`);
    const healthy = await fetch(`${baseUrl}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${service} was not healthy within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  /** Sends `request` over the IPC channel and waits (5 s at most) for the answer that `pick` recognises. */
  const ask = <T>(request: object, pick: (message: unknown) => T | undefined) =>
    new Promise<T | undefined>((resolve) => {
      if (!child.connected) return resolve(undefined);
      const timer = setTimeout(() => done(undefined), 5_000);
      function done(value: T | undefined) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(value);
      }
      function onMessage(message: unknown) {
        const answer = pick(message);
        if (answer !== undefined) done(answer);
      }
      child.on('message', onMessage);
      child.send(request);
    });
  const takeDbTrace = async () => {
    if (!options.traceDb) return undefined;
    return ask({ dbTrace: 'take' }, (message) => {
      const trace = (message as { dbTrace?: unknown } | null)?.dbTrace;
      return Array.isArray(trace) ? (trace as CommandTotal[]) : undefined;
    });
  };
  const restartCpuProfile = async () => {
    if (options.cpuProfile) await ask({ cpuProfile: 'restart' }, (message) => ((message as { cpuProfile?: unknown } | null)?.cpuProfile === 'restarted' ? true : undefined));
  };
  const writeCpuProfile = async () => {
    if (!options.cpuProfile) return undefined;
    const written = await ask({ cpuProfile: 'write' }, (message) => {
      const answer = (message as { cpuProfile?: unknown } | null)?.cpuProfile;
      if (answer === undefined || answer === 'restarted') return undefined;
      return { file: typeof answer === 'string' ? answer : undefined };
    });
    return written?.file;
  };
  return { name: service, baseUrl, pid: child.pid as number, takeDbTrace, restartCpuProfile, writeCpuProfile, stop };
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  /** When the call opened a new connection: how long the TCP connect took, ms (a dropped SYN shows as ≥ 1,000). */
  readonly connectMs?: number;
}

/**
 * Keep-alive connections without a cap: an open-loop load must never wait for a free socket on the client. The
 * timeout matters: with one set, the agent honours the server's `Keep-Alive: timeout=5` hint and drops a free socket
 * after 4 s, before the server closes it; without one, a socket left idle after a burst is reused just as the server
 * closes it, and the request fails with ECONNRESET (29 of 12,000 in a first run). It never cuts a request short:
 * the agent destroys only sockets in its free list on timeout.
 */
let maxSockets = Infinity;
const newAgent = () => new Agent({ keepAlive: true, maxSockets, timeout: 60_000 });
let agent = newAgent();

/** Caps the connections per server (calls beyond it wait in the client for a free one); from the next reset on. */
export function limitConnections(limit: number): void {
  maxSockets = limit;
}

/**
 * One JSON call over node:http (cheaper in CPU than fetch, which matters on a 2-core machine); `headers` carry the
 * sign-in (`LocalSignIn` of `@khu-siao/security`, with the services' `testSecurityEnv`).
 */
export function jsonCall(baseUrl: string, method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    let connectMs: number | undefined;
    const call = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body: parsed, connectMs });
        });
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.once('socket', (socket) => {
      if (!socket.connecting) return;
      const started = performance.now();
      socket.once('connect', () => {
        connectMs = performance.now() - started;
      });
    });
    call.end(payload);
  });
}

export function closeConnections(): void {
  agent.destroy();
}

/**
 * Drops the idle keep-alive connections: after a pause longer than the servers' keep-alive timeout (5 s in Node),
 * reusing one races with the server closing it (ECONNRESET). Call it before a new phase of load.
 */
export function resetConnections(): void {
  agent.destroy();
  agent = newAgent();
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined if it is gone or not readable. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The pid a server of this bench's infra was started with (run/<profile>/<name>.pid), if it started one. */
export function infraPid(infraDir: string, profile: string, name: 'kafka' | 'mongo'): number | undefined {
  try {
    const record = JSON.parse(readFileSync(join(infraDir, 'run', profile, `${name}.pid`), 'utf8')) as { pid?: unknown };
    return typeof record.pid === 'number' ? record.pid : undefined;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine so far, in clock ticks, from /proc/stat (other people's work too). */
export function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}
