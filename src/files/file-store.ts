import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/errors.ts';

/** A file kept by content: its SHA-256 is its name, so the same bytes are stored once. */
export interface StoredFile {
  sha256: string;
  size: number;
}

export interface FileStore {
  /**
   * Streams bytes into the store, refusing more than `maxBytes`.
   * @throws AppError validation (field `upload`) past the limit; nothing is kept.
   */
  put(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredFile>;
  /** @throws AppError not_found when no such file is stored. */
  open(sha256: string): NodeJS.ReadableStream;
  has(sha256: string): boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Content-addressed files under `dir` (`<dir>/ab/cd/<sha256>`), written atomically via a temp file. */
export function createFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(source, maxBytes) {
      const tmpDir = path.join(dir, 'tmp');
      mkdirSync(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      const hash = createHash('sha256');
      let size = 0;
      try {
        await pipeline(
          (async function* () {
            for await (const chunk of source) {
              size += chunk.byteLength;
              if (size > maxBytes) {
                // CKAN's uploader answers this with a ValidationError on the `upload` field.
                throw new AppError('validation', 'File upload too large', {
                  fields: {
                    upload: [`File upload too large: the limit is ${formatBytes(maxBytes)}`],
                  },
                });
              }
              hash.update(chunk);
              yield chunk;
            }
          })(),
          createWriteStream(tmp),
        );
        const sha256 = hash.digest('hex');
        const final = pathOf(sha256);
        mkdirSync(path.dirname(final), { recursive: true });
        renameSync(tmp, final);
        return { sha256, size };
      } finally {
        rmSync(tmp, { force: true });
      }
    },
    open(sha256) {
      if (!SHA256.test(sha256) || !existsSync(pathOf(sha256)))
        throw new AppError('not_found', 'File not found');
      return createReadStream(pathOf(sha256));
    },
    has(sha256) {
      return SHA256.test(sha256) && existsSync(pathOf(sha256)) && statSync(pathOf(sha256)).isFile();
    },
  };
}

function formatBytes(n: number): string {
  return n >= 1_048_576 ? `${Math.round(n / 1_048_576)} MB` : `${Math.round(n / 1024)} KB`;
}
