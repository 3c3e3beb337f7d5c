export { createTestContext, type TestContext } from './test-context';
export { controlKafka, canControlKafka } from './infra-control';
export { testEnv } from './test-env';
export { jsonCall } from './json-call';
export { testSecurityEnv } from './test-security-env';
export { topicValues } from './topic-values';
export { inParallel } from './in-parallel';
export { freePort, serviceEnv, startServiceProcess, type ServiceProcess } from './service-process';
export { areaOf, assessment, dimensionNames, lifePlan, nationalId, official, registration, visit } from './platform-requests';
