import type { Centre } from '../centre/centre';
import type { HouseholdCase } from '../household-case/household-case';
import type { OfficialProfile } from '../official/official-profile';
import type { ProgrammeLabel } from '../programme/programme';

/** Which household or centre a grant pays, learnt from its first event and needed by every later one. */
export interface GrantLink {
  readonly grantId: string;
  readonly recipient: { readonly kind: 'household'; readonly id: string } | { readonly kind: 'centre'; readonly id: string };
}

/** The read model's entities by kind; each kind is one collection, one document per entity. */
export interface EntityTypes {
  readonly case: HouseholdCase;
  readonly centre: Centre;
  readonly official: OfficialProfile;
  readonly programme: ProgrammeLabel;
  readonly grantLink: GrantLink;
}

export type EntityKind = keyof EntityTypes;
export const entityKinds: readonly EntityKind[] = ['case', 'centre', 'official', 'programme', 'grantLink'];

export interface EntityRef<K extends EntityKind = EntityKind> {
  readonly kind: K;
  readonly id: string;
}

/** Where the projection reads and writes entities: memory for a rebuild, a loaded batch for the live model. */
export interface EntityAccess {
  get<K extends EntityKind>(ref: EntityRef<K>): EntityTypes[K] | undefined;
  set<K extends EntityKind>(ref: EntityRef<K>, value: EntityTypes[K]): void;
}
