export type { InfraEndpoints, InfraLog, InfraProfile, RunningInfra, EndpointSource } from './types';
export { DEFAULT_PORTS, readInfraConfig, type InfraConfig, type InfraPorts } from './config';
export { startInfra, type StartInfraOptions } from './start-infra';
export { provisionLocalServers, type ProvisionOptions, type ProvisionResult } from './provision';
export { infraLogFiles, infraStatus, stopInfraProcesses, type ServerName, type ServerStatus } from './manage';
