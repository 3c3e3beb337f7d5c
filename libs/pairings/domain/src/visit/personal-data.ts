import type { DataOf, SealedField, VisitCorrected, VisitLogged } from '@khu-siao/contracts';
import type { PairingsEventOfType, VisitEvent } from '../pairings-events';
import type { ErasedText, GeoPoint, RecordedText, VisitDetails, VisitEventWith } from './visit';

export type { ErasedText } from './visit';

export type SealedVisitLogged = { readonly type: 'VisitLogged'; readonly data: DataOf<typeof VisitLogged> };
export type SealedVisitCorrected = { readonly type: 'VisitCorrected'; readonly data: DataOf<typeof VisitCorrected> };
/** The visit events as the contract carries them: their personal fields sealed. */
export type SealedVisitEvent = SealedVisitLogged | SealedVisitCorrected;

/** A visit's details as the events (and the read models fed from them) keep them: personal fields sealed. */
export type SealedVisitDetails = DataOf<typeof VisitCorrected>['details'];

type Seal = (text: string) => Promise<string>;
type Open = (sealed: string) => Promise<RecordedText>;

/** How each personal field of a visit is turned into the other kind: a text, and the GPS point. */
interface FieldMapping<TFromText, TToText, TFromPoint, TToPoint> {
  readonly text: (value: TFromText) => Promise<TToText>;
  readonly point: (value: TFromPoint) => Promise<TToPoint>;
}

/**
 * Seals the personal fields of a visit event with the household's cipher: each need, help description and referral,
 * and the location as the JSON of its point. Kinds, values, dates and ids stay clear; a field already erased stays so.
 */
export function sealVisitEvent(event: PairingsEventOfType<'VisitLogged'>, seal: Seal): Promise<SealedVisitLogged>;
export function sealVisitEvent(event: PairingsEventOfType<'VisitCorrected'>, seal: Seal): Promise<SealedVisitCorrected>;
export function sealVisitEvent(event: VisitEvent, seal: Seal): Promise<SealedVisitEvent>;
export function sealVisitEvent(event: VisitEvent, seal: Seal): Promise<SealedVisitEvent> {
  return mapEvent(event, sealing(seal));
}

/**
 * Opens the sealed fields of a stored visit event. A field of an erased household, or one the contract lifted from
 * a clear version, stays `{ erased: true }`: the domain carries it, and never decides on it.
 */
export function openVisitEvent(event: SealedVisitLogged, open: Open): Promise<PairingsEventOfType<'VisitLogged'>>;
export function openVisitEvent(event: SealedVisitCorrected, open: Open): Promise<PairingsEventOfType<'VisitCorrected'>>;
export function openVisitEvent(event: SealedVisitEvent, open: Open): Promise<VisitEvent>;
export function openVisitEvent(event: SealedVisitEvent, open: Open): Promise<VisitEvent> {
  return mapEvent(event, opening(open));
}

/** Opens the details a read model keeps sealed; its other properties pass through. */
export async function openVisitDetails<T extends SealedVisitDetails>(view: T, open: Open): Promise<Omit<T, keyof SealedVisitDetails> & VisitDetails<RecordedText, GeoPoint | ErasedText>> {
  return { ...view, ...(await mapDetails(view, opening(open))) };
}

function sealing(seal: Seal): FieldMapping<RecordedText, SealedField, GeoPoint | ErasedText, SealedField> {
  return {
    text: (value) => (typeof value === 'string' ? seal(value) : Promise.resolve(value)),
    point: (value) => ('erased' in value ? Promise.resolve(value) : seal(JSON.stringify(value))),
  };
}

function opening(open: Open): FieldMapping<SealedField, RecordedText, SealedField, GeoPoint | ErasedText> {
  const text = (value: SealedField) => (typeof value === 'string' ? open(value) : Promise.resolve(value));
  return { text, point: async (value) => pointOf(await text(value)) };
}

async function mapEvent<A, B, P, Q>(event: VisitEventWith<A, P>, mapping: FieldMapping<A, B, P, Q>): Promise<VisitEventWith<B, Q>> {
  switch (event.type) {
    case 'VisitLogged': {
      const { visitId, householdId, ...details } = event.data;
      return { type: event.type, data: { visitId, householdId, ...(await mapDetails(details, mapping)) } };
    }
    case 'VisitCorrected':
      return { type: event.type, data: { ...event.data, details: await mapDetails(event.data.details, mapping) } };
  }
}

async function mapDetails<A, B, P, Q>(details: VisitDetails<A, P>, mapping: FieldMapping<A, B, P, Q>): Promise<VisitDetails<B, Q>> {
  const { needsFound, helpGiven, referrals, location, ...rest } = details;
  // One list at a time: a refusal (an erased household's key) leaves no other mapping running unawaited.
  return {
    ...rest,
    needsFound: await Promise.all(needsFound.map(mapping.text)),
    helpGiven: await Promise.all(helpGiven.map(async (help) => ({ ...help, description: await mapping.text(help.description) }))),
    referrals: await Promise.all(referrals.map(mapping.text)),
    ...(location === undefined ? {} : { location: await mapping.point(location) }),
  };
}

/** The point a sealed location opens to: the JSON of `{ latitude, longitude }`, or erased. */
function pointOf(opened: RecordedText): GeoPoint | ErasedText {
  if (typeof opened !== 'string') return opened;
  const { latitude, longitude }: Partial<Record<keyof GeoPoint, unknown>> = JSON.parse(opened);
  if (typeof latitude !== 'number' || typeof longitude !== 'number') throw new Error('a sealed location opened to something other than a point');
  return { latitude, longitude };
}
