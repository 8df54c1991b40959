import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDuration, fixedMs, formatDuration, parseDuration } from './duration.ts';

describe('ISO 8601 durations (aggrPeriodDuration)', () => {
  it('reads the forms aggregation queries use', () => {
    assert.equal(fixedMs(parseDuration('PT1H') ?? fail()), 3_600_000);
    assert.equal(fixedMs(parseDuration('P1D') ?? fail()), 86_400_000);
    assert.equal(fixedMs(parseDuration('P2W') ?? fail()), 14 * 86_400_000);
    assert.equal(fixedMs(parseDuration('PT1.5S') ?? fail()), 1500);
    assert.equal(fixedMs(parseDuration('P1DT2H3M4S') ?? fail()), 86_400_000 + 7_384_000);
    assert.equal(fixedMs(parseDuration('P1M') ?? fail()), undefined);
  });

  it('rejects what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '1H', 'PT1X', 'P1H', 'PT-1H', 'P1.5D', 'pt1h', 'P1DT'])
      assert.equal(parseDuration(bad), undefined, bad);
  });

  it('adds calendar months in UTC, clamping to the month end', () => {
    const jan31 = Date.parse('2026-01-31T00:00:00Z');
    const p1m = parseDuration('P1M') ?? fail();
    assert.equal(new Date(addDuration(jan31, p1m)).toISOString(), '2026-02-28T00:00:00.000Z');
    const p1y = parseDuration('P1Y') ?? fail();
    assert.equal(
      new Date(addDuration(Date.parse('2024-02-29T00:00:00Z'), p1y)).toISOString(),
      '2025-02-28T00:00:00.000Z',
    );
  });

  it('round-trips printed durations (property)', () => {
    const parts = fc.record({
      years: fc.nat(20),
      months: fc.nat(30),
      days: fc.nat(400),
      ms: fc.nat(200 * 3_600_000),
    });
    fc.assert(
      fc.property(parts, (d) => {
        const printed = formatDuration(d);
        const back = parseDuration(printed);
        assert.ok(back, printed);
        assert.equal(formatDuration(back), printed);
        assert.equal(addDuration(0, back), addDuration(0, d));
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const d = parseDuration(s);
        if (d) assert.ok(Number.isFinite(d.ms) && d.ms >= 0);
      }),
    );
  });
});

function fail(): never {
  throw new Error('expected a duration');
}
