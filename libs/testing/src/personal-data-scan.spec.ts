import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CANARY_MARK, clearNationalIds, scanKafka, scanLogFiles } from './personal-data-scan';
import { nationalId } from './platform-requests';
import { createTestContext, type TestContext } from './test-context';

describe('the personal-data scan', () => {
  const id = nationalId(4242);

  it('finds a valid national ID in text, and passes over invalid ones, longer runs and JSON numbers', () => {
    expect(clearNationalIds(`member ${id} registered`)).toEqual([id]);
    expect(clearNationalIds(`{"nationalId":"${id}"}`)).toEqual([id]);
    const wrongCheckDigit = `${id.slice(0, 12)}${(Number(id[12]) + 1) % 10}`;
    expect(clearNationalIds(`member ${wrongCheckDigit}`)).toEqual([]);
    expect(clearNationalIds(`order 9${id}`)).toEqual([]);
    // pino's epoch-millisecond time is a JSON number (this one happens to have a valid check digit).
    expect(clearNationalIds('{"level":30,"time":1763920123451,"msg":"ok"}')).toEqual([]);
    expect(clearNationalIds('[2026-11-23] INFO startTimeMs: 1763920123451, other: 1763920123451')).toEqual([]);
    // A query string in a request log is where an ID would leak: it is found there.
    expect(clearNationalIds(`"url":"/households?nationalId=${id}"`)).toEqual([id]);
    expect(clearNationalIds(`{"ids":["${id}"]} and "${id}"`)).toEqual([id, id]);
    // Names made with Date.now() (this one happens to have a valid check digit) are not IDs.
    expect(clearNationalIds('joins group personal-data-scan-1795462446375 in Empty state; topic t_1795462446375')).toEqual([]);
    expect(clearNationalIds(`member ${id}, member ${id}.`)).toEqual([id, id]);
  });

  it('reports a log line holding one, masked, and skips the canaries of this spec', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    try {
      writeFileSync(join(dir, 'service.log'), `{"msg":"fine"}\n{"msg":"leaked ${id}"}\n`);
      writeFileSync(join(dir, `${CANARY_MARK}.log`), `{"msg":"planted ${id}"}\n`);
      const report = scanLogFiles([dir]);
      expect(report.findings).toEqual([{ where: `${join(dir, 'service.log')}:2`, masked: `xxxxxxxxx${id.slice(-4)}` }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on the run\'s broker', () => {
    let context: TestContext;
    beforeAll(async () => {
      context = await createTestContext('scan');
    });
    afterAll(async () => {
      await context.close();
    });

    it('reads every message of a topic to its end and reports the one holding an ID in clear', async () => {
      const topic = `${CANARY_MARK}-${randomBytes(4).toString('hex')}`;
      const admin = context.kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
      await admin.disconnect();
      const producer = context.kafka.producer();
      await producer.connect();
      await producer.send({
        topic,
        messages: [
          ...Array.from({ length: 50 }, (_, index) => ({ key: `k${index}`, value: JSON.stringify({ index, sealed: 'pd1.abc' }) })),
          { key: 'leak', value: JSON.stringify({ member: { nationalId: id } }), partition: 1 },
        ],
      });
      await producer.disconnect();
      const report = await scanKafka(context.kafkaBrokers, { onlyTopics: (name) => name === topic });
      expect(report.scanned).toBe(51);
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]?.masked).toBe(`xxxxxxxxx${id.slice(-4)}`);
    });
  });
});
