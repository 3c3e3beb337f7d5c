import { csvUrl, trendSeries, type TrendAnswer, type TrendSeries } from './api.js';
import { csvLink } from './csv-link.js';
import { columnChart } from './charts.js';
import { formatMonth, formatMonthAxis, formatNumber } from './format.js';
import { html, type Markup } from './html.js';
import { t, type Lang } from './i18n.js';

export function isTrendSeries(value: string): value is TrendSeries {
  return (trendSeries as readonly string[]).includes(value);
}

/** What happened in the area month by month, one chosen figure as columns and all of them in a table. */
export function trendView(trend: TrendAnswer, series: TrendSeries, lang: Lang): Markup {
  const n = (value: number) => formatNumber(value, lang);
  return html`<section class="panel" id="trend">
    <div class="panel-head">
      <h3>${t(lang, 'trend')}</h3>
      <span>
        <select id="trend-series" aria-label="${t(lang, 'series')}">
          ${trendSeries.map((name) => html`<option value="${name}" ${name === series ? 'selected' : ''}>${t(lang, `trend.${name}`)}</option>`)}
        </select>
        ${csvLink('trend-csv', csvUrl(`/areas/${trend.code}/trend`, { asOf: trend.asOf }), lang)}
      </span>
    </div>
    ${trend.months.length === 0
      ? html`<p class="empty">${t(lang, 'noTrend')}</p>`
      : html`${columnChart(
            'trend-chart',
            trend.months.map((month) => ({
              key: month.month,
              label: formatMonth(month.month, lang),
              axis: formatMonthAxis(month.month, lang),
              value: month[series],
              text: n(month[series]),
            })),
          )}
          <details>
            <summary>${t(lang, 'month')}</summary>
            <div class="table-wrap"><table id="trend-table">
              <thead><tr><th>${t(lang, 'month')}</th>${trendSeries.map((name) => html`<th class="num">${t(lang, `trend.${name}`)}</th>`)}</tr></thead>
              <tbody>
                ${trend.months.map(
                  (month) => html`<tr data-month="${month.month}"><th scope="row">${formatMonth(month.month, lang)}</th>
                    ${trendSeries.map((name) => html`<td class="num" data-figure="${name}" data-value="${month[name]}">${n(month[name])}</td>`)}</tr>`,
                )}
              </tbody>
            </table></div>
          </details>`}
  </section>`;
}
