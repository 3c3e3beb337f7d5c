import type { Satang } from '../money/satang';

const digits = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const places = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/**
 * An amount as a Thai receipt writes it: 108,000,000 satang → "หนึ่งล้านแปดหมื่นบาทถ้วน", 123,450 satang →
 * "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์". Written here rather than taken from the `bahttext` package, whose 2.4.0
 * writes 101 as "หนึ่งร้อยหนึ่ง" but 1,001,000,000 as "หนึ่งพันเอ็ดล้าน": the Royal Institute dictionary and Excel's
 * BAHTTEXT read a final 1 after other digits as เอ็ด (101 หนึ่งร้อยเอ็ด), and it takes floats, where we hold satang.
 */
export function amountInThaiWords(amount: Satang): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole, non-negative number of satang: ${amount}`);
  const baht = Math.floor(amount / 100);
  const satang = amount % 100;
  if (baht === 0 && satang === 0) return 'ศูนย์บาทถ้วน';
  const bahtWords = baht === 0 ? '' : `${numberInThaiWords(baht)}บาท`;
  return satang === 0 ? `${bahtWords}ถ้วน` : `${bahtWords}${numberInThaiWords(satang)}สตางค์`;
}

/** A positive whole number in Thai words; millions repeat ("ล้านล้าน") for numbers past 999,999 million. */
function numberInThaiWords(value: number): string {
  const millions = Math.floor(value / 1_000_000);
  const rest = value % 1_000_000;
  if (millions === 0) return belowMillion(rest, false);
  return `${numberInThaiWords(millions)}ล้าน${belowMillion(rest, true)}`;
}

/** 0–999,999; `afterHigher` when millions precede it, so that 1,000,001 reads "หนึ่งล้านเอ็ด". */
function belowMillion(value: number, afterHigher: boolean): string {
  const text = String(value);
  let words = '';
  for (let index = 0; index < text.length; index += 1) {
    const digit = Number(text[index]);
    const place = text.length - 1 - index;
    if (digit === 0) continue;
    if (place === 1) words += digit === 1 ? 'สิบ' : digit === 2 ? 'ยี่สิบ' : `${digits[digit]}สิบ`;
    else if (place === 0 && digit === 1 && (value > 1 || afterHigher)) words += 'เอ็ด';
    else words += `${digits[digit]}${places[place]}`;
  }
  return words;
}
