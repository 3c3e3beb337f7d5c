export { ContractViolation, type FieldIssue } from './envelope/contract-violation';
export { envelopeSchema, actorSchema, type Actor, type EventEnvelope, type EventMetadata } from './envelope/event-envelope';
export { fieldIssues } from './envelope/zod-issues';
export {
  defineEvent,
  contexts,
  type Context,
  type DataOf,
  type DomainEventOf,
  type EventDefinition,
  type EventOf,
  type Upcaster,
} from './catalogue/event-definition';
export { EventCatalogue, type CatalogueEvent } from './catalogue/event-catalogue';
export { platformCatalogue, type PlatformEvent, type PlatformEventType } from './catalogue/platform-catalogue';
export { TopicNames, eventHeaders } from './topics';
export { asyncApiDocument } from './asyncapi/asyncapi-document';
export * from './shared/value-schemas';
export * from './shared/personal-fields';
export * from './households/household-events';
export * from './pairings/pairing-events';
export * from './welfare-payments/assistance-events';
export * from './welfare-payments/centre-events';
