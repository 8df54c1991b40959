/**
 * Byte-level UTF-8 helpers for the slow path: only chunks that fail strict decoding are scanned
 * here, so invalid sequences can be replaced and located exactly.
 */

/** Bytes a valid sequence starting with `lead` needs after it, and the bounds of its second byte. */
function sequenceShape(lead: number): { need: number; lower: number; upper: number } | null {
  // WHATWG Encoding §4.1 (UTF-8 decoder): E0, ED, F0 and F4 narrow the range of the second byte.
  if (lead >= 0xc2 && lead <= 0xdf) return { need: 1, lower: 0x80, upper: 0xbf };
  if (lead >= 0xe0 && lead <= 0xef) {
    return { need: 2, lower: lead === 0xe0 ? 0xa0 : 0x80, upper: lead === 0xed ? 0x9f : 0xbf };
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return { need: 3, lower: lead === 0xf0 ? 0x90 : 0x80, upper: lead === 0xf4 ? 0x8f : 0xbf };
  }
  return null;
}

/**
 * Length of the valid UTF-8 sequence at `at` (1 for ASCII), or the negated length of the maximal
 * invalid subpart there (WHATWG: one U+FFFD per subpart; the byte that broke it is not consumed).
 */
export function sequenceAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  const shape = sequenceShape(lead);
  if (!shape) return -1;
  let { lower, upper } = shape;
  let j = at + 1;
  for (let seen = 0; seen < shape.need; seen++, j++) {
    const c = bytes[j];
    if (c === undefined || c < lower || c > upper) return -(j - at);
    lower = 0x80;
    upper = 0xbf;
  }
  return j - at;
}

/** Length of a valid but unfinished sequence at the very end of `bytes` (0 when it ends cleanly). */
export function incompleteTailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const shape = sequenceShape(b);
    if (!shape || shape.need < k) return 0;
    // Only hold back bytes that could still become a valid character.
    return -sequenceAt(bytes, n - k) === k ? k : 0;
  }
  return 0;
}

/** Index of the first byte >= 0x80 from `from`, or -1. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes UTF-8 that failed strict decoding: one U+FFFD per maximal invalid subpart, and the
 * UTF-16 offsets in the result where each replacement was put.
 */
export function decodeUtf8Lenient(bytes: Uint8Array): { text: string; invalidAt: number[] } {
  const parts: string[] = [];
  const invalidAt: number[] = [];
  let length = 0;
  let segment = 0;
  let i = 0;
  while (i < bytes.length) {
    const step = sequenceAt(bytes, i);
    if (step > 0) {
      i += step;
      continue;
    }
    const valid = lenientDecoder.decode(bytes.subarray(segment, i));
    parts.push(valid, '\uFFFD');
    length += valid.length;
    invalidAt.push(length);
    length += 1;
    i += -step;
    segment = i;
  }
  parts.push(lenientDecoder.decode(bytes.subarray(segment)));
  return { text: parts.join(''), invalidAt };
}
