import { html, type Markup } from './html.js';
import { t, type Lang } from './i18n.js';

/** A link that downloads the table from the reporting API as CSV (the same figures the page shows). */
export function csvLink(id: string, href: string, lang: Lang): Markup {
  return html`<a class="csv" id="${id}" href="${href}" download title="${t(lang, 'csvLabel')}">${t(lang, 'csv')}</a>`;
}
