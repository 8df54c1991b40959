/** Time comes in through a clock so that tests and domain functions never read the wall clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

/**
 * CKAN's wire timestamp: ISO 8601 in UTC without a zone designator and with microseconds,
 * e.g. `2026-11-25T03:41:18.123000` (CKAN stores naive UTC datetimes).
 */
export function toCkanTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}
