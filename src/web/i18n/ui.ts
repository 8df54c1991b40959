import { MESSAGES, type MessageKey } from './messages.ts';

/** Display language: Japanese by default, English on request. */
export type Lang = 'ja' | 'en';

/** What every component needs to speak the visitor's language. */
export interface Ui {
  readonly lang: Lang;
  /** The fixed text `key`, with `{name}` placeholders filled from `vars`. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Chooses between a Japanese and an English value of data (falls back to Japanese). */
  pick(ja: string, en: string | null | undefined): string;
  /** A number with the language's digit grouping. */
  num(n: number): string;
  /** A CKAN timestamp (UTC, no zone) as a date in Japan time. */
  date(ckanTimestamp: string | null | undefined): string;
}

const JST = 'Asia/Tokyo';
const formatters = {
  ja: {
    num: new Intl.NumberFormat('ja-JP'),
    date: new Intl.DateTimeFormat('ja-JP', {
      timeZone: JST,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }),
  },
  en: {
    num: new Intl.NumberFormat('en-US'),
    date: new Intl.DateTimeFormat('en-GB', {
      timeZone: JST,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }),
  },
} as const;

/** Builds the Ui of one language; cheap, so one per request is fine. */
export function makeUi(lang: Lang): Ui {
  const f = formatters[lang];
  return {
    lang,
    t: (key, vars) => {
      const text: string = MESSAGES[key][lang];
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      );
    },
    pick: (ja, en) => (lang === 'en' && en ? en : ja),
    num: (n) => f.num.format(n),
    date: (ts) => {
      if (!ts) return '—';
      // CKAN timestamps are UTC without a zone designator.
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(ts) ? ts : `${ts}Z`);
      return Number.isNaN(d.getTime()) ? ts : f.date.format(d);
    },
  };
}

export const LANG_COOKIE = 's5_lang';

/**
 * The language of a request: `?lang=` first (a shareable link), then the cookie set by the
 * switch, else Japanese.
 */
export function chooseLang(queryLang: string | undefined, cookie: string | undefined): Lang {
  if (queryLang === 'en' || queryLang === 'ja') return queryLang;
  return cookie === 'en' ? 'en' : 'ja';
}
