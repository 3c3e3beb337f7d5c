import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { killOnExit, releaseOnExit } from '../exit-guard';
import { type PidRecord, removePidFile, writePidRecord } from '../pid-file';
import { terminate } from '../processes';
import { waitUntilHealthy } from '../health';
import { describeLog } from '../log-tail';
import { JAVA_HINT, javaTool } from '../run-command';
import type { InfraLog } from '../types';

export interface JavaServerSpec {
  name: string;
  javaArgs: string[];
  markers: string[];
  address: string;
  logFile: string;
  pidFile: string;
  dataDir: string;
  /** true: own session, survives this Node process; false: killed when this Node process exits */
  detached: boolean;
  /** start the log afresh rather than appending to it */
  truncateLog: boolean;
  env: NodeJS.ProcessEnv;
}

/** Starts a JVM whose stdout and stderr go to its log file, and records it in its pid file. */
export async function spawnJavaServer(spec: JavaServerSpec): Promise<PidRecord> {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const fd = openSync(spec.logFile, spec.truncateLog ? 'w' : 'a');
  let pid: number;
  try {
    writeSync(fd, `=== khu-infra: ${spec.name} starting at ${new Date().toISOString()} ===\n`);
    const child = spawn(javaTool(spec.env, 'java'), spec.javaArgs, {
      cwd: spec.dataDir,
      env: spec.env,
      detached: spec.detached,
      stdio: ['ignore', fd, fd],
    });
    pid = await new Promise<number>((resolvePromise, reject) => {
      child.once('spawn', () => resolvePromise(child.pid as number));
      child.once('error', (error) => reject(new Error(`cannot start ${spec.name}: ${error.message} (${JAVA_HINT})`)));
    });
    // Exit and stop are watched through the pid, the same way for our children and for a later CLI's.
    child.unref();
  } finally {
    closeSync(fd);
  }
  if (!spec.detached) killOnExit(pid);
  const record: PidRecord = {
    pid,
    markers: spec.markers,
    address: spec.address,
    logFile: spec.logFile,
    dataDir: spec.dataDir,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
  };
  writePidRecord(spec.pidFile, record);
  return record;
}

/** Spawns the server, waits until it answers (stopping it again if it never does) and says where it runs. */
export async function launchJavaServer(
  spec: JavaServerSpec & { label: string; answers: () => Promise<boolean>; timeoutMs: number },
  log: InfraLog,
): Promise<PidRecord> {
  const started = Date.now();
  const record = await spawnJavaServer(spec);
  try {
    await waitUntilHealthy({
      name: spec.label,
      check: spec.answers,
      timeoutMs: spec.timeoutMs,
      diagnose: () => describeLog(spec.logFile),
      pid: record.pid,
    });
  } catch (error) {
    await stopJavaServer(record, spec.pidFile);
    throw error;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`${spec.name}: ready on ${spec.address} in ${seconds} s (pid ${record.pid}, log ${spec.logFile})`);
  return record;
}

export async function stopJavaServer(record: PidRecord, pidFile: string): Promise<void> {
  await terminate(record.pid);
  releaseOnExit(record.pid);
  removePidFile(pidFile, record.pid);
}
