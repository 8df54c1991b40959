import { classifyAddress, safeFetch } from '../../net/index.ts';
import { badData, ngsiError } from '../errors.ts';

/** Limits of fetching user @context documents. */
export interface FetchLimits {
  /** Hosts (`host` or `host:port`, lower case) contexts may come from; nothing else is fetched. */
  allowedHosts: readonly string[];
  timeoutMs: number;
  maxBytes: number;
}

/** Fetches one @context document; injectable so tests run without a network. */
export type ContextFetcher = (url: string) => Promise<unknown>;

/**
 * Whether a context URL may be fetched: http(s) only, and its host (with or without the port)
 * must be on the allow-list. Loopback and private addresses are refused unless listed, because
 * only listed hosts are ever contacted (no SSRF through Link headers or @context members).
 */
export function isAllowedContextUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const hostPort = parsed.port ? `${host}:${parsed.port}` : host;
  return allowedHosts.includes(host) || allowedHosts.includes(hostPort);
}

/**
 * The default fetcher: safeFetch (src/net) with a timeout, no redirects, a size limit; JSON
 * with an `@context` member required.
 * @throws AppError LdContextNotAvailable when the URL is not allowed or cannot be retrieved;
 *   BadRequestData when the document is not a JSON object with an `@context` member.
 */
export function httpContextFetcher(limits: FetchLimits): ContextFetcher {
  return async (url) => {
    if (!isAllowedContextUrl(url, limits.allowedHosts)) {
      throw ngsiError(
        'LdContextNotAvailable',
        `The @context ${url} cannot be retrieved: its host is not in S5_NGSI_CONTEXT_HOSTS`,
      );
    }
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    let text: string;
    try {
      const response = await safeFetch(url, {
        // A listed IP literal or localhost was allowed on purpose; a listed name must still
        // resolve to public addresses (no DNS rebinding onto the internal network).
        allowPrivate: host === 'localhost' || classifyAddress(host) !== 'invalid',
        timeoutMs: limits.timeoutMs,
        maxBytes: limits.maxBytes,
        // A redirect could leave the allow-list: none are followed.
        maxRedirects: 0,
        headers: { accept: 'application/ld+json, application/json;q=0.9' },
      });
      if (response.status < 200 || response.status > 299) {
        response.body.resume();
        throw new Error(`HTTP ${response.status}`);
      }
      text = await response.text();
    } catch (error) {
      throw ngsiError(
        'LdContextNotAvailable',
        `The @context ${url} cannot be retrieved (${error instanceof Error ? error.message : String(error)})`,
        error,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badData(`The @context ${url} is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || !('@context' in parsed)) {
      throw badData(`The document at ${url} has no @context member`);
    }
    return parsed;
  };
}
