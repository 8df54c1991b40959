import { Readable } from 'node:stream';
import busboy from 'busboy';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import type { FileStore } from '../files/index.ts';
import { safeFileName, Upload } from '../files/index.ts';
import { RequestDataError } from './read-request.ts';

/** Text fields of an upload form (name, description, format…) are small; CKAN's are too. */
const FIELD_LIMIT = 1_048_576;

/**
 * Reads a multipart/form-data action request (CKAN's resource upload) as it arrives: text fields
 * become input keys; each file streams straight into the file store (never whole in memory) and
 * becomes an `Upload`.
 * @throws RequestDataError 413 when the declared request is larger than the upload limit or a
 *   text field is too large, 400 for a malformed form.
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
  const body = c.req.raw.body;
  if (!body) return {};
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      // Browsers send UTF-8 file names (施設一覧.csv) without an RFC 5987 charset.
      defParamCharset: 'utf8',
      limits: { fieldSize: FIELD_LIMIT, fields: 1000, files: 10, parts: 1010 },
    });
  } catch (error) {
    throw new RequestDataError(`multipart form: ${(error as Error).message}`);
  }
  // The global ReadableStream type and node:stream/web's are the same object at run time.
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  const values = new Map<string, unknown[]>();
  const add = (key: string, value: unknown) => {
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
  };
  const stored: Promise<void>[] = [];
  let failure: unknown = null;
  const { promise: done, resolve: stop } = Promise.withResolvers<void>();
  // The first failure wins. Reading stops at once rather than swallowing the rest of a large
  // body; the body is left unread, not cancelled (the server drains or closes the connection).
  const fail = (error: unknown) => {
    failure ??= error;
    source.unpipe(parser);
    parser.destroy();
    stop();
  };
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) fail(new RequestDataError(`form field ${name} is too large`, 413));
    else add(name, value);
  });
  parser.on('file', (name, stream, info) => {
    stored.push(
      files
        .put(stream, maxBytes)
        .then(
          (file) => add(name, new Upload(file, safeFileName(info.filename ?? ''), info.mimeType)),
          fail,
        ),
    );
  });
  for (const limit of ['fieldsLimit', 'filesLimit', 'partsLimit'] as const) {
    parser.on(limit, () => fail(new RequestDataError('too many parts in the form', 413)));
  }
  const malformed = (error: Error) =>
    fail(new RequestDataError(`multipart form: ${error.message}`));
  parser.on('error', malformed);
  source.on('error', malformed);
  parser.on('close', stop);
  source.pipe(parser);
  await done;
  await Promise.allSettled(stored);
  if (failure) throw failure;
  const out: Record<string, unknown> = {};
  for (const [key, list] of values) out[key] = list.length === 1 ? list[0] : list;
  return out;
}
