import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type { Platform } from '../../platform/index.ts';
import { fixTable, openTable, type ValidationReport, validateTable } from '../../schemas/index.ts';
import type { StoredFileDict } from './staff-results.ts';

/** Reports kept in memory, by file content and name: a page view must not revalidate a file. */
const CACHE_SIZE = 16;
const cache = new Map<string, Promise<ValidationReport>>();

function openStored(platform: Platform, file: StoredFileDict) {
  // A file read stream without an encoding yields Buffers, which are Uint8Arrays.
  const stream = platform.files.open(file.sha256) as Readable;
  return { stream, opened: openTable(stream, { fileName: file.file_name }) };
}

/**
 * The validation report of a stored file, as the ingest computed it (same validator, same
 * options), with every issue located (row, column, message, suggested fix). The caller has
 * already been allowed to read the file (`s5_resource_file_show` as the user). Validation
 * streams the file; the newest reports are kept, keyed by content.
 */
export function reportOfStoredFile(
  platform: Platform,
  file: StoredFileDict,
): Promise<ValidationReport> {
  const key = `${file.sha256}\u0000${file.file_name}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const { stream, opened } = openStored(platform, file);
  const report = opened.then((table) => validateTable(table)).finally(() => stream.destroy());
  cache.set(key, report);
  report.catch(() => cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(old);
  }
  return report;
}

/**
 * The stored file with the validator's certain fixes applied, as UTF-8 CSV, streamed while it
 * is written (the ingest's `fixTable` with the schema the report recognised). Stops reading
 * when the client goes away.
 */
export function fixedCsv(
  platform: Platform,
  file: StoredFileDict,
  schemaId: string | undefined,
): Readable {
  const out = new PassThrough();
  const { stream, opened } = openStored(platform, file);
  const gone = new Promise<void>((resolve) => out.once('close', resolve));
  const write = async (text: string) => {
    if (out.destroyed) throw new Error('client went away');
    if (!out.write(text)) await Promise.race([new Promise((r) => out.once('drain', r)), gone]);
  };
  void (async () => {
    try {
      await fixTable(await opened, write, schemaId ? { schemaId } : {});
      out.end();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      stream.destroy();
    }
  })();
  return out;
}
