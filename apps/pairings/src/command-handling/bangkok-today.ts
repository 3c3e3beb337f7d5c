const bangkokDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the households live (Thailand, UTC+7), as YYYY-MM-DD: the clock the domain never reads itself. */
export function bangkokToday(now: Date = new Date()): string {
  return bangkokDate.format(now);
}
