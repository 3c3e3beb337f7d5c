import { fiscalYearAt, type FiscalYear } from '../fiscal-year/fiscal-year';
import { thaiDateOf, thaiLongDate, type Instant } from '../fiscal-year/thai-time';
import type { Grant, DisbursementMethod, Recipient } from '../grant/grant';
import { attemptOf } from '../grant/grant';
import { bahtText, type Satang } from '../money/satang';
import { amountInThaiWords } from './thai-words';

/** What a receipt for a paid disbursement shows, amounts in figures and in Thai words, the date in the Buddhist era. */
export interface DisbursementReceipt {
  readonly grantId: string;
  readonly disbursementId: string;
  readonly programmeId: string;
  readonly centreId: string;
  readonly recipient: Recipient;
  readonly amount: Satang;
  /** "3,000.00" */
  readonly amountInBaht: string;
  /** "สามพันบาทถ้วน" */
  readonly amountInThaiWords: string;
  readonly method: DisbursementMethod;
  readonly reference: string;
  readonly paidAt: Instant;
  /** "27 มกราคม 2565" */
  readonly paidOnThai: string;
  readonly fiscalYear: FiscalYear;
  readonly paidBy: string;
  /** A reversed payment keeps its receipt, marked void. */
  readonly reversed: boolean;
}

/** The receipt of a disbursement that was paid (and possibly reversed since); null for one that never paid. */
export function disbursementReceipt(grant: Grant, disbursementId: string): DisbursementReceipt | null {
  const attempt = attemptOf(grant, disbursementId);
  if (!attempt?.payment) return null;
  const { amount, method } = attempt;
  const { reference, paidAt, paidBy } = attempt.payment;
  return {
    grantId: grant.grantId,
    disbursementId,
    programmeId: grant.programmeId,
    centreId: grant.centreId,
    recipient: grant.recipient,
    amount,
    amountInBaht: bahtText(amount),
    amountInThaiWords: amountInThaiWords(amount),
    method,
    reference,
    paidAt,
    paidOnThai: thaiLongDate(thaiDateOf(paidAt)),
    fiscalYear: fiscalYearAt(paidAt),
    paidBy,
    reversed: attempt.outcome === 'reversed',
  };
}
