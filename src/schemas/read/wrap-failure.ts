import { AppError, isAppError } from '../../core/errors.ts';
import type { RawRow } from './types.ts';

/** Turns anything thrown while reading into an AppError (domain code throws nothing else). */
export function toAppError(error: unknown, wrap?: (cause: unknown) => AppError): AppError {
  if (isAppError(error)) return error;
  return wrap
    ? wrap(error)
    : new AppError('internal', 'Reading the table failed.', { cause: error });
}

/** How rows are produced: `fill` appends the next batch and says whether the input is exhausted. */
export interface RowSource {
  fill(out: RawRow[]): Promise<boolean>;
  /** Releases the input when the consumer stops early or reading fails. */
  close(): Promise<void>;
  /** Wraps non-AppError failures; default `internal`. */
  wrap?: (cause: unknown) => AppError;
}

/**
 * A single-use AsyncIterable over rows produced in batches. A hand-written iterator rather than
 * async generators: one resolved promise per row is what a million-row file can afford.
 */
export function batchedRows(first: RawRow[], source: RowSource): AsyncIterable<RawRow> {
  let batch = first;
  let index = 0;
  let done = false;
  const stop = async () => {
    if (done) return;
    done = true;
    await source.close().catch(() => undefined);
  };
  const iterator: AsyncIterator<RawRow> = {
    async next() {
      for (;;) {
        const row = batch[index];
        if (row !== undefined) {
          index++;
          return { done: false, value: row };
        }
        if (done) return { done: true, value: undefined };
        batch = [];
        index = 0;
        try {
          done = await source.fill(batch);
        } catch (error) {
          await stop();
          throw toAppError(error, source.wrap);
        }
      }
    },
    async return() {
      batch = [];
      await stop();
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}
