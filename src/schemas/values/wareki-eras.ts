/** A Japanese era (元号) with its first and, if ended, last day in the Gregorian calendar. */
export interface Era {
  name: string;
  /** Spellings that name the era in data: full, one-kanji and Latin initial. */
  aliases: readonly string[];
  start: string;
  end?: string;
}

/**
 * The five modern eras. 大正 began 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01;
 * 明治 years 1–5 ran on the lunisolar calendar (改暦 on 明治6年1月1日 = 1873-01-01).
 */
export const ERAS: readonly Era[] = [
  { name: '明治', aliases: ['明治', '明', 'M'], start: '1868-01-25', end: '1912-07-29' },
  { name: '大正', aliases: ['大正', '大', 'T'], start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', aliases: ['昭和', '昭', 'S'], start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', aliases: ['平成', '平', 'H'], start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', aliases: ['令和', '令', 'R'], start: '2019-05-01' },
];

/** The era named by a spelling such as `平成`, `平`, `H` or `h`; undefined when unknown. */
export function findEra(spelling: string): Era | undefined {
  const upper = spelling.toUpperCase();
  return ERAS.find((era) => era.aliases.includes(upper));
}

/** First Gregorian year of the 明治 era on the solar calendar (明治6年). */
export const GREGORIAN_ADOPTION_YEAR = 1873;
