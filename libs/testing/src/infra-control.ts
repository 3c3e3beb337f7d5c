import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningInfra } from '@khu-siao/infra';
import { requiredTestEnv, testEnv } from './test-env';

export interface InfraControl {
  readonly url: string;
  close(): Promise<void>;
}

const actions = ['stop', 'start', 'restart'] as const;
type KafkaAction = (typeof actions)[number];

/** Lets test files (in jest workers) stop and start the broker that the global setup (in the parent) owns. */
export async function serveInfraControl(infra: RunningInfra): Promise<InfraControl> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/kafka') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ canControl: infra.canControlKafka }));
      return;
    }
    const action = request.url?.replace('/kafka/', '') as KafkaAction;
    if (request.method !== 'POST' || !actions.includes(action)) {
      response.writeHead(404).end();
      return;
    }
    const work = { stop: infra.stopKafka, start: infra.startKafka, restart: infra.restartKafka }[action];
    work.call(infra).then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(409, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** From a test file: stops, starts or restarts the run's broker; rejects where the broker is not ours to control. */
export async function controlKafka(action: KafkaAction): Promise<void> {
  const response = await fetch(`${requiredTestEnv(testEnv.control)}/kafka/${action}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`broker ${action} refused: ${await response.text()}`);
}

/** False where the broker is given from outside (KAFKA_BROKERS): the tests cannot stop it there. */
export async function canControlKafka(): Promise<boolean> {
  const response = await fetch(`${requiredTestEnv(testEnv.control)}/kafka`);
  return ((await response.json()) as { canControl: boolean }).canControl;
}
