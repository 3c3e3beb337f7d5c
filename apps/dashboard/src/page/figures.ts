import type { AreaFigures } from '@khu-siao/reporting-projections';
import type { MessageKey } from './i18n.js';

export const dimensionNames = ['health', 'livingConditions', 'education', 'income', 'publicServices'] as const;
export const classificationNames = ['developable', 'welfare', 'vulnerable', 'unassessed'] as const;

export interface FigureChoice {
  readonly key: string;
  readonly label: MessageKey;
  readonly kind: 'count' | 'share' | 'money';
  readonly value: (figures: AreaFigures) => number;
}

const total = (figures: AreaFigures, pick: (programme: AreaFigures['assistance'][number]) => number) =>
  figures.assistance.reduce((sum, programme) => sum + pick(programme), 0);

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The figures the map can be coloured by. */
export const figureChoices: readonly FigureChoice[] = [
  { key: 'targetHouseholds', label: 'targetHouseholds', kind: 'count', value: (f) => f.targetHouseholds },
  { key: 'people', label: 'people', kind: 'count', value: (f) => f.people },
  ...classificationNames.map(
    (name): FigureChoice => ({ key: `classification.${name}`, label: `classification.${name}`, kind: 'count', value: (f) => f.byClassification[name] }),
  ),
  ...dimensionNames.map((name): FigureChoice => ({ key: `failing.${name}`, label: `dimension.${name}`, kind: 'count', value: (f) => f.failing[name] })),
  { key: 'paired', label: 'paired', kind: 'count', value: (f) => f.paired },
  { key: 'pairedShare', label: 'paired', kind: 'share', value: (f) => ratio(f.paired, f.targetHouseholds) },
  { key: 'visitedLast30Days', label: 'visitedLast30Days', kind: 'count', value: (f) => f.visitedLast30Days },
  { key: 'visitedShare', label: 'visitedLast30Days', kind: 'share', value: (f) => ratio(f.visitedLast30Days, f.paired) },
  { key: 'plansStarted', label: 'plansStarted', kind: 'count', value: (f) => f.plansStarted },
  { key: 'graduated', label: 'graduated', kind: 'count', value: (f) => f.graduated },
  { key: 'granted', label: 'granted', kind: 'money', value: (f) => total(f, (p) => p.granted) },
  { key: 'paid', label: 'paid', kind: 'money', value: (f) => total(f, (p) => p.netPaid) },
];

export function figureChoice(key: string): FigureChoice {
  return figureChoices.find((choice) => choice.key === key) ?? (figureChoices[0] as FigureChoice);
}

export interface Shade {
  readonly background: string;
  readonly ink: string;
}

const light = [0xe8, 0xf1, 0xfb];
const dark = [0x08, 0x30, 0x6b];

/** A colour from light (nothing) to dark blue (the largest value shown), with ink that reads on it. */
export function shade(value: number, max: number): Shade {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const channels = light.map((from, index) => Math.round(from + ((dark[index] as number) - from) * share));
  return {
    background: `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`,
    ink: share > 0.5 ? '#ffffff' : '#10243e',
  };
}
