import { ApiError, getJson, type AreaAnswer, type OpenedCase, type SessionAnswer, type CaseListAnswer, type RankingAnswer, type TrendAnswer, type TrendSeries } from './api.js';
import { areaMap, childrenTable } from './area-map.js';
import { areaSummary } from './area-summary.js';
import { caseFilterOf, caseListView } from './case-list-view.js';
import { caseView } from './case-view.js';
import { areaLevel, areaName, areaPath, formatDate, formatInstant } from './format.js';
import { html, type Markup } from './html.js';
import { isLang, t, type Lang, type MessageKey } from './i18n.js';
import { followReadModel, type LiveMode } from './live-updates.js';
import { rankingView } from './ranking-view.js';
import { refresher } from './refresher.js';
import { routeOf, type Route } from './route.js';
import { isTrendSeries, trendView } from './trend-view.js';

interface PageState {
  lang: Lang;
  /** A date (YYYY-MM-DD) to see the figures as they stood then; empty for now. */
  asOf: string;
  mapFigure: string;
  trendSeries: TrendSeries;
  rankingYear: number;
  casePage: number;
}

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date()));
const savedLang = localStorage.getItem('khu-siao.lang');
const state: PageState = {
  lang: isLang(savedLang) ? savedLang : 'th',
  asOf: '',
  mapFigure: 'targetHouseholds',
  trendSeries: 'registered',
  rankingYear: thisYear,
  casePage: 1,
};

/** Who is signed in (the server shows the sign-in to anyone else). */
let signedIn: SessionAnswer | undefined;

const view = document.getElementById('view') as HTMLElement;
const liveStatus = document.getElementById('live-status') as HTMLElement;
const updatedAt = document.getElementById('updated-at') as HTMLElement;
let liveMode: LiveMode = 'live';
/** Draws the last data loaded again (a language or chart choice changes nothing to fetch). */
let draw: (() => Markup) | undefined;
let shownRoute = '';
let inFlight: AbortController | undefined;
let loads = 0;

const load = refresher(async () => {
  const controller = new AbortController();
  inFlight = controller;
  const route = routeOf(location.hash);
  const routeKey = `${location.hash}|${state.asOf}|${state.rankingYear}|${state.casePage}`;
  if (routeKey !== shownRoute) {
    view.setAttribute('aria-busy', 'true');
    view.dataset['state'] = 'loading';
  }
  try {
    draw = await fetchView(route, controller.signal);
    shownRoute = routeKey;
    render();
    updatedAt.textContent = t(state.lang, 'updatedAt', { time: formatInstant(new Date(), state.lang) });
  } catch (error) {
    if (controller.signal.aborted) return;
    const notFound = error instanceof ApiError && error.status === 404 && route.view === 'case';
    const message = notFound ? t(state.lang, 'notFound') : t(state.lang, 'failed', { detail: (error as Error).message });
    if (routeKey !== shownRoute) {
      draw = () => html`<p class="error" role="alert">${message}</p>`;
      shownRoute = routeKey;
      render();
      view.dataset['state'] = 'error';
    } else {
      updatedAt.textContent = message;
    }
  }
});

