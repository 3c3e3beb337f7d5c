import { readServiceConfig, startServiceApp } from '@khu-siao/service-runtime';
import { HouseholdsModule } from './households.module';

async function main(): Promise<void> {
  const config = readServiceConfig('households');
  await startServiceApp(HouseholdsModule, {
    config,
    host: process.env['HTTP_HOST'] ?? '127.0.0.1',
    bodyLimit: '20mb',
    acceptsCsv: true,
    openApi: {
      title: 'Khu Siao — households',
      description: 'Registry, 5-dimension assessments, life-compass plans and graduation of target households.',
    },
    consumes: { group: 'households-listing', from: ['pairings'] },
    // This service signs tokens for the platform: it serves the JWKS, `/oauth/token` and `/agencies`.
    identityProvider: true,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`households failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
