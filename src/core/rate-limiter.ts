/**
 * A fixed-window counter per key (client address, or address + user name for logins): at most
 * `limit` hits per window. In memory: limits protect one process; behind several processes each
 * counts its own share, which a reverse proxy's limit should complement.
 */
export class RateLimiter {
  readonly #counts = new Map<string, number>();
  #windowStart = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit; says whether it is allowed and, if not, after how many seconds to retry. */
  take(key: string): { allowed: boolean; retryAfterSeconds: number } {
    const now = this.now();
    if (now - this.#windowStart >= this.windowMs) {
      // A new window forgets every key, so the map never grows beyond one window's clients.
      this.#counts.clear();
      this.#windowStart = now;
    }
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((this.#windowStart + this.windowMs - now) / 1000),
    );
    return { allowed: count <= this.limit, retryAfterSeconds };
  }

  /** Forgets a key's hits (e.g. after a successful login). */
  reset(key: string): void {
    this.#counts.delete(key);
  }
}
