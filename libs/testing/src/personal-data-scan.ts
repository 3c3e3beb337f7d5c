import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { until } from './waiting';

/** Topics and log files a spec writes a clear national ID into on purpose, to prove the scan finds one. */
export const CANARY_MARK = 'pii-canary';

/**
 * Thirteen-digit runs with a valid Thai national-ID check digit: (11 − Σ dᵢ × (13 − i) mod 11) mod 10, standing
 * on their own. A run that is a bare value after `:`, `,` or `[` (spaces allowed) is a number — pino's
 * epoch-millisecond `time`, Kafka's `startTimeMs: …` — and one glued to a word (`group-1795462446375`, `t_…`) is part
 * of a name made with `Date.now()`; a national ID, always a string, stands in quotes or in running text.
 */
export function clearNationalIds(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![:,[]\s*)(?<![\w-])\d{13}(?!\w)/g)) {
    const digits = match[0];
    let sum = 0;
    for (let index = 0; index < 12; index += 1) sum += Number(digits[index]) * (13 - index);
    if ((11 - (sum % 11)) % 10 === Number(digits[12])) found.push(digits);
  }
  return found;
}

export interface ScanFinding {
  /** The file or topic/partition/offset; the ID itself is shown masked only. */
  readonly where: string;
  readonly masked: string;
}

export interface ScanReport {
  readonly scanned: number;
  readonly findings: ScanFinding[];
}

const masked = (id: string) => `${'x'.repeat(9)}${id.slice(-4)}`;

function filesUnder(path: string): string[] {
  let entries: string[];
  try {
    if (statSync(path).isFile()) return [path];
    entries = readdirSync(path);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => filesUnder(join(path, entry)));
}

/** Every line of the files, and of every file under the folders (service logs of the run, the servers' own logs). */
export function scanLogFiles(paths: readonly string[]): ScanReport {
  const findings: ScanFinding[] = [];
  let scanned = 0;
  for (const file of paths.flatMap(filesUnder).filter((path) => !path.includes(CANARY_MARK))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    scanned += lines.length;
    lines.forEach((line, index) => {
      for (const id of clearNationalIds(line)) findings.push({ where: `${file}:${index + 1}`, masked: masked(id) });
    });
  }
  return { scanned, findings };
}

/** Every message (key, headers, value) of every topic on the broker, from the first offset to the last. */
export async function scanKafka(brokers: readonly string[], options: { onlyTopics?: (topic: string) => boolean } = {}): Promise<ScanReport & { topics: number }> {
  const kafka = new Kafka({ brokers: [...brokers], clientId: 'personal-data-scan', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const findings: ScanFinding[] = [];
  let scanned = 0;
  try {
    const wanted = options.onlyTopics ?? ((topic: string) => !topic.includes(CANARY_MARK));
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__') && wanted(topic));
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        if (Number(partition.high) > Number(partition.low)) ends.set(`${topic}/${partition.partition}`, Number(partition.high));
      }
    }
    if (ends.size === 0) return { scanned, findings, topics: topics.length };
    const consumer = kafka.consumer({ groupId: `personal-data-scan-${randomBytes(6).toString('hex')}`, maxBytes: 50 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topics: [...new Set([...ends.keys()].map((key) => key.slice(0, key.lastIndexOf('/'))))], fromBeginning: true });
    const partitions = ends.size;
    try {
      await consumer.run({
        eachBatch: async ({ batch }) => {
          for (const message of batch.messages) {
            scanned += 1;
            const headers = Object.entries(message.headers ?? {}).map(([name, value]) => `${name}=${value?.toString() ?? ''}`);
            const text = [message.key?.toString() ?? '', ...headers, message.value?.toString() ?? ''].join('\n');
            for (const id of clearNationalIds(text)) findings.push({ where: `${batch.topic}/${batch.partition}@${message.offset}`, masked: masked(id) });
          }
          const key = `${batch.topic}/${batch.partition}`;
          const end = ends.get(key);
          if (end !== undefined && Number(batch.lastOffset()) + 1 >= end) ends.delete(key);
        },
      });
      await until(() => ends.size === 0, () => `the scan to reach the end of ${partitions} partitions (${ends.size} not reached)`);
    } finally {
      await consumer.disconnect();
    }
    return { scanned, findings, topics: topics.length };
  } finally {
    await admin.disconnect();
  }
}
