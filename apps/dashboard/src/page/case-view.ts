import type { OpenedCase, ShownField } from './api.js';
import { areaName, formatBaht, formatDate, formatNumber, maskedNationalId } from './format.js';
import { html, type Markup } from './html.js';
import { t, tOr, type Lang } from './i18n.js';

const none = (lang: Lang) => html`<p class="empty">${t(lang, 'none')}</p>`;

function table(head: readonly string[], rows: readonly Markup[]): Markup {
  return html`<div class="table-wrap"><table><thead><tr>${head.map((label) => html`<th>${label}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * One household's case: who lives there (national IDs as the API gives them, their last 4 digits only), its
 * assessments, buddies, visits, life plan and assistance.
 */
export function caseView(householdCase: OpenedCase, lang: Lang): Markup {
  /** An erased household's personal fields are gone for good (PDPA erasure). */
  const shown = (field: ShownField | undefined) => (typeof field === 'object' ? t(lang, 'erased') : (field ?? ''));
  const date = (value: string | undefined) => (value ? formatDate(value, lang) : '');
  const dimensions = (list: readonly string[]) => list.map((name) => tOr(lang, `dimension.${name}`)).join(', ');
  const area = householdCase.area;
  return html`<article id="case" data-household="${householdCase.householdId}">
    <section class="panel">
      <div class="panel-head">
        <h2>${t(lang, 'caseTitle')} <span class="code">${householdCase.householdId}</span></h2>
        ${area ? html`<a href="${`#/area/${area.villageCode}`}">${t(lang, 'back')}</a>` : ''}
      </div>
      <dl class="facts">
        <dt>${t(lang, 'status')}</dt><dd data-figure="status" data-value="${householdCase.status}">${tOr(lang, `status.${householdCase.status}`)}</dd>
        ${area
          ? html`<dt>${t(lang, 'area')}</dt>
              <dd>${t(lang, 'houseNumber')} ${shown(householdCase.houseNumber)} ${areaName(area.villageCode, lang)} ${areaName(area.tambonCode, lang)}
                ${areaName(area.districtCode, lang)} ${areaName(area.provinceCode, lang)}</dd>`
          : ''}
        <dt>${t(lang, 'registeredOn')}</dt><dd>${date(householdCase.registeredOn)}</dd>
        ${householdCase.graduatedOn ? html`<dt>${t(lang, 'graduated')}</dt><dd>${date(householdCase.graduatedOn)}</dd>` : ''}
        ${householdCase.closed ? html`<dt>${t(lang, 'closed')}</dt><dd>${date(householdCase.closed.closedOn)} — ${householdCase.closed.reason}</dd>` : ''}
      </dl>
    </section>
    <section class="panel" id="case-members">
      <h3>${t(lang, 'members')}</h3>
      ${table(
        [t(lang, 'name'), t(lang, 'nationalId'), t(lang, 'relation'), t(lang, 'sex'), t(lang, 'birthDate'), ''],
        householdCase.members.map(
          (member) => html`<tr data-member="${member.memberId}">
            <th scope="row">${shown(member.title)}${shown(member.firstName)} ${shown(member.lastName)}</th>
            <td class="id" data-figure="nationalId">${typeof member.nationalId === 'object' ? t(lang, 'erased') : maskedNationalId(member.nationalId)}</td>
            <td>${tOr(lang, `relation.${member.relation}`)}</td>
            <td>${tOr(lang, `sex.${member.sex}`)}</td>
            <td>${typeof member.birthDate === 'object' ? t(lang, 'erased') : date(member.birthDate)}</td>
            <td>${[member.disability ? t(lang, 'disability') : '', member.chronicIllness ? t(lang, 'chronicIllness') : ''].filter(Boolean).join(', ')}</td>
          </tr>`,
        ),
      )}
    </section>
    <section class="panel" id="case-assessments">
      <h3>${t(lang, 'assessments')}</h3>
      ${householdCase.assessments.length === 0
        ? none(lang)
        : table(
            [t(lang, 'assessedOn'), t(lang, 'classification'), t(lang, 'failedDimensions'), t(lang, 'incomePerHead')],
            householdCase.assessments.map(
              (assessment) => html`<tr>
                <td>${date(assessment.assessedOn)}</td>
                <td>${tOr(lang, `classification.${assessment.classification}`)}
                  ${assessment.overriddenFrom ? html`<small>(${t(lang, 'overriddenFrom', { from: tOr(lang, `classification.${assessment.overriddenFrom}`) })})</small>` : ''}</td>
                <td>${dimensions(assessment.failedDimensions)}</td>
                <td class="num">${formatBaht(assessment.incomePerHeadPerYear)}</td>
              </tr>`,
            ),
          )}
    </section>
    <section class="panel" id="case-buddies">
      <h3>${t(lang, 'buddy')}</h3>
      ${householdCase.pairings.length === 0
        ? none(lang)
        : table(
            [t(lang, 'official'), t(lang, 'pairedOn'), t(lang, 'unpairedOn')],
            householdCase.pairings.map(
              (pairing) => html`<tr><td>${pairing.officialId}</td><td>${date(pairing.pairedOn)}</td><td>${date(pairing.unpairedOn)}</td></tr>`,
            ),
          )}
    </section>
    <section class="panel" id="case-visits">
      <h3>${t(lang, 'visits')}</h3>
      ${householdCase.visits.length === 0
        ? none(lang)
        : table(
            [t(lang, 'visitedOn'), t(lang, 'processStep'), t(lang, 'dimensionsDiscussed'), t(lang, 'inKindHelp')],
            [...householdCase.visits]
              .sort((a, b) => b.visitedOn.localeCompare(a.visitedOn))
              .map(
                (visit) => html`<tr>
                  <td>${date(visit.visitedOn)} ${visit.corrected ? html`<small>(${t(lang, 'corrected')})</small>` : ''}</td>
                  <td>${tOr(lang, `step.${visit.processStep}`)}</td>
                  <td>${dimensions(visit.dimensionsDiscussed)}</td>
                  <td class="num">${visit.inKindHelp > 0 ? `${formatNumber(visit.inKindHelp, lang)} · ${formatBaht(visit.inKindValue)}` : ''}</td>
                </tr>`,
              ),
          )}
    </section>
    <section class="panel" id="case-plan">
      <h3>${t(lang, 'plan')}</h3>
      ${householdCase.plan
        ? html`<p>${t(lang, 'drawnUpOn')} ${date(householdCase.plan.drawnUpOn)}</p>
            ${table(
              [t(lang, 'action'), t(lang, 'dimension'), t(lang, 'done')],
              householdCase.plan.actions.map(
                (action) => html`<tr><td>${action.actionId}</td><td>${tOr(lang, `dimension.${action.dimension}`)}</td>
                  <td class="num"><progress max="100" value="${action.percentDone}"></progress> ${action.percentDone}%</td></tr>`,
              ),
            )}`
        : none(lang)}
    </section>
    <section class="panel" id="case-grants">
      <h3>${t(lang, 'assistance')}</h3>
      ${householdCase.grants.length === 0
        ? none(lang)
        : table(
            [t(lang, 'programme'), t(lang, 'grantedOn'), t(lang, 'amount'), t(lang, 'paid'), t(lang, 'reversed')],
            householdCase.grants.map((grant) => {
              const paid = grant.payments.reduce((sum, payment) => sum + payment.amount, 0);
              const reversed = grant.reversals.reduce((sum, reversal) => sum + reversal.amount, 0);
              return html`<tr data-grant="${grant.grantId}">
                <td>${grant.programmeId}</td>
                <td>${date(grant.grantedOn)}${grant.cancelledOn ? html` <small>(${t(lang, 'cancelledOn')} ${date(grant.cancelledOn)})</small>` : ''}</td>
                <td class="num" data-figure="granted" data-value="${grant.amount}" data-unit="satang">${formatBaht(grant.amount)}</td>
                <td class="num" data-figure="paid" data-value="${paid}" data-unit="satang">${formatBaht(paid)}
                  ${grant.payments.map((payment) => html`<small>${date(payment.paidOn)}</small>`)}</td>
                <td class="num" data-figure="reversed" data-value="${reversed}" data-unit="satang">${formatBaht(reversed)}</td>
              </tr>`;
            }),
          )}
    </section>
  </article>`;
}
