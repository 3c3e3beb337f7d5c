import { csvUrl, type AreaAnswer } from './api.js';
import { csvLink } from './csv-link.js';
import { districtTiles } from './district-tiles.js';
import { figureChoice, figureChoices, shade, type FigureChoice } from './figures.js';
import { areaName, formatBaht, formatNumber, formatShare } from './format.js';
import { figure } from './area-summary.js';
import { html, type Markup } from './html.js';
import { t, type Lang } from './i18n.js';

type Child = AreaAnswer['children'][number];

export function choiceText(choice: FigureChoice, value: number, lang: Lang): string {
  if (choice.kind === 'money') return formatBaht(value);
  if (choice.kind === 'share') return formatShare(value, 1, lang);
  return formatNumber(value, lang);
}

const choiceLabel = (choice: FigureChoice, lang: Lang) => (choice.kind === 'share' ? `${t(lang, choice.label)} (%)` : t(lang, choice.label));

/** Drill-down link of an area (a village's page lists its households). */
const areaLink = (code: string) => `#/area/${code}`;

/**
 * The areas one level below, as tiles coloured by the chosen figure: the province's districts where they roughly lie,
 * lower levels in code order. A tile links to its area's page.
 */
export function areaMap(answer: AreaAnswer, figureKey: string, lang: Lang): Markup {
  const choice = figureChoice(figureKey);
  const placed = answer.code === '40';
  const values = answer.children.map((child) => choice.value(child.figures));
  const max = Math.max(0, ...values);
  return html`<section class="panel" id="area-map-panel">
    <div class="panel-head">
      <h3>${t(lang, 'map')}</h3>
      <select id="map-figure" aria-label="${t(lang, 'map')}">
        ${figureChoices.map(
          (option) => html`<option value="${option.key}" ${option.key === choice.key ? 'selected' : ''}>${choiceLabel(option, lang)}</option>`,
        )}
      </select>
    </div>
    ${answer.children.length === 0
      ? html`<p class="empty">${t(lang, 'noChildren')}</p>`
      : html`<div class="${placed ? 'tiles tiles-placed' : 'tiles'}" id="area-grid">
          ${answer.children.map((child, index) => tile(child, values[index] ?? 0, max, choice, placed, lang))}
        </div>`}
    ${placed ? html`<p class="note">${t(lang, 'mapNote')}</p>` : ''}
  </section>`;
}

function tile(child: Child, value: number, max: number, choice: FigureChoice, placed: boolean, lang: Lang): Markup {
  const colour = shade(value, max);
  const position = placed ? districtTiles[child.code] : undefined;
  const style = `background:${colour.background};color:${colour.ink}${position ? `;grid-row:${position[0]};grid-column:${position[1]}` : ''}`;
  const body = html`<span class="tile-name">${areaName(child.code, lang)}</span>
    <span class="tile-value" data-figure="${choice.key}" data-value="${value}">${choiceText(choice, value, lang)}</span>`;
  return html`<a class="tile" data-area="${child.code}" style="${style}" href="${areaLink(child.code)}">${body}</a>`;
}

/** The areas one level below as a table of their main figures. */
export function childrenTable(answer: AreaAnswer, lang: Lang): Markup {
  if (answer.children.length === 0) return html``;
  const n = (value: number) => formatNumber(value, lang);
  return html`<section class="panel">
    <div class="panel-head">
      <h3>${t(lang, 'children')} ${areaName(answer.code, lang)}</h3>
      ${csvLink('area-csv', csvUrl(`/areas/${answer.code}`, { asOf: answer.asOf }), lang)}
    </div>
    <div class="table-wrap"><table id="area-children">
      <thead><tr>
        <th>${t(lang, 'area')}</th><th class="num">${t(lang, 'targetHouseholds')}</th><th class="num">${t(lang, 'people')}</th>
        <th class="num">${t(lang, 'paired')}</th><th class="num">${t(lang, 'visitedLast30Days')}</th>
        <th class="num">${t(lang, 'graduated')}</th><th class="num">${t(lang, 'paid')}</th>
      </tr></thead>
      <tbody>
        ${answer.children.map((child) => {
          const f = child.figures;
          const paid = f.assistance.reduce((sum, programme) => sum + programme.netPaid, 0);
          const name = areaName(child.code, lang);
          return html`<tr data-area="${child.code}">
            <th scope="row"><a href="${areaLink(child.code)}">${name}</a>
              <span class="code">${child.code}</span></th>
            <td class="num">${figure('targetHouseholds', f.targetHouseholds, n(f.targetHouseholds))}</td>
            <td class="num">${figure('people', f.people, n(f.people))}</td>
            <td class="num">${figure('paired', f.paired, n(f.paired))}</td>
            <td class="num">${figure('visitedLast30Days', f.visitedLast30Days, n(f.visitedLast30Days))}</td>
            <td class="num">${figure('graduated', f.graduated, n(f.graduated))}</td>
            <td class="num">${figure('netPaid', paid, formatBaht(paid), 'satang')}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>
  </section>`;
}
