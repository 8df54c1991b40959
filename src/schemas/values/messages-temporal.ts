import type { ValueFindingCode } from './finding-codes.ts';
import {
  arrowEn,
  arrowJa,
  type FindingMessages,
  param,
  quoteEn,
  quoteJa,
} from './finding-message.ts';

/** Messages of the 日付, 日付時刻 and 時刻 findings. */
export const TEMPORAL_MESSAGES = {
  date_not_iso: {
    ja: (p) =>
      `日付が「YYYY-MM-DD」形式ではありません（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `The date is not in YYYY-MM-DD form (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () =>
      '日付は西暦・半角で「2021-04-01」のように記入してください（和暦は西暦に直してください）。',
    fix_en: () => 'Write dates in the Western calendar, half-width, as 2021-04-01.',
  },
  date_invalid: {
    ja: (p) => `日付として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a date${quoteEn(p)}.`,
    fix_ja: () => '「2021-04-01」の形式で記入し、補足は備考欄に書いてください。',
    fix_en: () => 'Write the date as 2021-04-01; put any remark in the notes column.',
  },
  date_impossible: {
    ja: (p) => `存在しない日付です${quoteJa(p)}。`,
    en: (p) => `This day does not exist${quoteEn(p)}.`,
    fix_ja: () => '月と日を確認してください。',
    fix_en: () => 'Check the month and the day.',
  },
  date_era_out_of_range: {
    ja: (p) => {
      const end = param(p, 'era_end');
      const span = end === '' ? `${param(p, 'era_start')}から` : `${param(p, 'era_start')}〜${end}`;
      return `${param(p, 'era')}の範囲外の日付です${quoteJa(p)}。${param(p, 'era')}は${span}です。`;
    },
    en: (p) => `The date lies outside the ${param(p, 'era')} era${quoteEn(p)}.`,
    fix_ja: () => '元号と年を確認し、西暦「YYYY-MM-DD」で記入してください。',
    fix_en: () => 'Check the era and year, and write the date as YYYY-MM-DD.',
  },
  date_before_gregorian_calendar: {
    ja: (p) => `明治5年以前の日付は旧暦のため、自動で西暦に換算できません${quoteJa(p)}。`,
    en: (p) =>
      `Dates up to Meiji 5 use the lunisolar calendar and cannot be converted automatically${quoteEn(p)}.`,
    fix_ja: () => '暦の換算表で確認し、西暦「YYYY-MM-DD」で記入してください。',
    fix_en: () => 'Convert with a calendar table and write YYYY-MM-DD.',
  },
  date_year_only: {
    ja: (p) => `年だけが記入されています${quoteJa(p)}。`,
    en: (p) => `Only a year is given${quoteEn(p)}.`,
    fix_ja: () => '月日が分かる場合は「YYYY-MM-DD」で記入してください。',
    fix_en: () => 'If the month and day are known, write YYYY-MM-DD.',
  },
  datetime_not_iso: {
    ja: (p) => `日時が「YYYY-MM-DDThh:mm:ss+09:00」形式ではありません${arrowJa(p)}。`,
    en: (p) => `The date-time is not in YYYY-MM-DDThh:mm:ss+09:00 form${arrowEn(p)}.`,
    fix_ja: () => '日時は「2021-04-01T09:00:00+09:00」のように記入してください。',
    fix_en: () => 'Write date-times as 2021-04-01T09:00:00+09:00.',
  },
  datetime_missing_offset: {
    ja: (p) => `日時に時差（+09:00）がありません${quoteJa(p)}。`,
    en: (p) => `The date-time has no UTC offset (+09:00)${quoteEn(p)}.`,
    fix_ja: () => '日本時間の場合は末尾に「+09:00」を付けてください。',
    fix_en: () => 'For Japan time, append "+09:00".',
  },
  datetime_date_only: {
    ja: (p) => `日時の項目に日付だけが記入されています${quoteJa(p)}。`,
    en: (p) => `Only a date is given in a date-time field${quoteEn(p)}.`,
    fix_ja: () => '時刻も含めて「2021-04-01T09:00:00+09:00」のように記入してください。',
    fix_en: () => 'Include the time: 2021-04-01T09:00:00+09:00.',
  },
  datetime_invalid: {
    ja: (p) => `日時として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a date-time${quoteEn(p)}.`,
    fix_ja: () => '「2021-04-01T09:00:00+09:00」の形式で記入してください。',
    fix_en: () => 'Write it as 2021-04-01T09:00:00+09:00.',
  },
  time_not_hhmm: {
    ja: (p) =>
      `時刻が「hh:mm」形式ではありません（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) => `The time is not in hh:mm form (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '時刻は24時間制・半角・2桁で「09:00」のように記入してください。',
    fix_en: () => 'Write times on the 24-hour clock, half-width, zero-padded: 09:00.',
  },
  time_end_of_day: {
    ja: () => '「24:00」は一日の終わりとして扱います。',
    en: () => '"24:00" is taken as the end of the day.',
    fix_ja: () => '終了時刻として意図した値か確認してください。',
    fix_en: () => 'Check that it is meant as a closing time.',
  },
  time_with_seconds: {
    ja: (p) => `時刻に秒が含まれています${quoteJa(p)}。`,
    en: (p) => `The time includes seconds${quoteEn(p)}.`,
    fix_ja: () => '定義書の形式は「hh:mm」です。秒が必要か確認してください。',
    fix_en: () => 'The definition book asks for hh:mm; check whether seconds are needed.',
  },
  time_all_day: {
    ja: (p) => `時刻の項目に「${param(p, 'found')}」と記入されています。`,
    en: (p) => `The time field says "${param(p, 'found')}" (all day).`,
    fix_ja: () =>
      '終日の場合は開始「00:00」・終了「24:00」とするか、特記事項の列に記入してください。',
    fix_en: () => 'For all day, write 00:00 to 24:00 or put it in the remarks (特記事項) column.',
  },
  time_range: {
    ja: (p) => `1つのセルに時間帯（${param(p, 'start')}〜${param(p, 'end')}）が記入されています。`,
    en: (p) => `A time range (${param(p, 'start')}–${param(p, 'end')}) is written in one cell.`,
    fix_ja: () => '開始時間と終了時間はそれぞれの列に分けて記入してください。',
    fix_en: () => 'Put the start and end times in their own columns.',
  },
  time_ambiguous: {
    ja: (p) =>
      `時刻を一つに決められません${quoteJa(p)}（例: 午後12時は正午とも深夜0時とも読めます）。`,
    en: (p) => `The time is ambiguous${quoteEn(p)} (e.g. 午後12時 reads as noon or midnight).`,
    fix_ja: () => '24時間制の「hh:mm」で記入してください。',
    fix_en: () => 'Write it on the 24-hour clock as hh:mm.',
  },
  time_invalid: {
    ja: (p) => `時刻として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a time${quoteEn(p)}.`,
    fix_ja: () => '「09:00」の形式で記入し、説明は特記事項の列に書いてください。',
    fix_en: () => 'Write the time as 09:00 and put explanations in the remarks column.',
  },
} satisfies Partial<Record<ValueFindingCode, FindingMessages>>;