async function fetchView(route: Route, signal: AbortSignal): Promise<() => Markup> {
  const asOf = state.asOf || undefined;
  signedIn ??= await fetch('/session', { signal }).then((answer) => {
    if (answer.ok) return answer.json() as Promise<SessionAnswer>;
    location.assign('/');
    throw new ApiError(answer.status, 'signed out');
  });
  const session = signedIn as SessionAnswer;
  const signedInAs = document.getElementById('signed-in-as') as HTMLElement;
  signedInAs.textContent = session.username;
  signedInAs.title = session.description;
  const mayReadCases = session.mayReadCases;
  if (route.view !== 'case' && !session.mayReadRollups) {
    return () => html`<p class="note" role="status" id="not-for-role">${t(state.lang, 'rollupsNotForRole')}</p>`;
  }
  switch (route.view) {
    case 'area': {
      // Roll-ups for everybody; the area's case list only for roles that may read households.
      const filter = session.mayListCases ? caseFilterOf(route.code) : undefined;
      const [area, trend, cases, programmes] = await Promise.all([
        getJson<AreaAnswer>(`/areas/${route.code}`, { asOf }, signal),
        getJson<TrendAnswer>(`/areas/${route.code}/trend`, { asOf }, signal),
        filter ? getJson<CaseListAnswer>('/cases', { ...filter, page: state.casePage, pageSize: 25 }, signal) : undefined,
        getJson<{ programmes: { programmeId: string; name: string }[] }>('/programmes', {}, signal),
      ]);
      const programmeNames = new Map(programmes.programmes.map((programme) => [programme.programmeId, programme.name]));
      return () => html`${breadcrumb(route.code)}
        <h2 id="area-title" data-area="${area.code}">${areaName(area.code, state.lang)}
          <small>${t(state.lang, `level.${areaLevel(area.code)}` as MessageKey)} ${area.code}</small></h2>
        <p class="note" id="area-day">${t(state.lang, 'asOf')} ${formatDate(area.day, state.lang)}</p>
        <div class="layout">
          <div class="column-main">${areaSummary(area.figures, state.lang, programmeNames)}</div>
          <div class="column-side">${areaMap(area, state.mapFigure, state.lang)} ${trendView(trend, state.trendSeries, state.lang)}</div>
        </div>
        ${childrenTable(area, state.lang)} ${cases && filter ? caseListView(cases, filter, state.lang) : ''}`;
    }
    case 'ranking': {
      const ranking = await getJson<RankingAnswer>('/officials/ranking', { year: state.rankingYear, limit: 100, asOf }, signal);
      return () => rankingView(ranking, thisYear, state.lang);
    }
    case 'case': {
      if (!mayReadCases) return () => html`<p class="error" role="alert" id="not-for-role">${t(state.lang, 'casesNotForRole')}</p>`;
      const householdCase = await getJson<OpenedCase>(`/cases/${encodeURIComponent(route.householdId)}`, {}, signal);
      return () => caseView(householdCase, state.lang);
    }
  }
}

function breadcrumb(code: string): Markup {
  const path = areaPath(code);
  return html`<nav aria-label="breadcrumb"><ol id="breadcrumb">
    ${path.map((step, index) =>
      index === path.length - 1
        ? html`<li aria-current="page">${areaName(step, state.lang)}</li>`
        : html`<li><a href="${`#/area/${step}`}" data-area="${step}">${areaName(step, state.lang)}</a></li>`,
    )}
  </ol></nav>`;
}

/** Draws the view again, keeping the focused control focused (a live update must not steal it). */
function render(): void {
  if (!draw) return;
  const focused = document.activeElement?.id;
  view.innerHTML = draw().text;
  if (focused) document.getElementById(focused)?.focus();
  view.removeAttribute('aria-busy');
  view.dataset['state'] = 'ready';
  view.dataset['loads'] = String(++loads);
}

function translateShell(): void {
  document.documentElement.lang = state.lang;
  document.title = t(state.lang, 'title');
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(state.lang, element.dataset['i18n'] as MessageKey);
  }
  (document.getElementById('lang-toggle') as HTMLButtonElement).setAttribute('aria-label', t(state.lang, 'languageLabel'));
  showLiveMode(liveMode);
}

function showLiveMode(mode: LiveMode): void {
  liveMode = mode;
  liveStatus.dataset['mode'] = mode;
  liveStatus.textContent = t(state.lang, mode === 'live' ? 'live' : mode === 'polling' ? 'polling' : 'offline');
}

/** The user asked for something else: the answer being awaited is no longer wanted. */
function reload(): void {
  inFlight?.abort();
  void load.request();
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  if (target.closest('#lang-toggle')) {
    state.lang = state.lang === 'th' ? 'en' : 'th';
    localStorage.setItem('khu-siao.lang', state.lang);
    translateShell();
    render();
    return;
  }
  const pageButton = target.closest<HTMLElement>('[data-case-page]');
  if (pageButton) {
    state.casePage = Math.max(1, Number(pageButton.dataset['casePage']));
    reload();
  }
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  if (target.id === 'map-figure') {
    state.mapFigure = target.value;
    render();
  } else if (target.id === 'trend-series' && isTrendSeries(target.value)) {
    state.trendSeries = target.value;
    render();
  } else if (target.id === 'ranking-year') {
    state.rankingYear = Number(target.value);
    reload();
  } else if (target.id === 'as-of') {
    state.asOf = target.value;
    reload();
  }
});

window.addEventListener('hashchange', () => {
  state.casePage = 1;
  reload();
});

(document.getElementById('as-of') as HTMLInputElement).max = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
translateShell();
void load.request();
// Figures as they stood on a past day do not change: only the present view follows the read model.
followReadModel(() => {
  if (!state.asOf) void load.request();
}, showLiveMode);
