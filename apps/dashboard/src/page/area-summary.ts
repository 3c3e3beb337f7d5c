import type { AreaFigures } from '@khu-siao/reporting-projections';
import { barChart, stackedBar } from './charts.js';
import { classificationNames, dimensionNames } from './figures.js';
import { formatBaht, formatNumber, formatShare } from './format.js';
import { html, type Markup } from './html.js';
import { t, type Lang, type MessageKey } from './i18n.js';

/** A figure as the page shows it, carrying its name and raw value for whoever reads the page (money in satang). */
export function figure(name: string, value: number, text: string, unit?: 'satang'): Markup {
  return html`<span data-figure="${name}" data-value="${value}"${unit ? html` data-unit="${unit}"` : ''}>${text}</span>`;
}

function card(name: MessageKey, value: number, lang: Lang, note?: string): Markup {
  return html`<div class="card">
    <span class="card-label">${t(lang, name)}</span>
    <span class="card-value">${figure(name, value, formatNumber(value, lang))}</span>
    ${note ? html`<span class="card-note">${note}</span>` : ''}
  </div>`;
}

/** An area's own figures: totals, classification, failing dimensions, coverage, plans and graduations, money. */
/** `programmeNames`: the programmes' names by id (the roll-ups name programmes by id only). */
export function areaSummary(figures: AreaFigures, lang: Lang, programmeNames: ReadonlyMap<string, string> = new Map()): Markup {
  const n = (value: number) => formatNumber(value, lang);
  return html`<section class="panel" id="area-figures">
    <div class="cards">
      ${card('targetHouseholds', figures.targetHouseholds, lang)} ${card('people', figures.people, lang)}
      ${card('assessed', figures.assessed, lang)}
    </div>
    <h3>${t(lang, 'classification')}</h3>
    ${stackedBar(
      'classification',
      classificationNames.map((name) => ({
        figure: `classification.${name}`,
        label: t(lang, `classification.${name}`),
        value: figures.byClassification[name],
        text: n(figures.byClassification[name]),
        tone: name,
      })),
    )}
  </section>
  <section class="panel">
    <h3>${t(lang, 'failing')}</h3>
    ${barChart(
      'failing-chart',
      dimensionNames.map((name) => ({
        figure: `failing.${name}`,
        label: t(lang, `dimension.${name}`),
        value: figures.failing[name],
        text: n(figures.failing[name]),
      })),
    )}
  </section>
  <section class="panel" id="coverage">
    <h3>${t(lang, 'coverage')}</h3>
    <div class="cards">
      ${card('paired', figures.paired, lang, t(lang, 'ofTarget', { share: formatShare(figures.paired, figures.targetHouseholds, lang) }))}
      ${card(
        'visitedLast30Days',
        figures.visitedLast30Days,
        lang,
        t(lang, 'ofPaired', { share: formatShare(figures.visitedLast30Days, figures.paired, lang) }),
      )}
      ${card('officials', figures.officials, lang)} ${card('centres', figures.centres, lang)}
    </div>
  </section>
  <section class="panel" id="progress">
    <h3>${t(lang, 'progress')}</h3>
    <div class="cards">
      ${card('plansStarted', figures.plansStarted, lang)} ${card('plansCompleted', figures.plansCompleted, lang)}
      ${card('graduated', figures.graduated, lang)} ${card('closed', figures.closed, lang)}
    </div>
  </section>
  ${assistanceTable(figures, lang, programmeNames)}`;
}

function assistanceTable(figures: AreaFigures, lang: Lang, programmeNames: ReadonlyMap<string, string>): Markup {
  const sum = (pick: (programme: AreaFigures['assistance'][number]) => number) =>
    figures.assistance.reduce((total, programme) => total + pick(programme), 0);
  const money = (name: string, satang: number) => figure(name, satang, formatBaht(satang), 'satang');
  return html`<section class="panel" id="assistance">
    <h3>${t(lang, 'assistance')}</h3>
    ${figures.assistance.length === 0
      ? html`<p class="empty">${t(lang, 'noAssistance')}</p>`
      : html`<div class="table-wrap"><table>
          <thead><tr><th>${t(lang, 'programme')}</th><th class="num">${t(lang, 'grants')}</th><th class="num">${t(lang, 'granted')}</th>
            <th class="num">${t(lang, 'paid')}</th><th class="num">${t(lang, 'reversed')}</th><th class="num">${t(lang, 'netPaid')}</th></tr></thead>
          <tbody>
            ${figures.assistance.map(
              (programme) => html`<tr data-programme="${programme.programmeId}">
                <th scope="row">${programmeNames.get(programme.programmeId) ?? programme.programmeId}</th>
                <td class="num">${figure('grants', programme.grants, formatNumber(programme.grants, lang))}</td>
                <td class="num">${money('granted', programme.granted)}</td>
                <td class="num">${money('paid', programme.paid)}</td>
                <td class="num">${money('reversed', programme.reversed)}</td>
                <td class="num">${money('netPaid', programme.netPaid)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot><tr data-programme="all">
            <th scope="row"></th>
            <td class="num">${figure('grants', sum((p) => p.grants), formatNumber(sum((p) => p.grants), lang))}</td>
            <td class="num">${money('granted', sum((p) => p.granted))}</td>
            <td class="num">${money('paid', sum((p) => p.paid))}</td>
            <td class="num">${money('reversed', sum((p) => p.reversed))}</td>
            <td class="num">${money('netPaid', sum((p) => p.netPaid))}</td>
          </tr></tfoot>
        </table></div>`}
  </section>`;
}
