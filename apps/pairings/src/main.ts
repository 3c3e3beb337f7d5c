import { readServiceConfig, startServiceApp } from '@khu-siao/service-runtime';
import { readCaseloadLimit } from './official/caseload-limit';
import { PairingsModule, householdsConsumption } from './pairings.module';
import { readProvinceCode } from './partner/province';

async function main(): Promise<void> {
  const config = readServiceConfig('pairings');
  const caseloadLimit = readCaseloadLimit();
  const provinceCode = readProvinceCode();
  await startServiceApp(PairingsModule.forRoot({ caseloadLimit, provinceCode }), {
    config,
    host: process.env['HTTP_HOST'] ?? '127.0.0.1',
    openApi: {
      title: 'Khu Siao — pairings',
      description: 'Buddy officials and their caseloads, household pairings, home visits, teams and development partners.',
    },
    consumes: { group: householdsConsumption.group, from: [...householdsConsumption.from] },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`pairings failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
