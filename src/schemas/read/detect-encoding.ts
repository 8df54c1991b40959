import type { DetectedEncoding } from './types.ts';

/** How much of the file the encoding guess looks at (STACK.md "encodings"). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Detects the encoding from the first bytes: BOM (UTF-8, UTF-16 LE/BE), then strict UTF-8 over up
 * to 64 KiB, else CP932 (Shift_JIS). Pure ASCII counts as UTF-8.
 */
export function detectEncoding(prefix: Uint8Array): {
  encoding: DetectedEncoding;
  bomLength: number;
} {
  const [b0, b1, b2] = prefix;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8-bom', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    // stream: true keeps a multibyte character cut by the end of the prefix from failing the test.
    new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(0, SNIFF_BYTES), {
      stream: true,
    });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'shift_jis', bomLength: 0 };
  }
}

/**
 * Recognises UTF-16 saved without a BOM: text tables are mostly ASCII (digits, commas), so one
 * byte of almost every pair is NUL. Returns the likely byte order, or null.
 */
export function guessBomlessUtf16(prefix: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(prefix.length, 4096) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (prefix[i] === 0) evenNul++;
    if (prefix[i + 1] === 0) oddNul++;
  }
  // At least 8 NULs on one side: a short CSV with a stray NUL or two is not UTF-16.
  const enough = Math.max(8, (n / 2) * 0.25);
  const few = (n / 2) * 0.05;
  if (oddNul >= enough && evenNul < few) return 'utf-16le';
  if (evenNul >= enough && oddNul < few) return 'utf-16be';
  return null;
}

/** The WHATWG label `TextDecoder` takes for a detected encoding. */
export function decoderLabel(encoding: DetectedEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}
