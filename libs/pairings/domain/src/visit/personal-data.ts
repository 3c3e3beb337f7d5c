import type { DataOf, VisitCorrected, VisitLogged } from '@khu-siao/contracts';
import type { VisitEvent } from '../pairings-events';

/** What a sealed field opens to once its household's data key is destroyed. */
export interface ErasedText {
  readonly erased: true;
}

/** The visit events as the contract carries them: their personal fields sealed. */
export type SealedVisitEvent =
  | { readonly type: 'VisitLogged'; readonly data: DataOf<typeof VisitLogged> }
  | { readonly type: 'VisitCorrected'; readonly data: DataOf<typeof VisitCorrected> };

type Fields = Record<string, unknown>;
type FieldMapping = (value: unknown) => Promise<unknown>;

/**
 * Seals the personal fields of a visit event with the household's cipher: each need, help description and referral,
 * and the location as the JSON of its point. Kinds, values, dates and ids stay clear.
 */
export function sealVisitEvent(event: VisitEvent, seal: (text: string) => Promise<string>): Promise<SealedVisitEvent> {
  const sealText = (value: unknown) => seal(value as string);
  const sealPoint = (point: unknown) => seal(JSON.stringify(point));
  return mapVisitEvent(event, sealText, sealPoint) as Promise<SealedVisitEvent>;
}

/**
 * Opens the sealed fields of a stored visit event. A field of an erased household, or one the contract lifted from
 * a clear version, stays `{ erased: true }`: the domain carries it, and never decides on it.
 */
export function openVisitEvent(event: { type: string; data: unknown }, open: (sealed: string) => Promise<string | ErasedText>): Promise<VisitEvent> {
  const { text, point } = openers(open);
  return mapVisitEvent(event, text, point) as Promise<VisitEvent>;
}

/** Opens a visit's details wherever a read model keeps them sealed (other properties pass through). */
export function openVisitDetails<T extends Fields>(details: T, open: (sealed: string) => Promise<string | ErasedText>): Promise<T> {
  const { text, point } = openers(open);
  return mapDetails(details, text, point) as Promise<T>;
}

function openers(open: (sealed: string) => Promise<string | ErasedText>) {
  const text = async (value: unknown) => (typeof value === 'string' ? open(value) : value);
  const point = async (value: unknown) => {
    const opened = await text(value);
    return typeof opened === 'string' ? (JSON.parse(opened) as unknown) : opened;
  };
  return { text, point };
}

async function mapVisitEvent(event: { type: string; data: unknown }, text: FieldMapping, point: FieldMapping): Promise<{ type: string; data: unknown }> {
  const data = event.data as Fields;
  switch (event.type) {
    case 'VisitLogged':
      return { ...event, data: await mapDetails(data, text, point) };
    case 'VisitCorrected':
      return { ...event, data: { ...data, details: await mapDetails(data['details'] as Fields, text, point) } };
    default:
      return event;
  }
}

async function mapDetails(details: Fields, text: FieldMapping, point: FieldMapping): Promise<Fields> {
  // One list at a time: a refusal (an erased household's key) leaves no other mapping running unawaited.
  const all = (list: unknown) => Promise.all((list as unknown[]).map(text));
  const needsFound = await all(details['needsFound']);
  const helpGiven = await Promise.all((details['helpGiven'] as Fields[]).map(async (help) => ({ ...help, description: await text(help['description']) })));
  const referrals = await all(details['referrals']);
  const location = details['location'] === undefined ? {} : { location: await point(details['location']) };
  return { ...details, needsFound, helpGiven, referrals, ...location };
}
