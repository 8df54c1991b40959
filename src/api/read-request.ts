import type { Context } from 'hono';

/** Why a request body could not become action input; the route answers 400 or 413 with it. */
export class RequestDataError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

/**
 * Reads action input the way CKAN's `_get_request_data` does: GET query parameters (a key
 * given twice becomes a list), a JSON object body, or form fields.
 * @throws RequestDataError for a body that is too large, not JSON, or not an object.
 */
export async function readActionInput(
  c: Context,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const out: Record<string, unknown> = {};
    const url = new URL(c.req.url);
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      out[key] = values.length === 1 ? values[0] : values;
    }
    return out;
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes)
    throw new RequestDataError(`request body is larger than ${maxBytes} bytes`, 413);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > maxBytes)
    throw new RequestDataError(`request body is larger than ${maxBytes} bytes`, 413);
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const text = new TextDecoder('utf-8').decode(bytes);
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    const params = new URLSearchParams(text);
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      out[key] = values.length === 1 ? values[0] : values;
    }
    return out;
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RequestDataError(`JSON Error: Error decoding JSON data. ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RequestDataError(
      'JSON Error: Request data JSON decoded to a non-object but it needs to be a dictionary.',
    );
  }
  return parsed as Record<string, unknown>; // checked to be a plain object just above
}
