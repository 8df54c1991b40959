import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { actorForToken } from '../catalog/index.ts';
import { notAuthorized } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { safeFileName, Upload } from '../files/index.ts';
import { editableResource } from '../ingest/index.ts';
import type { Platform } from '../platform/index.ts';
import { clientAddress } from './client-address.ts';
import { errorEnvelope, successEnvelope } from './envelope.ts';

const JSON_TYPE = 'application/json;charset=utf-8';

/** Extensions for a body sent without a file name, so the format is still recognised. */
const EXTENSIONS: Record<string, string> = {
  'text/csv': '.csv',
  'text/tab-separated-values': '.tsv',
  'text/plain': '.txt',
  'application/json': '.json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

/**
 * `PUT /api/3/resource/{id}/file`: the request body is the file (any size up to the upload
 * limit, streamed into the file store, never held in memory). Its name comes from `X-File-Name`
 * (percent-encoded UTF-8 allowed) or `?name=`. The file is attached with `resource_patch`, so the
 * answer is the CKAN envelope of the updated resource and a tabular file is queued for ingest.
 */
export function resourceFileHandler(platform: Platform) {
  return async (c: Context) => {
    const requestId = newId();
    c.header('X-Request-Id', requestId);
    const log = platform.log.child({ requestId, action: 'resource_patch' });
    const help = `${platform.site.siteUrl}/api/3/action/help_show?name=resource_patch`;
    const limit = platform.config.maxUploadBytes;
    let envelope: ReturnType<typeof successEnvelope>;
    try {
      const ctx = platform.context(await authenticate(platform, c), log, clientAddress(c));
      // The right to edit is checked before a byte is stored, so no one can fill the file store.
      const resource = await editableResource(ctx, c.req.param('id') ?? '');
      if (Number(c.req.header('content-length') ?? '0') > limit) {
        return c.body(
          JSON.stringify(
            `Bad request: request body is larger than the upload limit of ${limit} bytes`,
          ),
          413,
          { 'Content-Type': JSON_TYPE },
        );
      }
      const body = c.req.raw.body;
      // The global ReadableStream type and node:stream/web's are the same object at run time.
      const source = body
        ? Readable.fromWeb(body as WebReadableStream<Uint8Array>)
        : Readable.from([] as Uint8Array[]);
      const stored = await platform.files.put(source, limit);
      const mimetype =
        (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const upload = new Upload(
        stored,
        fileNameOf(c, mimetype),
        mimetype || 'application/octet-stream',
      );
      const result = await platform.registry.call('resource_patch', ctx, {
        id: resource.id,
        upload,
      });
      envelope = successEnvelope(help, result);
    } catch (error) {
      envelope = errorEnvelope(error, help, log, requestId);
    }
    return c.body(JSON.stringify(envelope.body), envelope.status as 200, {
      'Content-Type': JSON_TYPE,
    });
  };
}

function fileNameOf(c: Context, mimetype: string): string {
  const given = c.req.header('x-file-name') ?? c.req.query('name') ?? '';
  let name = given;
  try {
    // Header values are Latin-1: clients send a Japanese name percent-encoded.
    name = decodeURIComponent(given);
  } catch {
    name = given;
  }
  if (name.trim() === '') name = `file${EXTENSIONS[mimetype] ?? ''}`;
  return safeFileName(name);
}

async function authenticate(platform: Platform, c: Context) {
  const raw = c.req.header('authorization') ?? c.req.header('x-ckan-api-key');
  const token = raw?.replace(/^Bearer\s+/i, '').trim();
  const actor = token ? await actorForToken(platform.db, token) : null;
  if (!actor) throw notAuthorized('File uploads need a valid API token');
  return actor;
}
