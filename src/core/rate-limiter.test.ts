import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from './rate-limiter.ts';

test('a key gets `limit` hits per window, then a retry time within the window', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter(3, 60_000, () => now);
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.take('a').allowed),
    [true, true, true, false],
  );
  assert.equal(limiter.take('b').allowed, true, 'other keys have their own count');
  now += 30_000;
  const refused = limiter.take('a');
  assert.equal(refused.allowed, false);
  assert.equal(refused.retryAfterSeconds, 30);
  now += 30_000;
  assert.equal(limiter.take('a').allowed, true, 'a new window starts afresh');
});

test('reset forgets a key', () => {
  const limiter = new RateLimiter(1, 60_000, () => 0);
  limiter.take('k');
  assert.equal(limiter.take('k').allowed, false);
  limiter.reset('k');
  assert.equal(limiter.take('k').allowed, true);
});
