import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { isAppError } from '../core/errors.ts';
import { fetchError, checkFetchUrl, refuseUnlessPublic } from './check-url.ts';
import { type AddressClass, classifyAddress } from './classify-address.ts';

export interface SafeFetchOptions {
  /** Loopback and private networks may be reached (tests, closed networks). */
  allowPrivate: boolean;
  /** For the whole request: every redirect hop and reading the body. */
  timeoutMs: number;
  /** Largest body accepted; a larger Content-Length is refused before reading. */
  maxBytes: number;
  /** Default 5. */
  maxRedirects?: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'HEAD';
}

export interface SafeResponse {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body; errors with AppError bad_request past `maxBytes` or the timeout. */
  body: Readable;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

interface Target {
  address: string;
  family: 4 | 6;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Headers that must not follow a redirect to another origin (they carry the caller's identity).
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'x-ckan-api-key']);

/**
 * Fetches an http(s) URL on behalf of the server without letting the URL reach this machine or
 * its network (SSRF): the host is resolved here, every address must be public unless
 * `allowPrivate`, the connection goes to the checked address (so DNS rebinding cannot swap it),
 * and each redirect is checked the same way. One timeout covers the whole exchange.
 * @throws AppError bad_request naming the problem (`details.reason`: bad_url, scheme,
 *   credentials, private_address, dns, connect, timeout, too_large, too_many_redirects,
 *   bad_redirect).
 */
export function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeResponse> {
  return fetchWith(url, options, { classify: classifyAddress, resolve: systemResolve });
}

/** How addresses are judged and names resolved; tests substitute both to stage redirects. */
export interface FetchPolicy {
  classify: (address: string) => AddressClass;
  resolve: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

function systemResolve(host: string) {
  return dnsLookup(host, { all: true, verbatim: true });
}

/** safeFetch with an explicit policy (the seam for tests). */
export async function fetchWith(
  url: string,
  options: SafeFetchOptions,
  policy: FetchPolicy,
): Promise<SafeResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  const method = options.method ?? 'GET';
  let current = checkFetchUrl(url, options.allowPrivate, policy.classify);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const timeoutError = () =>
    fetchError(
      'timeout',
      `${options.timeoutMs} ミリ秒以内に取得できませんでした`,
      `The fetch did not finish within ${options.timeoutMs} ms`,
    );
  let headers: Record<string, string> = {
    'user-agent': 's5-fetch',
    'accept-encoding': 'identity',
    ...options.headers,
  };
  try {
    for (let hop = 0; ; hop++) {
      const target = await untilAborted(
        resolveTarget(current, options.allowPrivate, policy),
        controller.signal,
      );
      const res = await send(current, target, method, headers, controller.signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.resume();
        if (hop >= maxRedirects) {
          throw fetchError(
            'too_many_redirects',
            `リダイレクトが ${maxRedirects} 回を超えました`,
            `More than ${maxRedirects} redirects`,
          );
        }
        const next = redirectTarget(location, current, options.allowPrivate, policy.classify);
        if (next.origin !== current.origin) headers = withoutCredentials(headers);
        current = next;
        continue;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        throw tooLarge(options.maxBytes);
      }
      const body =
        method === 'HEAD'
          ? endedStream(res, () => clearTimeout(timer))
          : limitBody(res, options.maxBytes, controller.signal, timeoutError, () =>
              clearTimeout(timer),
            );
      return response(status, current.href, flatHeaders(res), body);
    }
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) throw timeoutError();
    if (isAppError(error)) throw error;
    throw connectError(current, error);
  }
}

/**
 * The address to connect to: the literal IP, or the first DNS answer when every answer may be
 * reached. A name that also resolves to a private address is refused as a whole.
 */
async function resolveTarget(
  url: URL,
  allowPrivate: boolean,
  policy: FetchPolicy,
): Promise<Target> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = policy.classify(host);
  if (literal !== 'invalid') return { address: host, family: host.includes(':') ? 6 : 4 };
  let answers: Array<{ address: string; family: number }>;
  try {
    answers = await policy.resolve(host);
  } catch (error) {
    throw fetchError(
      'dns',
      `ホスト名 ${host} を解決できません`,
      `Cannot resolve the host name ${host}`,
      { code: codeOf(error) },
    );
  }
  if (!allowPrivate) for (const a of answers) refuseUnlessPublic(host, policy.classify(a.address));
  const first = answers[0];
  if (!first) throw fetchError('dns', `${host} のアドレスがありません`, `${host} has no address`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function send(
  url: URL,
  target: Target,
  method: 'GET' | 'HEAD',
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  // Whatever name the socket layer asks about, it gets the address checked above.
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method, headers, lookup, signal, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function redirectTarget(
  location: string,
  from: URL,
  allowPrivate: boolean,
  classify: (address: string) => AddressClass,
): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw fetchError(
      'bad_redirect',
      'リダイレクト先のURLが正しくありません',
      'The redirect location is not a valid URL',
    );
  }
  return checkFetchUrl(next.href, allowPrivate, classify);
}

/** Counts the body as it streams; past `maxBytes` (or at the timeout) it errors and stops. */
function limitBody(
  res: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  timeoutError: () => Error,
  done: () => void,
): Readable {
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.byteLength;
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
  res.on('error', (error) => {
    limiter.destroy(signal.aborted ? timeoutError() : connectError(null, error));
  });
  limiter.on('close', () => {
    done();
    res.destroy();
  });
  res.pipe(limiter);
  return limiter;
}

function endedStream(res: IncomingMessage, done: () => void): Readable {
  res.resume();
  done();
  const empty = new PassThrough();
  empty.end();
  return empty;
}

function response(
  status: number,
  url: string,
  headers: Record<string, string>,
  body: Readable,
): SafeResponse {
  const text = async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return decode(Buffer.concat(chunks), headers['content-type'] ?? '');
  };
  return {
    status,
    url,
    headers,
    body,
    text,
    json: async () => {
      const source = await text();
      try {
        return JSON.parse(source) as unknown;
      } catch {
        throw fetchError('invalid_json', '応答がJSONではありません', 'The response is not JSON');
      }
    },
  };
}

function decode(bytes: Buffer, contentType: string): string {
  const charset = /charset="?([^";\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: read as UTF-8 rather than fail.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (!CREDENTIAL_HEADERS.has(k.toLowerCase())) out[k] = v;
  return out;
}

function tooLarge(maxBytes: number): Error {
  return fetchError(
    'too_large',
    `取得するファイルが上限 ${maxBytes} バイトを超えています`,
    `The response is larger than the limit of ${maxBytes} bytes`,
    { limit: maxBytes },
  );
}

function connectError(url: URL | null, error: unknown): Error {
  const where = url ? url.host : 'the server';
  return fetchError(
    'connect',
    `${where} から取得できませんでした（${codeOf(error)}）`,
    `Could not fetch from ${where} (${codeOf(error)})`,
    { code: codeOf(error) },
  );
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return error instanceof Error ? error.message : String(error);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
