import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UniqueTracker } from './unique-tracker.ts';

// Sequential IDs with shared prefixes, leading zeros and repeats, and arbitrary strings.
const id = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'LL', 'A-', '0', '00'), fc.integer({ min: 0, max: 300 }), fc.nat(12))
    .map(([prefix, n, width]) => prefix + String(n).padStart(width, '0')),
  fc.string({ unit: fc.constantFrom('1', '2', 'a', '-'), maxLength: 6 }),
  fc.string({ maxLength: 14 }),
);

test('the tracker reports the first row of every repeated value, as a map of the values would', () => {
  fc.assert(
    fc.property(fc.array(id, { maxLength: 3000 }), (values) => {
      const tracker = new UniqueTracker();
      const first = new Map<string, number>();
      values.forEach((value, i) => {
        const row = i + 2;
        assert.equal(tracker.seen(value, row), first.get(value), value);
        if (!first.has(value)) first.set(value, row);
      });
    }),
    { numRuns: 200 },
  );
});

test('the tracker finds no repeat among a hundred thousand distinct sequential IDs', () => {
  const tracker = new UniqueTracker();
  let repeats = 0;
  for (let i = 1; i <= 100_000; i++)
    if (tracker.seen(`LL${String(i).padStart(10, '0')}`, i + 1) !== undefined) repeats += 1;
  assert.equal(repeats, 0);
});
