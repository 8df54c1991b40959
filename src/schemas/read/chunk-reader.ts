import { AppError } from '../../core/errors.ts';
import type { ByteSource } from './types.ts';

/** Size of the slices a whole-buffer source is cut into, so it streams like a file. */
const SLICE_BYTES = 64 * 1024;

/** Pulls byte chunks from a ByteSource, lets the opener peek at the head, and counts bytes consumed. */
export class ChunkReader {
  private readonly iterator: AsyncIterator<Uint8Array> | null;
  private readonly whole: Uint8Array | null;
  private offset = 0;
  private readonly queued: Uint8Array[] = [];
  private consumed = 0;
  private ended = false;

  constructor(source: ByteSource) {
    if (source instanceof Uint8Array) {
      this.whole = source;
      this.iterator = null;
    } else {
      this.whole = null;
      this.iterator = source[Symbol.asyncIterator]();
    }
  }

  /** Bytes handed out by `next` so far. */
  bytesRead(): number {
    return this.consumed;
  }

  /** The next chunk, or null at the end of the source. */
  async next(): Promise<Uint8Array | null> {
    const chunk = this.queued.shift() ?? (await this.pull());
    if (chunk) this.consumed += chunk.length;
    return chunk;
  }

  /** The first `n` bytes (fewer if the source is shorter) without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    let have = this.queued.reduce((sum, c) => sum + c.length, 0);
    while (have < n) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.queued.push(chunk);
      have += chunk.length;
    }
    const head = new Uint8Array(Math.min(have, n));
    let at = 0;
    for (const chunk of this.queued) {
      if (at >= head.length) break;
      const part = chunk.subarray(0, head.length - at);
      head.set(part, at);
      at += part.length;
    }
    return head;
  }

  /** Stops the source early (closes a file stream the consumer abandoned). */
  async close(): Promise<void> {
    this.ended = true;
    await this.iterator?.return?.();
  }

  private async pull(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    if (this.whole) {
      if (this.offset >= this.whole.length) return this.finish();
      const chunk = this.whole.subarray(this.offset, this.offset + SLICE_BYTES);
      this.offset += chunk.length;
      return chunk;
    }
    if (!this.iterator) return this.finish();
    for (;;) {
      const result = await this.iterator.next();
      if (result.done) return this.finish();
      const chunk: unknown = result.value;
      if (!(chunk instanceof Uint8Array)) {
        throw new AppError(
          'internal',
          'openTable takes bytes: the source yielded a non-Uint8Array chunk',
          {
            details: { got: typeof chunk },
          },
        );
      }
      if (chunk.length > 0) return chunk;
    }
  }

  private finish(): null {
    this.ended = true;
    return null;
  }
}
