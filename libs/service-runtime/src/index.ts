export { readServiceConfig, ConfigError, type ServiceConfig } from './config/service-config';
export { startServiceApp, type ServiceAppOptions } from './service-app';
export { ServiceRuntimeModule, type ServiceRuntimeOptions } from './service-runtime.module';
export { RelayHost } from './event-sourcing/relay-host';
export { KafkaEventsServer, type KafkaEventsOptions } from './consumer/kafka-events.server';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { problemTypes, type ProblemDetails } from './http/problem-details';
export { RequestInvalid } from './http/request-invalid';
export { CORRELATION_HEADER } from './logging/logging';
export { DATABASE, KAFKA, MONGO_CLIENT, ROOT_LOGGER, SERVICE_CONFIG, TOPICS } from './tokens';
export { startServiceInProcess, type InProcessServers, type ServiceInProcess } from './in-process/start-service-in-process';
export { pendingEventsFor } from './commands/pending-events';
export { AggregateCommand, type ExpectedVersion } from './commands/aggregate-command';
export type { Idempotency } from './commands/command-context';
export {
  AggregateCommandHandler,
  EventSourcedHandler,
  type Appending,
  type CommandOutcome,
  type LoadedAggregate,
} from './commands/event-sourced-handler';
export { CommandContext, expectedVersionOf, requestFingerprint, withETag, type KeyUse } from './http/command-edge';
export { Clock } from './clock/clock';
export { LogProjection, type LoggedEvent } from './read-models/log-projection';
export { LogProjections } from './read-models/log-projections';
export { ProcessRunner, type ProcessStep, type StepTaker } from './processes/process-runner';
export { Allow, Public, Caller, actorOf, type AuthenticatedRequest } from './access/access.decorators';
export { NoArea, type AreaResolver } from './access/area-resolver';
export { Forbidden } from './access/access-problems';
export { SECURITY } from './tokens';
export { KnownHouseholdsModule } from './known-households/known-households.module';
export { knownHouseholdChangeOf, type KnownHouseholdChange } from './known-households/known-households.projection';
export { KnownHouseholds, type HouseholdFacts } from './known-households/known-households';
export { KnownHousehold, type KnownHouseholdStatus } from './known-households/known-household.schema';
