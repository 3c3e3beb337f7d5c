import { html, type Markup } from './html.js';

export interface Bar {
  /** The `data-figure` name of the value, for tests and tools reading the page. */
  readonly figure: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

const widthOf = (value: number, max: number) => `${max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)).toFixed(1) : '0'}%`;

/** Horizontal bars, each with its label and value, scaled to the largest. */
export function barChart(id: string, bars: readonly Bar[]): Markup {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return html`<ul class="bars" id="${id}">
    ${bars.map(
      (bar) => html`<li>
        <span class="bar-label">${bar.label}</span>
        <span class="bar-track" aria-hidden="true"><span class="bar-fill" style="${`width:${widthOf(bar.value, max)}`}"></span></span>
        <span class="bar-value" data-figure="${bar.figure}" data-value="${bar.value}">${bar.text}</span>
      </li>`,
    )}
  </ul>`;
}

export interface Segment {
  readonly figure: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly tone: string;
}

/** One bar split into parts of a whole (classification), with a legend giving each part's count. */
export function stackedBar(id: string, segments: readonly Segment[]): Markup {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  return html`<div class="stacked" id="${id}">
    <div class="stacked-bar" aria-hidden="true">
      ${segments
        .filter((segment) => segment.value > 0)
        .map((segment) => html`<span class="${`segment tone-${segment.tone}`}" style="${`width:${widthOf(segment.value, total)}`}"></span>`)}
    </div>
    <ul class="legend">
      ${segments.map(
        (segment) => html`<li><span class="${`swatch tone-${segment.tone}`}"></span>${segment.label}
          <strong data-figure="${segment.figure}" data-value="${segment.value}">${segment.text}</strong></li>`,
      )}
    </ul>
  </div>`;
}

export interface Column {
  readonly key: string;
  readonly label: string;
  /** The axis label, in two short lines. */
  readonly axis: readonly [string, string];
  readonly value: number;
  readonly text: string;
}

/** Vertical columns in time order (the trend), scrolling sideways when there are many months. */
export function columnChart(id: string, columns: readonly Column[]): Markup {
  const max = Math.max(0, ...columns.map((column) => column.value));
  return html`<div class="columns" id="${id}" role="img">
    ${columns.map(
      (column) => html`<div class="column" data-month="${column.key}" title="${`${column.label}: ${column.text}`}">
        <span class="column-value" data-value="${column.value}">${column.text}</span>
        <span class="column-track"><span class="column-fill" style="${`height:${widthOf(column.value, max)}`}"></span></span>
        <span class="column-label">${column.axis[0]}<br />${column.axis[1]}</span>
      </div>`,
    )}
  </div>`;
}
