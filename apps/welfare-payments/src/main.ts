import { readServiceConfig, startServiceApp } from '@khu-siao/service-runtime';
import { WelfarePaymentsModule } from './welfare-payments.module';

async function main(): Promise<void> {
  const config = readServiceConfig('welfare-payments');
  await startServiceApp(WelfarePaymentsModule, {
    config,
    host: process.env['HTTP_HOST'] ?? '127.0.0.1',
    openApi: {
      title: 'Khu Siao — welfare payments',
      description: 'Assistance programmes, centre budgets, grants and their disbursement, ledgers, reconciliation and receipts.',
    },
    consumes: { group: 'welfare-payments-households', from: ['households'] },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`welfare-payments failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
