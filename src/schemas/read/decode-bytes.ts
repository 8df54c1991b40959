import { decoderLabel } from './detect-encoding.ts';
import { decodeUtf8Lenient, firstNonAscii, incompleteTailLength, sequenceAt } from './scan-utf8.ts';
import type { DetectedEncoding } from './types.ts';

/** Text decoded from one chunk of bytes, with the places the bytes were not what was expected. */
export interface DecodedText {
  text: string;
  /** UTF-16 offsets in `text` of U+FFFD characters that replaced invalid UTF-8. */
  invalidAt: number[];
  /** Set when this chunk revised the encoding from UTF-8 to Shift_JIS: offset of the first such byte. */
  switchedAt: number | null;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Decodes a byte stream chunk by chunk so a character split across chunks is never corrupted
 * (papaparse on raw chunks did corrupt them: STACK.md "CSV"). UTF-8 is decoded strictly; invalid
 * sequences become U+FFFD and are reported by offset instead of failing the file.
 */
export class ByteDecoder {
  /** The encoding in use; may turn from `utf-8` to `shift_jis` (see `decode`). */
  encoding: DetectedEncoding;
  private bomToSkip: number;
  private pending: Uint8Array | null = null;
  private asciiSoFar = true;
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private streaming: InstanceType<typeof TextDecoder> | null;

  constructor(encoding: DetectedEncoding, bomLength: number) {
    this.encoding = encoding;
    this.bomToSkip = bomLength;
    this.streaming = this.isUtf8() ? null : this.makeStreaming(encoding);
  }

  /** Decodes one chunk; bytes of an unfinished character are held until the next chunk. */
  decode(chunk: Uint8Array): DecodedText {
    let bytes = chunk;
    if (this.bomToSkip > 0) {
      const skip = Math.min(this.bomToSkip, bytes.length);
      this.bomToSkip -= skip;
      bytes = bytes.subarray(skip);
    }
    if (this.streaming) return plain(this.streaming.decode(bytes, { stream: true }));
    if (this.pending) {
      bytes = concatBytes(this.pending, bytes);
      this.pending = null;
    }
    const tail = incompleteTailLength(bytes);
    const body = tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes;
    if (tail > 0) this.pending = bytes.slice(bytes.length - tail);
    try {
      const text = this.strict.decode(body);
      // Every non-ASCII character takes more bytes than UTF-16 units, so equal lengths mean ASCII.
      if (text.length !== body.length) this.asciiSoFar = false;
      return plain(text);
    } catch {
      return this.decodeInvalid(bytes, body);
    }
  }

  /** Decodes what is left at the end of the stream. */
  flush(): DecodedText {
    if (this.streaming) return plain(this.streaming.decode());
    if (!this.pending) return plain('');
    const rest = this.pending;
    this.pending = null;
    const { text, invalidAt } = decodeUtf8Lenient(rest);
    return { text, invalidAt, switchedAt: null };
  }

  private decodeInvalid(bytes: Uint8Array, body: Uint8Array): DecodedText {
    const first = firstNonAscii(body);
    if (this.encoding === 'utf-8' && this.asciiSoFar && first >= 0 && sequenceAt(body, first) < 0) {
      // The 64 KiB sniff saw only ASCII and the first non-ASCII byte is not UTF-8: the file is
      // CP932 after all. Everything before was ASCII, which decodes the same in both, so switch.
      this.encoding = 'shift_jis';
      this.pending = null;
      this.streaming = this.makeStreaming('shift_jis');
      return {
        text: this.streaming.decode(bytes, { stream: true }),
        invalidAt: [],
        switchedAt: first,
      };
    }
    this.asciiSoFar = false;
    const { text, invalidAt } = decodeUtf8Lenient(body);
    return { text, invalidAt, switchedAt: null };
  }

  private isUtf8(): boolean {
    return this.encoding === 'utf-8' || this.encoding === 'utf-8-bom';
  }

  private makeStreaming(encoding: DetectedEncoding): InstanceType<typeof TextDecoder> {
    // ignoreBOM: the BOM was already skipped; a later U+FEFF is content and must stay visible.
    return new TextDecoder(decoderLabel(encoding), { ignoreBOM: true });
  }
}

function plain(text: string): DecodedText {
  return { text, invalidAt: [], switchedAt: null };
}
