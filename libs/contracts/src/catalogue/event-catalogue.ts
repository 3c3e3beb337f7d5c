import { ContractViolation } from '../envelope/contract-violation';
import { envelopeSchema, type EventEnvelope } from '../envelope/event-envelope';
import { fieldIssues } from '../envelope/zod-issues';
import type { EventDefinition } from './event-definition';

/** The event types a catalogue knows, as a union of their current-version envelopes. */
export type CatalogueEvent<TDefinitions extends readonly EventDefinition[]> = {
  [K in keyof TDefinitions]: TDefinitions[K] extends EventDefinition<infer TType, infer TSchema>
    ? EventEnvelope<TType, import('zod').infer<TSchema>>
    : never;
}[number];

/**
 * Every event type the platform exchanges. Reading an envelope validates its metadata, lifts its payload from the
 * schema version it was written at to the current one, and validates the payload: a reader never sees an old shape.
 */
export class EventCatalogue<TDefinitions extends readonly EventDefinition[]> {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: TDefinitions) {
    for (const definition of definitions) {
      if (this.byType.has(definition.type)) throw new Error(`event type ${definition.type} defined twice`);
      this.byType.set(definition.type, definition);
    }
  }

  definitionOf(type: string): EventDefinition | undefined {
    return this.byType.get(type);
  }

  knows(type: string): boolean {
    return this.byType.has(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  definitions(): EventDefinition[] {
    return [...this.byType.values()];
  }

  /** Validates the metadata only: enough to route or skip an event without reading its payload. */
  readEnvelope(raw: unknown): EventEnvelope {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) throw new ContractViolation(fieldIssues(parsed.error), typeOf(raw));
    return parsed.data;
  }

  /** Validates, upcasts to the current schema version, and validates the payload. */
  read(raw: unknown): CatalogueEvent<TDefinitions> {
    const envelope = this.readEnvelope(raw);
    const definition = this.byType.get(envelope.type);
    if (!definition) {
      throw new ContractViolation([{ field: 'type', message: 'is not an event type of this catalogue' }], envelope.type);
    }
    if (envelope.aggregateType !== definition.aggregateType) {
      throw new ContractViolation(
        [{ field: 'aggregateType', message: `must be ${definition.aggregateType}` }],
        envelope.type,
      );
    }
    if (envelope.schemaVersion > definition.schemaVersion) {
      throw new ContractViolation(
        [{ field: 'schemaVersion', message: `is newer than this reader's ${definition.schemaVersion}` }],
        envelope.type,
      );
    }
    const data = this.upcast(definition, envelope.schemaVersion, envelope.data);
    return { ...envelope, schemaVersion: definition.schemaVersion, data: this.validData(definition, data) } as
      CatalogueEvent<TDefinitions>;
  }

  /** Validates a payload about to be written at the current schema version. */
  validData(definition: EventDefinition, data: unknown): unknown {
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) throw new ContractViolation(fieldIssues(parsed.error, 'data'), definition.type);
    return parsed.data;
  }

  private upcast(definition: EventDefinition, fromVersion: number, data: unknown): unknown {
    let current = data;
    for (let version = fromVersion; version < definition.schemaVersion; version += 1) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) {
        throw new ContractViolation([{ field: 'data', message: 'must be an object' }], definition.type);
      }
      const upcaster = definition.upcasters[version];
      if (!upcaster) throw new Error(`${definition.type}: no upcaster from schema version ${version}`);
      current = upcaster(current as Record<string, unknown>);
    }
    return current;
  }
}

function typeOf(raw: unknown): string | undefined {
  if (typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string') {
    return raw.type.slice(0, 80);
  }
  return undefined;
}
