import type { Context } from 'hono';
import type { Actor } from '../core/action.ts';
import { notAuthorized } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Platform } from '../platform/index.ts';
import { actorForToken } from '../catalog/index.ts';
import { errorEnvelope, successEnvelope } from './envelope.ts';
import { RequestDataError, readActionInput } from './read-request.ts';

const JSON_TYPE = 'application/json;charset=utf-8';

/**
 * `/api/3/action/{name}`: parse → authenticate → registry.call → envelope. No business rules here.
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
    if (!action)
      return c.body(JSON.stringify(`Bad request: Action name not known: ${name}`), 400, {
        'Content-Type': JSON_TYPE,
      });
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !action.readOnly) {
      return c.body(
        JSON.stringify(
          'Bad request: JSON Error: Invalid request. Please use POST method for your request',
        ),
        400,
        {
          'Content-Type': JSON_TYPE,
        },
      );
    }
    let input: Record<string, unknown>;
    try {
      input = await readActionInput(c, platform.config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof RequestDataError)) throw error;
      return c.body(JSON.stringify(`Bad request: ${error.message}`), error.status, {
        'Content-Type': JSON_TYPE,
      });
    }
    let envelope: ReturnType<typeof successEnvelope>;
    try {
      const actor = await authenticate(platform, c);
      const result = await platform.registry.call(name, platform.context(actor, log), input);
      envelope = successEnvelope(help, result);
    } catch (error) {
      envelope = errorEnvelope(error, help, log, requestId);
    }
    return c.body(JSON.stringify(envelope.body), envelope.status as 200, {
      'Content-Type': JSON_TYPE,
    });
  };
}

async function authenticate(platform: Platform, c: Context): Promise<Actor | undefined> {
  const raw = c.req.header('authorization') ?? c.req.header('x-ckan-api-key');
  if (!raw) return undefined;
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  const actor = token ? await actorForToken(platform.db, token) : null;
  if (!actor) throw notAuthorized('the API token is not valid');
  return actor;
}
