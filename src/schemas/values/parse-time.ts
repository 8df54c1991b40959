import { prepareTemporal } from './parse-date.ts';

/** What `parseTime` recognised in a value. */
export type ParsedTime =
  /** A clock time; hour 24 only as 24:00 (end of day). */
  | { kind: 'time'; hour: number; minute: number; second?: number }
  /** `終日`, `24時間`: open all day, not a clock time. */
  | { kind: 'all_day' }
  /** Two times in one cell (`9:00～17:00`). */
  | { kind: 'range'; start: string; end: string }
  /** A time whose hour cannot be pinned down (`午後12時`). */
  | { kind: 'ambiguous' }
  | { kind: 'unrecognised' };

const COLON = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MERIDIEM_FIRST = /^(午前|午後|am|pm|a\.m\.|p\.m\.)\s*(\d{1,2}):(\d{2})$/i;
const MERIDIEM_LAST = /^(\d{1,2}):(\d{2})\s*(am|pm|a\.m\.|p\.m\.)$/i;
const KANJI = /^(午前|午後)?\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?$/;
const ALL_DAY = /^(?:終日|24時間)(?:営業|利用可|利用可能|開放|対応|使用可|使用可能)?$/;
// Range separators: ～ (U+FF5E) and 〜 (U+301C) are the same wave dash after a CP932 round trip.
const RANGE = /^(.+?)\s*[～〜~-]\s*(.+)$/;

/** Formats a clock time as zero-padded `hh:mm` (or `hh:mm:ss` when seconds are given). */
export function formatTime(time: { hour: number; minute: number; second?: number }): string {
  const hhmm = `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return time.second === undefined ? hhmm : `${hhmm}:${String(time.second).padStart(2, '0')}`;
}

function clock(hour: number, minute: number, second?: number): ParsedTime {
  if (minute > 59 || (second !== undefined && second > 59)) return { kind: 'unrecognised' };
  if (hour === 24 && minute === 0 && (second === undefined || second === 0)) {
    return { kind: 'time', hour, minute: 0 };
  }
  if (hour > 23) return { kind: 'unrecognised' };
  return second === undefined
    ? { kind: 'time', hour, minute }
    : { kind: 'time', hour, minute, second };
}

function withMeridiem(meridiem: string, hour: number, minute: number): ParsedTime {
  // 午前12時 / 午後12時 are read both as noon and as midnight: no certain conversion.
  if (hour > 11) return { kind: 'ambiguous' };
  const afternoon = /^(午後|pm|p\.m\.)$/i.test(meridiem);
  return clock(afternoon ? hour + 12 : hour, minute);
}

function parseSingle(text: string): ParsedTime {
  if (text === '正午') return { kind: 'time', hour: 12, minute: 0 };
  if (ALL_DAY.test(text)) return { kind: 'all_day' };
  const colon = COLON.exec(text);
  if (colon !== null) {
    const second = colon[3] === undefined ? undefined : Number(colon[3]);
    return clock(Number(colon[1]), Number(colon[2]), second);
  }
  const first = MERIDIEM_FIRST.exec(text);
  if (first !== null) return withMeridiem(first[1] ?? '', Number(first[2]), Number(first[3]));
  const last = MERIDIEM_LAST.exec(text);
  if (last !== null) return withMeridiem(last[3] ?? '', Number(last[1]), Number(last[2]));
  const kanji = KANJI.exec(text);
  if (kanji === null) return { kind: 'unrecognised' };
  const minute = kanji[4] === '半' ? 30 : Number(kanji[3] ?? 0);
  const hour = Number(kanji[2]);
  return kanji[1] === undefined ? clock(hour, minute) : withMeridiem(kanji[1], hour, minute);
}

/**
 * Recognises a time: `hh:mm`, `h:mm`, `hh:mm:ss`, `9時30分`, `9時半`, `午後1時`, `1:30 PM`, `正午`,
 * full-width digits; also `終日`/`24時間` and two-time ranges, which are not single clock times.
 */
export function parseTime(value: string): ParsedTime {
  const text = prepareTemporal(value);
  const single = parseSingle(text);
  if (single.kind !== 'unrecognised') return single;
  const range = RANGE.exec(text);
  if (range === null) return single;
  const start = parseSingle(range[1] ?? '');
  const end = parseSingle(range[2] ?? '');
  if (start.kind !== 'time' || end.kind !== 'time') return single;
  return { kind: 'range', start: formatTime(start), end: formatTime(end) };
}
