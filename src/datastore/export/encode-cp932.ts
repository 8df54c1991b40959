import iconv from 'iconv-lite';

/**
 * Unicode code points whose CP932 form is another code point (JIS X 0208 → Unicode mappings
 * differ between Shift_JIS and CP932): mapping them first keeps 〜 and − from being lost.
 */
const CP932_EQUIVALENTS: Readonly<Record<string, string>> = {
  '\u301c': '\uff5e', // WAVE DASH → FULLWIDTH TILDE
  '\u2212': '\uff0d', // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
  '\u2016': '\u2225', // DOUBLE VERTICAL LINE → PARALLEL TO
  '\u2014': '\u2015', // EM DASH → HORIZONTAL BAR
  '\u00a2': '\uffe0',
  '\u00a3': '\uffe1',
  '\u00ac': '\uffe2',
};

/** 〓 (ゲタ): the customary mark of a character a Japanese encoding lacks; it is in CP932. */
export const CP932_REPLACEMENT = '〓';

/** A character CP932 lacks: where it was and what it was. */
export interface Unmappable {
  /** The row's `_id`. */
  readonly row: number;
  readonly column: string;
  readonly char: string;
}

/**
 * Text → CP932 for one cell at a time, replacing characters CP932 lacks (𠮷, emoji, ㋿…) with 〓
 * and reporting each one (the first `keep` of them; `count` counts all).
 */
export class Cp932CellEncoder {
  readonly found: Unmappable[] = [];
  count = 0;
  readonly #keep: number;

  constructor(keep = 100) {
    this.#keep = keep;
  }

  /** The cell's text with equivalents mapped and unmappable characters replaced (still a JS string). */
  mapCell(text: string, row: number, column: string): string {
    // Fast path: ASCII, and text that survives a round trip, need no per-character check.
    if (/^\p{ASCII}*$/u.test(text)) return text;
    let mapped = '';
    for (const ch of text) mapped += CP932_EQUIVALENTS[ch] ?? ch;
    if (iconv.decode(iconv.encode(mapped, 'cp932'), 'cp932') === mapped) return mapped;
    let out = '';
    for (const ch of mapped) {
      if (iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch) {
        out += ch;
        continue;
      }
      this.count += 1;
      if (this.found.length < this.#keep) this.found.push({ row, column, char: ch });
      out += CP932_REPLACEMENT;
    }
    return out;
  }
}

/** Encodes text already passed through `mapCell` (so every character has a CP932 form). */
export function encodeCp932(text: string): Uint8Array {
  return iconv.encode(text, 'cp932');
}
