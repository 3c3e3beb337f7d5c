import type { EventOfType } from '../projection/projected-events';
import { addToEach, type Contribution } from '../rollup/counters';
import { rollupIds } from '../rollup/rollup-ids';

/** Who a buddy official is, for the ranking: enrolment facts only, never their contact details. */
export interface OfficialProfile {
  readonly officialId: string;
  readonly title?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly position: string;
  readonly agency: { readonly kind: string; readonly name: string };
  readonly homeDistrictCode: string;
  readonly enrolledOn: string;
}

/** The profile an enrolment gives, whatever was known before (the latest enrolment stands). */
export function evolveOfficial(event: EventOfType<'OfficialEnrolled'>): OfficialProfile {
  const { contact: _contact, ...profile } = event.data;
  return profile;
}

/** Officials enrolled, counted in their home district and the province. */
export function officialContribution(state: OfficialProfile): Contribution {
  const into: Contribution = new Map();
  const district = state.homeDistrictCode;
  addToEach(into, [rollupIds.area(district.slice(0, 2)), rollupIds.area(district)], 'officials');
  return into;
}
