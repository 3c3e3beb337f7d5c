import { csvUrl, type CaseListAnswer, type ListedCase } from './api.js';
import { csvLink } from './csv-link.js';
import { areaName, formatNumber } from './format.js';
import { html, type Markup } from './html.js';
import { t, tOr, type Lang } from './i18n.js';

/** The `/cases` filter that lists the households of an area (the province lists none: too many to page through). */
export function caseFilterOf(code: string): Record<string, string> | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length === 4) return { districtCode: code };
  if (code.length === 6) return { tambonCode: code };
  if (code.length === 8) return { villageCode: code };
  return undefined;
}

const latestClassification = (householdCase: ListedCase) => householdCase.assessments.at(-1)?.classification ?? 'unassessed';

/** One page of an area's household cases, each a link to its case page. */
export function caseListView(answer: CaseListAnswer, filter: Readonly<Record<string, string>>, lang: Lang): Markup {
  const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
  return html`<section class="panel" id="case-list">
    <div class="panel-head">
      <h3>${t(lang, 'cases')}</h3>
      <span>
        <span data-figure="cases" data-value="${answer.total}">${t(lang, 'casesTotal', { n: formatNumber(answer.total, lang) })}</span>
        ${csvLink('cases-csv', csvUrl('/cases', { ...filter, page: answer.page, pageSize: answer.pageSize }), lang)}
      </span>
    </div>
    <div class="table-wrap"><table>
      <thead><tr><th>${t(lang, 'household')}</th><th>${t(lang, 'area')}</th>
        <th>${t(lang, 'classification')}</th><th>${t(lang, 'status')}</th></tr></thead>
      <tbody>
        ${answer.cases.map(
          (householdCase) => html`<tr data-household="${householdCase.householdId}">
            <th scope="row"><a href="${`#/case/${encodeURIComponent(householdCase.householdId)}`}">${householdCase.householdId}</a></th>
            <td>${householdCase.area ? `${areaName(householdCase.area.villageCode, lang)} ${areaName(householdCase.area.tambonCode, lang)}` : ''}</td>
            <td>${tOr(lang, `classification.${latestClassification(householdCase)}`)}</td>
            <td>${tOr(lang, `status.${householdCase.status}`)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    ${pages > 1
      ? html`<nav class="pager">
          <button type="button" data-case-page="${answer.page - 1}" ${answer.page <= 1 ? 'disabled' : ''}>${t(lang, 'previous')}</button>
          <span>${answer.page} / ${pages}</span>
          <button type="button" data-case-page="${answer.page + 1}" ${answer.page >= pages ? 'disabled' : ''}>${t(lang, 'next')}</button>
        </nav>`
      : ''}
  </section>`;
}
