import type { MiddlewareHandler } from 'hono';
import { RateLimiter } from '../core/rate-limiter.ts';
import { clientAddress } from './client-address.ts';

/**
 * Limits API requests per client address per minute (`S5_API_RATE_LIMIT`; 0 = off). Past the
 * limit: 429 with `Retry-After`, in CKAN's envelope shape so clients can show the message.
 */
export function apiRateLimit(perMinute: number, now?: () => number): MiddlewareHandler {
  if (perMinute <= 0) return async (_c, next) => next();
  const limiter = new RateLimiter(perMinute, 60_000, now);
  return async (c, next) => {
    const { allowed, retryAfterSeconds } = limiter.take(clientAddress(c));
    if (allowed) return next();
    return c.json(
      {
        success: false,
        error: {
          __type: 'Rate Limit Error',
          message: `リクエストが多すぎます。${retryAfterSeconds}秒後に再試行してください / Too many requests: retry after ${retryAfterSeconds} s (limit ${perMinute} per minute)`,
        },
      },
      429,
      { 'Retry-After': String(retryAfterSeconds) },
    );
  };
}
