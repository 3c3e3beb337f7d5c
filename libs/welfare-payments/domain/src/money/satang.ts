import type { FieldIssue } from '@khu-siao/contracts';

/** Money is whole satang (1 baht = 100 satang) everywhere: no float ever holds an amount. */
export type Satang = number;

/** A single grant above 10,000,000 baht is a typing slip, not help to a household or a centre. */
export const maxGrantAmount: Satang = 10_000_000_00;
/** The contracts' ceiling: far above any province's yearly budget, well inside exact integer arithmetic. */
export const maxBudgetAmount: Satang = 100_000_000_000_00;

/** The issues of an amount that must be whole, positive satang no larger than `max`, named by `field`. */
export function amountIssues(field: string, value: unknown, max: Satang): FieldIssue[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field, message: 'must be a number of satang' }];
  if (!Number.isInteger(value)) return [{ field, message: 'must be whole satang' }];
  if (value <= 0) return [{ field, message: 'must be more than 0' }];
  if (value > max) return [{ field, message: `must not exceed ${satangText(max)} satang (${bahtText(max)} baht)` }];
  return [];
}

/** 15000000 → "15,000,000": how amounts read in messages. */
export function satangText(amount: Satang): string {
  return amount.toLocaleString('en-US');
}

/** 123450 → "1,234.50": satang shown as baht, by integer arithmetic. */
export function bahtText(amount: Satang): string {
  const sign = amount < 0 ? '-' : '';
  const whole = Math.abs(amount);
  return `${sign}${Math.floor(whole / 100).toLocaleString('en-US')}.${String(whole % 100).padStart(2, '0')}`;
}
