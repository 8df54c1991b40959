import type { Context } from 'hono';
import type { Actor } from '../core/action.ts';
import { notAuthorized } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Platform } from '../platform/index.ts';
import { actorForToken } from '../catalog/index.ts';
import { clientAddress } from './client-address.ts';
import { errorEnvelope, successEnvelope } from './envelope.ts';
import { readMultipartInput } from './read-multipart.ts';
import { RequestDataError, readActionInput } from './read-request.ts';

const JSON_TYPE = 'application/json;charset=utf-8';

/**
 * `/api/3/action/{name}`: authenticate → read input → registry.call → envelope.
 * No business rules here.
 */
export function actionHandler(platform: Platform) {
  return async (c: Context) => {
    const name = c.req.param('name') ?? '';
    const requestId = newId();
    c.header('X-Request-Id', requestId);
    const log = platform.log.child({ requestId, action: name });
    const help = `${platform.site.siteUrl}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
    const action = platform.registry.get(name);
    // CKAN answers transport problems with a bare JSON string, not an envelope.
    const bare = (message: string, status: 400 | 413) =>
      c.body(JSON.stringify(`Bad request: ${message}`), status, { 'Content-Type': JSON_TYPE });
    if (!action) return bare(`Action name not known: ${name}`, 400);
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !action.readOnly) {
      return bare('JSON Error: Invalid request. Please use POST method for your request', 400);
    }
    let envelope: ReturnType<typeof successEnvelope>;
    try {
      // Authenticate before reading a body, so anonymous callers cannot fill the file store.
      const actor = await authenticate(platform, c);
      let input: Record<string, unknown>;
      try {
        input = isMultipart(c)
          ? await readMultipart(platform, c, actor, action.readOnly)
          : await readActionInput(c, platform.config.maxBodyBytes);
      } catch (error) {
        if (error instanceof RequestDataError) return bare(error.message, error.status);
        throw error;
      }
      const result = await platform.registry.call(
        name,
        platform.context(actor, log, clientAddress(c)),
        input,
      );
      envelope = successEnvelope(help, result);
    } catch (error) {
      envelope = errorEnvelope(error, help, log, requestId);
    }
    return c.body(JSON.stringify(envelope.body), envelope.status as 200, {
      'Content-Type': JSON_TYPE,
    });
  };
}

function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

async function readMultipart(
  platform: Platform,
  c: Context,
  actor: Actor | undefined,
  readOnly: boolean,
) {
  if (readOnly || actor === undefined)
    throw notAuthorized('File uploads need an API token and a write action');
  return readMultipartInput(c, platform.files, platform.config.maxUploadBytes);
}

async function authenticate(platform: Platform, c: Context): Promise<Actor | undefined> {
  const raw = c.req.header('authorization') ?? c.req.header('x-ckan-api-key');
  if (!raw) return undefined;
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  const actor = token ? await actorForToken(platform.db, token) : null;
  if (!actor) throw notAuthorized('the API token is not valid');
  return actor;
}
