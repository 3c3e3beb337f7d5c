import { dimensions, processSteps, satang, thailandBounds, type FieldIssue } from '@khu-siao/contracts';
import { calendarDateIssues, futureDateIssues, isCalendarDate, type CalendarDate } from '@khu-siao/decider';
import { oneOfIssues, optional, optionalTextIssues, textIssues } from '@khu-siao/decider';
import type { ErasedText, GeoPoint, HelpGiven, RecordedVisitDetails, VisitDetails } from './visit';

const helpKinds = ['inKind', 'advice', 'service'] as const;

/**
 * The rules a visit's details keep, when logged and when corrected. Fields are named by path under `prefix`
 * (`helpGiven.0.value`, `details.location.latitude`); values are never quoted back.
 */
export function visitDetailsIssues(details: VisitDetails, today: CalendarDate, prefix = ''): FieldIssue[] {
  const at = (field: string) => `${prefix}${field}`;
  const { officialIds, visitedOn, processStep, dimensionsDiscussed, needsFound, helpGiven, referrals, nextVisitOn } = details;
  const issues: FieldIssue[] = [];
  if (officialIds.length === 0) issues.push({ field: at('officialIds'), message: 'must name at least one official' });
  officialIds.forEach((officialId, index) => {
    issues.push(...textIssues({ [at(`officialIds.${index}`)]: officialId }, 200));
    if (officialIds.indexOf(officialId) < index) issues.push({ field: at(`officialIds.${index}`), message: 'is listed twice' });
  });
  issues.push(...calendarDateIssues({ [at('visitedOn')]: visitedOn }), ...futureDateIssues(at('visitedOn'), visitedOn, today));
  issues.push(...oneOfIssues(at('processStep'), processStep, processSteps));
  dimensionsDiscussed.forEach((dimension, index) => {
    issues.push(...oneOfIssues(at(`dimensionsDiscussed.${index}`), dimension, dimensions));
    if (dimensionsDiscussed.indexOf(dimension) < index) issues.push({ field: at(`dimensionsDiscussed.${index}`), message: 'is listed twice' });
  });
  needsFound.forEach((need, index) => issues.push(...textIssues({ [at(`needsFound.${index}`)]: need }, 300)));
  helpGiven.forEach((help, index) => issues.push(...helpIssues(help, at(`helpGiven.${index}`))));
  referrals.forEach((referral, index) => issues.push(...textIssues({ [at(`referrals.${index}`)]: referral }, 200)));
  if (nextVisitOn !== undefined) {
    const badDate = calendarDateIssues({ [at('nextVisitOn')]: nextVisitOn });
    issues.push(...badDate);
    if (badDate.length === 0 && isCalendarDate(visitedOn) && nextVisitOn <= visitedOn) {
      issues.push({ field: at('nextVisitOn'), message: 'must be after the visit' });
    }
  }
  if (details.location !== undefined) issues.push(...locationIssues(details.location, at('location')));
  issues.push(...optionalTextIssues({ [at('photoRef')]: details.photoRef }, 500));
  return issues;
}

/** In-kind help (a survival bag, rice, a water jar) is counted in money by the reports, so it carries its value. */
function helpIssues(help: HelpGiven, field: string): FieldIssue[] {
  const issues = [...oneOfIssues(`${field}.kind`, help.kind, helpKinds), ...textIssues({ [`${field}.description`]: help.description }, 300)];
  if (help.value === undefined) {
    if (help.kind === 'inKind') issues.push({ field: `${field}.value`, message: 'is required for in-kind help (whole satang)' });
  } else if (!satang.safeParse(help.value).success) {
    issues.push({ field: `${field}.value`, message: 'must be a whole number of satang, not negative' });
  }
  return issues;
}

/** A GPS point taken on a home visit lies in Thailand; anything else is a typo, a swapped pair or a broken device. */
export function locationIssues(location: GeoPoint, field: string): FieldIssue[] {
  if (typeof location !== 'object' || location === null) return [{ field, message: 'must be a point with latitude and longitude' }];
  return (['latitude', 'longitude'] as const).flatMap((axis): FieldIssue[] => {
    const value: unknown = location[axis];
    const { min, max } = thailandBounds[axis];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field: `${field}.${axis}`, message: 'must be a number in degrees' }];
    return value < min || value > max ? [{ field: `${field}.${axis}`, message: `must lie in Thailand (${min} to ${max})` }] : [];
  });
}

/** The details as the event carries them: copies, with absent optional fields left out rather than undefined. */
export function visitDetailsOf(details: RecordedVisitDetails): RecordedVisitDetails {
  const { officialIds, visitedOn, processStep, dimensionsDiscussed, needsFound, helpGiven, referrals } = details;
  return {
    officialIds: [...officialIds],
    visitedOn,
    processStep,
    dimensionsDiscussed: [...dimensionsDiscussed],
    needsFound: [...needsFound],
    helpGiven: helpGiven.map(({ kind, description, value }) => ({ kind, description, ...optional('value', value) })),
    referrals: [...referrals],
    ...optional('nextVisitOn', details.nextVisitOn),
    ...optional('location', details.location && pointOf(details.location)),
    ...optional('photoRef', details.photoRef),
  };
}

export function sameDetails(a: RecordedVisitDetails, b: RecordedVisitDetails): boolean {
  return JSON.stringify(visitDetailsOf(a)) === JSON.stringify(visitDetailsOf(b));
}

function pointOf(point: GeoPoint | ErasedText): GeoPoint | ErasedText {
  return 'erased' in point ? point : { latitude: point.latitude, longitude: point.longitude };
}
