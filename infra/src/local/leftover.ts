import { join } from 'node:path';
import { liveRecord, type PidRecord } from '../pid-file';
import { isAlive } from '../processes';
import type { InfraLog } from '../types';
import { stopJavaServer } from './java-server';

export interface Leftover {
  name: string;
  pidFile: string;
  /** the platform profile keeps its own healthy servers; the test profile always starts afresh */
  reusable: boolean;
  /** markers and address the server we want would have */
  markers: string[];
  address: string;
  answers: (address: string) => Promise<boolean>;
  log: InfraLog;
}

/**
 * Deals with a server that a previous run of this profile left behind: returns it when it is exactly the one
 * wanted and healthy (and reuse is allowed), otherwise stops it so that the port and data are free again.
 */
export async function takeOverLeftover(leftover: Leftover): Promise<PidRecord | undefined> {
  const record = liveRecord(leftover.pidFile);
  if (!record) return undefined;
  const same =
    record.address === leftover.address && leftover.markers.every((marker) => record.markers.includes(marker));
  if (leftover.reusable && same && (await leftover.answers(record.address))) {
    leftover.log(`${leftover.name}: reusing the healthy server already running (pid ${record.pid}, ${record.address})`);
    return record;
  }
  leftover.log(`${leftover.name}: stopping the server a previous run left behind (pid ${record.pid})`);
  await stopJavaServer(record, leftover.pidFile);
  return undefined;
}

/**
 * Stops the servers recorded in a profile's run folder and returns what it stopped. With onlyAbandoned, a server
 * whose starting process still runs (another test run right now) is not touched: that is an error for the caller.
 */
export async function stopRecordedServers(runDir: string, log: InfraLog, onlyAbandoned = false): Promise<string[]> {
  const stopped: string[] = [];
  for (const name of ['kafka', 'mongo']) {
    const pidFile = join(runDir, `${name}.pid`);
    const record = liveRecord(pidFile);
    if (!record) continue;
    if (onlyAbandoned && record.ownerPid !== process.pid && isAlive(record.ownerPid)) {
      throw new Error(
        `${name} of another running test run (node pid ${record.ownerPid}) is on ${record.address}; ` +
          'wait for that run to finish, or give this one other ports (KHU_KAFKA_PORT, KHU_KAFKA_CONTROLLER_PORT, ' +
          'KHU_MONGO_PORT) and another KHU_INFRA_DIR',
      );
    }
    log(`${name}: stopping pid ${record.pid} (${record.address}) that an earlier run left running`);
    await stopJavaServer(record, pidFile);
    stopped.push(`${name} (local pid ${record.pid})`);
  }
  return stopped;
}
