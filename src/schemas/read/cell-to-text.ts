import type { CellValue } from 'exceljs';

/** A cell as the streaming reader hands it over: its value and its number format, if styled. */
export interface SheetCell {
  value: CellValue | { sharedString: number };
  numFmt?: string | undefined;
}

const DAY_MS = 86_400_000;
/** Serial 0 of each Excel date system: 1899-12-30 (1900 system) and 1904-01-01. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);

/** True for number formats that show a date or time (the rule exceljs applies to plain cells). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** A number as Excel shows it in General format: at most 15 significant digits, no float noise. */
export function formatNumber(n: number): string {
  // Excel keeps 15 significant digits, so 43.062099999999994 is the 43.0621 the user typed.
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * A date cell as text: `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm` when it carries a time (`:ss` only when
 * the seconds are not zero), and `HH:mm` for a time of day alone (serial below 1, e.g. 開始時間).
 */
export function formatDate(date: Date, date1904 = false): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return '';
  // Serials are fractions of a day; round away sub-second noise such as 10:29:59.9999.
  const ms = Math.round(time / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  const clock = seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  const epoch = date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
  if (ms >= epoch && ms < epoch + DAY_MS) return clock;
  const day = iso.slice(0, iso.indexOf('T'));
  return clock === '00:00' ? day : `${day}T${clock}`;
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/**
 * Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot hold (ECMA-376 Part 1,
 * §22.9.2.19 ST_Xstring); Excel stores a CR typed in a cell as `_x000D_`. A literal `_x` is
 * itself escaped as `_x005F_x`, which one left-to-right pass undoes correctly.
 */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Converts one cell value to the text a person sees in Excel (see README for the rules). */
export function cellToText(cell: SheetCell, date1904 = false): string {
  return valueToText(cell.value, cell.numFmt, date1904);
}

function valueToText(
  value: SheetCell['value'],
  numFmt: string | undefined,
  date1904: boolean,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXstring(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    // exceljs's streaming reader turns a formula's error result into NaN and drops the code.
    if (Number.isNaN(value)) return '#ERROR';
    return isDateFormat(numFmt)
      ? formatDate(serialToDate(value, date1904), date1904)
      : formatNumber(value);
  }
  if (value instanceof Date) return formatDate(value, date1904);
  if ('richText' in value)
    return decodeXstring(value.richText.map((run) => run.text ?? '').join(''));
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? valueToText(value.result, numFmt, date1904) : '';
  }
  if ('error' in value) return value.error;
  if ('text' in value) return valueToText(value.text, numFmt, date1904);
  return '';
}
