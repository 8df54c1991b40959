/**
 * 年度: Japanese fiscal years run from 1 April to 31 March and are named by the calendar year
 * they start in (2021年度 = April 2021 – March 2022), also in the Japanese era (令和3年度).
 */

/** Japan has no daylight saving time: JST is always UTC+9. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The fiscal year a moment falls in, judged by the date in Japan (00:00 JST on 1 April starts a year). */
export function fiscalYearOf(moment: Date): number {
  const jst = new Date(moment.getTime() + JST_OFFSET_MS);
  const month = jst.getUTCMonth() + 1;
  return month >= 4 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

/** First and last day (YYYY-MM-DD) of a fiscal year. */
export function fiscalYearDates(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/** Eras by the calendar year of their first day, newest first. */
const ERAS: ReadonlyArray<{ name: string; nameEn: string; firstYear: number }> = [
  { name: '令和', nameEn: 'Reiwa', firstYear: 2019 },
  { name: '平成', nameEn: 'Heisei', firstYear: 1989 },
  { name: '昭和', nameEn: 'Showa', firstYear: 1926 },
];

/**
 * The era name of a fiscal year, e.g. 2021 → 令和3年度. A fiscal year takes the era of the
 * calendar year it starts in (FY2019 is 令和元年度, as the government renamed 平成31年度), and
 * the first year of an era is 元年.
 */
export function fiscalYearEraLabel(fiscalYear: number): string {
  const era = ERAS.find((e) => fiscalYear >= e.firstYear);
  if (!era) return `${fiscalYear}年度`;
  const n = fiscalYear - era.firstYear + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** The labels s5 shows for a fiscal year: `2021年度`, `令和3年度`, `FY2021`. */
export function fiscalYearLabels(fiscalYear: number): { ja: string; era: string; en: string } {
  return {
    ja: `${fiscalYear}年度`,
    era: fiscalYearEraLabel(fiscalYear),
    en: `FY${fiscalYear}`,
  };
}

/** `2021年度（令和3年度）`, the form used in titles. */
export function fiscalYearTitle(fiscalYear: number): string {
  return `${fiscalYear}年度（${fiscalYearEraLabel(fiscalYear)}）`;
}

/** The calendar date (YYYY-MM-DD) in Japan at a moment; plan revisions are dated in JST. */
export function jstDate(moment: Date): string {
  return new Date(moment.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}
