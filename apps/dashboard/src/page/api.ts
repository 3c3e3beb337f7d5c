import type { AreaFigures, CaseMember, HouseholdCase, RankedOfficial } from '@khu-siao/reporting-projections';

/** A personal field as the reporting API shows it: in clear (a national ID masked to its last 4 digits), or erased. */
export type ShownField = string | { readonly erased: true };
type PersonalField = 'nationalId' | 'title' | 'firstName' | 'lastName' | 'birthDate';

/** `GET /cases/{householdId}`: the case with its personal fields opened for who may read them. */
export type OpenedCase = Omit<HouseholdCase, 'houseNumber' | 'members'> & {
  readonly houseNumber?: ShownField;
  readonly members: readonly (Omit<CaseMember, PersonalField> & { readonly [field in Exclude<PersonalField, 'title'>]: ShownField } & { readonly title?: ShownField })[];
};

/** A case in `GET /cases`: no personal field at all. */
export type ListedCase = Omit<HouseholdCase, 'houseNumber' | 'members'> & {
  readonly members: readonly Pick<CaseMember, 'memberId' | 'sex' | 'relation' | 'disability' | 'chronicIllness'>[];
};

/** `GET /areas/{code}`: money in satang. */
export interface AreaAnswer {
  readonly code: string;
  readonly level: string;
  readonly asOf?: string;
  /** The day "the last 30 days" end on. */
  readonly day: string;
  readonly figures: AreaFigures;
  readonly children: readonly { readonly code: string; readonly level: string; readonly figures: AreaFigures }[];
}

export const trendSeries = ['registered', 'assessed', 'paired', 'visits', 'plans', 'graduated', 'closed'] as const;
export type TrendSeries = (typeof trendSeries)[number];

/** One month of `GET /areas/{code}/trend`: what happened in it. */
export type TrendMonth = { readonly month: string; readonly inKindValue_satang: number; readonly money: Readonly<Record<string, number>> } & Readonly<
  Record<TrendSeries, number>
>;

export interface TrendAnswer {
  readonly code: string;
  readonly asOf?: string;
  readonly months: readonly TrendMonth[];
}

export interface RankingAnswer {
  readonly year: number;
  readonly asOf?: string;
  readonly officials: readonly RankedOfficial[];
}

export interface CaseListAnswer {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly cases: readonly ListedCase[];
}

export interface ProjectionsAnswer {
  readonly projector: { readonly generation?: number; readonly position: number; readonly eventsBehind: number };
}

/** `GET /session` of the dashboard server: who is signed in. */
export interface SessionAnswer {
  readonly username: string;
  readonly role: string;
  readonly description: string;
  /** Whether the access rules let this role open a household's case, and list an area's cases. */
  readonly mayReadCases: boolean;
  readonly mayListCases: boolean;
  readonly mayReadRollups: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

type Params = Readonly<Record<string, string | number | undefined>>;

/** The address of a reporting API call through the dashboard's `/api` pass-through; empty parameters left out. */
export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value));
  const search = query.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** The same table as a CSV download (every table of the reporting API answers `format=csv`). */
export function csvUrl(path: string, params: Params = {}): string {
  return apiUrl(path, { ...params, format: 'csv' });
}

/** Reads one answer of the reporting API. */
export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const answer = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!answer.ok) {
    const problem = (await answer.json().catch(() => ({}))) as { detail?: string; title?: string };
    // The session ended (the dashboard restarted, or it sat idle): back to the sign-in.
    if (answer.status === 401) location.assign('/');
    throw new ApiError(answer.status, problem.detail ?? problem.title ?? `HTTP ${answer.status}`);
  }
  return (await answer.json()) as T;
}
