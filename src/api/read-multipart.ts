import type { Context } from 'hono';
import type { FileStore } from '../files/index.ts';
import { safeFileName, Upload } from '../files/index.ts';
import { RequestDataError } from './read-request.ts';

/**
 * Reads a multipart/form-data action request (CKAN's resource upload): text fields become
 * input keys; each file goes into the file store and becomes an `Upload`.
 * @throws RequestDataError 413 when the request is larger than the upload limit.
 * @throws AppError validation (field `upload`) when a file is larger than the limit.
 */
export async function readMultipartInput(
  c: Context,
  files: FileStore,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  // Multipart framing adds a little; the file itself is checked exactly while it is stored.
  if (declared > maxBytes + 64 * 1024) {
    throw new RequestDataError(
      `request body is larger than the upload limit of ${maxBytes} bytes`,
      413,
    );
  }
  const form = await c.req.parseBody({ all: true });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const values = Array.isArray(value) ? value : [value];
    const parsed: unknown[] = [];
    for (const v of values) {
      if (typeof v === 'string') {
        parsed.push(v);
        continue;
      }
      const stored = await files.put(v.stream(), maxBytes);
      parsed.push(new Upload(stored, safeFileName(v.name), v.type.split(';')[0]?.trim() ?? ''));
    }
    out[key] = parsed.length === 1 ? parsed[0] : parsed;
  }
  return out;
}
