import type { z } from 'zod';
import type { EventEnvelope } from '../envelope/event-envelope';

/** The bounded contexts that publish events; each has one topic. */
export const contexts = ['households', 'pairings', 'welfare-payments'] as const;
export type Context = (typeof contexts)[number];

/** Turns a payload of schema version `n` into the payload of version `n + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly context: Context;
  readonly aggregateType: string;
  /** The version new events are written at and every reader receives. */
  readonly schemaVersion: number;
  readonly schema: TSchema;
  /** `upcasters[n]` lifts version n to n + 1; every version below the current one needs one. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: Omit<EventDefinition<TType, TSchema>, 'upcasters' | 'schemaVersion'> & {
    readonly schemaVersion?: number;
    readonly upcasters?: Readonly<Record<number, Upcaster>>;
  },
): EventDefinition<TType, TSchema> {
  const schemaVersion = definition.schemaVersion ?? 1;
  const upcasters = definition.upcasters ?? {};
  for (let version = 1; version < schemaVersion; version += 1) {
    if (!upcasters[version]) {
      throw new Error(`${definition.type}: no upcaster from schema version ${version} to ${version + 1}`);
    }
  }
  return { ...definition, schemaVersion, upcasters };
}

/** The data type of a definition's current schema version. */
export type DataOf<TDefinition> = TDefinition extends EventDefinition<string, infer TSchema> ? z.infer<TSchema> : never;

/** The envelope type of a definition's events as every reader receives them. */
export type EventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema> ? EventEnvelope<TType, z.infer<TSchema>> : never;

/** An event as a decider emits and folds it: type and payload, before the application wraps it in an envelope. */
export type DomainEventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType> ? { readonly type: TType; readonly data: DataOf<TDefinition> } : never;
