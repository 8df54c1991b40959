import { normalizeHeaderName } from '../values/index.ts';

// `1_名称`, `1.名称`, `１．名称`, `(1)名称`, `名称(1)` — numbered headers seen in 王寺町 files
// (standard-datasets.md §4.3). A `-` separator is not stripped: `0-4歳の男性` is a real item name.
const NUMBER_PREFIX = /^(?:\(\d{1,3}\)|\d{1,3}[._:、)])/;
const NUMBER_SUFFIX = /\(\d{1,3}\)$/;

/** Normalised header name with a leading/trailing item number removed, or null when none was. */
export function stripNumbering(normalized: string): string | null {
  const stripped = normalized.replace(NUMBER_PREFIX, '').replace(NUMBER_SUFFIX, '');
  return stripped !== normalized && stripped.length > 0 ? stripped : null;
}

const normalized = new Map<string, string>();

/** The header-matching normal form (NFKC, no spaces, dashes unified, ASCII lower case); memoised. */
export function normalizeName(name: string): string {
  let form = normalized.get(name);
  if (form === undefined) {
    form = normalizeHeaderName(name);
    // Item names and headers are few; the bound only guards against pathological input.
    if (normalized.size < 50_000) normalized.set(name, form);
  }
  return form;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, so `iamge` is one
 * edit from `image`), or `limit + 1` as soon as it is known to exceed `limit`. Compares UTF-16
 * code units: header names are BMP text.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Uint16Array(width);
  let previous = new Uint16Array(width);
  let current = new Uint16Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}

/** Memoised `editDistance` for one recognition run: item names repeat across schemas. */
export class DistanceMemo {
  readonly #memo = new Map<string, Map<string, number>>();

  distance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let row = this.#memo.get(a);
    if (!row) {
      row = new Map();
      this.#memo.set(a, row);
    }
    let d = row.get(b);
    if (d === undefined) {
      d = editDistance(a, b, limit);
      row.set(b, d);
    }
    return d;
  }
}

/** A name's characters as a 32-bit set (each character hashed to one of 32 buckets). */
export function charSignature(name: string): number {
  let signature = 0;
  for (let i = 0; i < name.length; i++)
    signature |= 1 << (Math.imul(name.charCodeAt(i), 0x9e3779b1) >>> 27);
  return signature;
}

/**
 * A lower bound of `editDistance` from two `charSignature`s, for skipping hopeless pairs: a bucket
 * one name has and the other lacks costs at least one edit, and one edit adds or removes at most
 * one character (a transposition neither).
 */
export function editLowerBound(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many edits a name of this length may carry and still count as a misspelling. */
export function misspellingLimit(normalized: string): number {
  const length = normalized.length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}
