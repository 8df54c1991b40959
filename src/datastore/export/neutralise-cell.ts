/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which Excel shows as a number and never evaluates: `-12.5`, `+3`, `-1e5`. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell's text made safe for a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab or CR gets
 * a leading `'` so that Excel and LibreOffice show it instead of evaluating it; numbers pass as
 * they are.
 */
export function neutraliseCell(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** A value as a cell's text: '' for NULL, JSON for objects and arrays. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
