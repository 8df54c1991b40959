import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, isAppError } from '../../core/errors.ts';
import { safeFetch } from '../../net/index.ts';
import { errorEnvelope } from './ckan-schema.ts';

/** How the harvester talks to a remote portal. */
export interface RemoteSettings {
  allowPrivate: boolean;
  /** Per request (all redirects and the body). */
  timeoutMs: number;
  /** Largest response accepted. */
  maxBytes: number;
  /** Further attempts after a timeout, a lost connection, a 5xx or a 429. */
  retries: number;
  /** Wait before the first retry; doubled for each further one. */
  backoffMs: number;
}

/** Requests made so far, for the job report. */
export interface RemoteStats {
  requests: number;
  retries: number;
}

/** A CKAN answer that is JSON: the HTTP status and the parsed body. */
export interface RemoteAnswer {
  status: number;
  body: unknown;
}

// safeFetch reasons worth another attempt: the remote may answer next time.
const RETRY_REASONS = new Set(['timeout', 'connect', 'dns']);

/** A remote failure: bad_request with a bilingual message and the URL asked. */
export function remoteError(
  ja: string,
  en: string,
  url: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError('bad_request', `${ja} / ${en}`, {
    details: { ...extra, kind: 'remote', url },
  });
}

/**
 * The CKAN Action API of a remote portal, read anonymously (so private datasets never come)
 * through `safeFetch`, with bounded retries and backoff for transient failures.
 */
export class RemoteCkan {
  readonly apiBase: string;
  readonly stats: RemoteStats = { requests: 0, retries: 0 };
  readonly #settings: RemoteSettings;

  constructor(baseUrl: string, settings: RemoteSettings) {
    this.apiBase = `${baseUrl.replace(/\/+$/, '')}/api/3/action/`;
    this.#settings = settings;
  }

  /**
   * Calls an action with GET parameters and returns its `result`.
   * @throws AppError bad_request naming the failure: unreachable, timeout, HTTP error after the
   *   retries, HTML or malformed JSON, too large, or a CKAN error envelope.
   */
  async call(name: string, params: Record<string, string>): Promise<unknown> {
    return this.resultOf(name, params, await this.request(name, params));
  }

  /**
   * The `result` of a successful CKAN answer.
   * @throws AppError bad_request describing the error answer.
   */
  resultOf(name: string, params: Record<string, string>, answer: RemoteAnswer): unknown {
    const body = answer.body;
    if (answer.status === 200 && isObject(body) && body.success === true && 'result' in body) {
      return body.result;
    }
    throw remoteError(
      `リモートが ${name} にエラーを返しました（HTTP ${answer.status}${describeError(body)}）`,
      `The remote answered ${name} with an error (HTTP ${answer.status}${describeError(body)})`,
      this.urlOf(name, params),
      { status: answer.status },
    );
  }

  /**
   * One action request, retried while the failure is transient; returns any JSON answer,
   * so callers can read a CKAN error envelope (e.g. a 409 naming a parameter).
   * @throws AppError bad_request as `call`.
   */
  async request(name: string, params: Record<string, string>): Promise<RemoteAnswer> {
    const url = this.urlOf(name, params);
    const attempts = 1 + this.#settings.retries;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(url);
      if (outcome.kind === 'answer') return outcome.answer;
      if (attempt >= attempts) throw outcome.error;
      this.stats.retries++;
      await sleep(Math.min(30_000, this.#settings.backoffMs * 2 ** (attempt - 1)));
    }
  }

  /** The URL of an action call (for reports). */
  urlOf(name: string, params: Record<string, string>): string {
    const query = new URLSearchParams(params).toString();
    return `${this.apiBase}${name}${query ? `?${query}` : ''}`;
  }

  async #attempt(
    url: string,
  ): Promise<{ kind: 'answer'; answer: RemoteAnswer } | { kind: 'retry'; error: AppError }> {
    this.stats.requests++;
    let text: string;
    let status: number;
    let contentType: string;
    try {
      const res = await safeFetch(url, {
        allowPrivate: this.#settings.allowPrivate,
        timeoutMs: this.#settings.timeoutMs,
        maxBytes: this.#settings.maxBytes,
        headers: { accept: 'application/json', 'user-agent': 's5-harvest' },
      });
      status = res.status;
      contentType = res.headers['content-type'] ?? '';
      if (status >= 500 || status === 429) {
        res.body.destroy();
        return {
          kind: 'retry',
          error: remoteError(
            `リモートが HTTP ${status} を返しました`,
            `The remote answered HTTP ${status}`,
            url,
            { status },
          ),
        };
      }
      text = await res.text();
    } catch (error) {
      const reason = isAppError(error) ? error.details?.reason : undefined;
      const wrapped = remoteError(
        `リモートを読めませんでした: ${messageOf(error)}`,
        `Could not read the remote: ${messageOf(error)}`,
        url,
        { reason: typeof reason === 'string' ? reason : 'unknown' },
      );
      if (typeof reason === 'string' && RETRY_REASONS.has(reason)) {
        return { kind: 'retry', error: wrapped };
      }
      throw wrapped;
    }
    return { kind: 'answer', answer: { status, body: parseJson(text, contentType, url, status) } };
  }
}

function parseJson(text: string, contentType: string, url: string, status: number): unknown {
  const start = text.trimStart().slice(0, 1);
  if (/html/i.test(contentType) || start === '<') {
    throw remoteError(
      `リモートが JSON ではなく HTML を返しました（HTTP ${status}）。CKAN の API の URL か確かめてください`,
      `The remote returned HTML instead of JSON (HTTP ${status}); check that the URL is a CKAN portal`,
      url,
      { status, reason: 'html' },
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw remoteError(
      `リモートの応答が正しい JSON ではありません（HTTP ${status}、${text.length} 文字）`,
      `The remote's response is malformed JSON (HTTP ${status}, ${text.length} characters)`,
      url,
      { status, reason: 'invalid_json' },
    );
  }
}

function describeError(body: unknown): string {
  const parsed = errorEnvelope.safeParse(body);
  if (!parsed.success) return '';
  const { __type, message, ...fields } = parsed.data.error;
  const parts = [
    typeof __type === 'string' ? __type : '',
    typeof message === 'string' ? message : '',
  ];
  const named = Object.keys(fields);
  if (named.length > 0) parts.push(named.join(', '));
  const text = parts.filter((p) => p !== '').join(': ');
  return text === '' ? '' : `: ${text.slice(0, 300)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
