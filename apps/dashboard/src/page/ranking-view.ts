import { csvUrl, type RankingAnswer } from './api.js';
import { csvLink } from './csv-link.js';
import { areaName, formatNumber, formatYear } from './format.js';
import { html, type Markup } from './html.js';
import { t, type Lang } from './i18n.js';

/** The programme started in 2019; the ranking can be asked for any year since. */
export function rankingYears(thisYear: number): number[] {
  return Array.from({ length: Math.max(1, thisYear - 2019 + 1) }, (_, index) => thisYear - index);
}

export function rankingView(answer: RankingAnswer, thisYear: number, lang: Lang): Markup {
  const n = (value: number) => formatNumber(value, lang);
  return html`<section class="panel" id="ranking">
    <div class="panel-head">
      <h2>${t(lang, 'ranking')}</h2>
      <span>
        <label>${t(lang, 'year')}
          <select id="ranking-year">
            ${rankingYears(thisYear).map((year) => html`<option value="${year}" ${year === answer.year ? 'selected' : ''}>${formatYear(year, lang)}</option>`)}
          </select>
        </label>
        ${csvLink('ranking-csv', csvUrl('/officials/ranking', { year: answer.year, asOf: answer.asOf }), lang)}
      </span>
    </div>
    ${answer.officials.length === 0
      ? html`<p class="empty">${t(lang, 'noOfficials')}</p>`
      : html`<div class="table-wrap"><table>
          <thead><tr>
            <th class="num">${t(lang, 'rank')}</th><th>${t(lang, 'name')}</th><th>${t(lang, 'position')}</th><th>${t(lang, 'agency')}</th>
            <th>${t(lang, 'homeDistrict')}</th><th class="num">${t(lang, 'caseload')}</th><th class="num">${t(lang, 'graduatedInYear')}</th>
            <th class="num">${t(lang, 'improved')}</th><th class="num">${t(lang, 'dimensionsReduced')}</th><th class="num">${t(lang, 'visitsInYear')}</th>
          </tr></thead>
          <tbody>
            ${answer.officials.map(
              (official) => html`<tr data-official="${official.officialId}">
                <td class="num" data-figure="rank" data-value="${official.rank}">${n(official.rank)}</td>
                <th scope="row">${official.profile ? `${official.profile.title ?? ''}${official.profile.firstName} ${official.profile.lastName}` : official.officialId}</th>
                <td>${official.profile?.position ?? ''}</td>
                <td>${official.profile?.agency.name ?? ''}</td>
                <td>${official.profile ? areaName(official.profile.homeDistrictCode, lang) : ''}</td>
                <td class="num" data-figure="caseload" data-value="${official.caseload}">${n(official.caseload)}</td>
                <td class="num" data-figure="graduatedInYear" data-value="${official.graduatedInYear}">${n(official.graduatedInYear)}</td>
                <td class="num" data-figure="improved" data-value="${official.improved}">${n(official.improved)}</td>
                <td class="num" data-figure="failedDimensionsReduced" data-value="${official.failedDimensionsReduced}">${n(official.failedDimensionsReduced)}</td>
                <td class="num" data-figure="visitsInYear" data-value="${official.visitsInYear}">${n(official.visitsInYear)}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`}
  </section>`;
}
