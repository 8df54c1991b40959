import { toWords } from '../../catalog/index.ts';
import type { StoredValue } from './coerce-value.ts';
import type { FieldDef } from './field-def.ts';

/**
 * The hidden `_full_text` column of a row: a JSON array holding, for each field in column order,
 * its words normalised like the catalog's search (NFKC, lower case, hiragana → katakana).
 * `q` matches a word anywhere in the array; `q: {field: …}` looks in that field's element. Words
 * hold only letters and digits, so the JSON needs no escapes and no query word can match across
 * two fields or two words.
 */
export function fullTextOf(
  fields: readonly Pick<FieldDef, 'type'>[],
  values: readonly StoredValue[],
): string {
  return JSON.stringify(fields.map((f, i) => wordsOf(values[i] ?? null, f.type)));
}

function wordsOf(value: StoredValue, type: FieldDef['type']): string {
  if (value === null) return '';
  // Numbers as numbers (1.50 and 1.5 are one value); a timestamp's date and time as two words.
  let text = String(value);
  if (type === 'numeric' || type === 'float8') text = String(Number(value));
  else if (type === 'timestamp') text = text.replace('T', ' ');
  return toWords(text).join(' ');
}

/** The words a full-text query must all contain (AND), normalised like the rows. */
export function queryWords(q: string): string[] {
  return [...new Set(toWords(q))];
}
