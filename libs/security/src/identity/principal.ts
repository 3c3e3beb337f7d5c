import type { Operation } from '../policy/operations';

/** The people's roles of the programme (docs/domain.md). Agencies hold no role: their MOU lists their operations. */
export const roles = [
  'fieldOfficial',
  'districtOfficer',
  'tambonWelfareOfficer',
  'provincialAdministrator',
  'ministryAnalyst',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** Where a principal may act, in the official Thai area codes (province 2 digits, district 4, tambon 6). */
export type AreaScope =
  | { readonly level: 'nation' }
  | { readonly level: 'province'; readonly provinceCode: string }
  | { readonly level: 'district'; readonly districtCode: string }
  | { readonly level: 'tambon'; readonly tambonCode: string }
  | { readonly level: 'centre'; readonly centreId: string }
  /** A buddy official: the households paired with this official. */
  | { readonly level: 'own-households'; readonly officialId: string };

export type AreaLevel = AreaScope['level'];

/** Who is calling, as a verified token says. */
export interface Principal {
  readonly subject: string;
  readonly kind: 'person' | 'agency';
  readonly roles: readonly Role[];
  readonly areas: readonly AreaScope[];
  /** The OAuth client: the agency's client id, or the application a person signed in through. */
  readonly clientId: string;
  /** Agencies only: the operations their MOU covers. */
  readonly operations?: readonly Operation[];
}
