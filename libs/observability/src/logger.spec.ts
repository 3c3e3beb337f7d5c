import { PassThrough } from 'node:stream';
import { withCorrelation } from './correlation';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { lines, logger: createLogger({ service: 'spec', destination }) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the service logger', () => {
  it('puts the current correlation and causation ids on every line written inside the work', async () => {
    const { lines, logger } = capture();
    logger.info('outside');
    withCorrelation({ correlationId: 'corr-9', causationId: 'event-3' }, () => logger.info('inside'));
    await flush();
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[1]).toMatchObject({ msg: 'inside', correlationId: 'corr-9', causationId: 'event-3', service: 'spec' });
  });

  it('does not repeat a correlation id that the logger already carries', async () => {
    const { lines, logger } = capture();
    withCorrelation({ correlationId: 'corr-1' }, () => logger.child({ correlationId: 'corr-1' }).info('request'));
    await flush();
    expect(JSON.stringify(lines[0]).match(/correlationId/g)).toHaveLength(1);
  });

  it('redacts personal fields wherever a line carries them', async () => {
    const { lines, logger } = capture();
    logger.info(
      {
        nationalId: '1101700230705',
        household: { members: [{ firstName: 'Somchai', nationalId: '1101700230705' }] },
        command: { member: { lastName: 'Jaidee', birthDate: '1970-01-01' } },
      },
      'registering',
    );
    await flush();
    const text = JSON.stringify(lines[0]);
    for (const secret of ['1101700230705', 'Somchai', 'Jaidee', '1970-01-01']) expect(text).not.toContain(secret);
  });
});
