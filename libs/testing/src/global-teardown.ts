// eslint-disable-next-line @nx/enforce-module-boundaries
import { infraLogFiles } from '../../../infra/src';
import { scanKafka, scanLogFiles } from './personal-data-scan';

/**
 * Before the servers stop: every log line the run's services wrote (and the servers' own logs) and every message
 * of every topic are scanned for a national ID in clear One found fails the run, naming where (masked).
 */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__khuInfra;
  if (!running) return;
  globalThis.__khuInfra = undefined;
  let failure: Error | undefined;
  try {
    const started = Date.now();
    const logs = scanLogFiles([running.logDir, ...Object.values(infraLogFiles({ profile: 'test' }))]);
    const kafka = await scanKafka(running.infra.endpoints.kafkaBrokers);
    const findings = [...logs.findings, ...kafka.findings];
    process.stderr.write(
      `[personal-data scan] ${logs.scanned} log lines and ${kafka.scanned} Kafka messages in ${kafka.topics} topics: ` +
        `${findings.length} national IDs in clear (${Date.now() - started} ms)\n`,
    );
    if (findings.length > 0) {
      failure = new Error(`national IDs in clear: ${findings.slice(0, 20).map((finding) => `${finding.where} (${finding.masked})`).join('; ')}`);
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  } finally {
    await running.control.close();
    await running.infra.stop();
  }
  if (failure) throw failure;
}
