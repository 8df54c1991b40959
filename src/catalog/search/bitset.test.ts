import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Bitset } from './bitset.ts';

const sets = fc
  .integer({ min: 1, max: 200 })
  .chain((size) =>
    fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat(size - 1)), fc.uniqueArray(fc.nat(size - 1))),
  );

function of(size: number, members: number[]): Bitset {
  const b = new Bitset(size);
  for (const m of members) b.add(m);
  return b;
}

describe('bitset', () => {
  it('agrees with a Set on and, or, not, count and ordered slices', () => {
    fc.assert(
      fc.property(sets, fc.nat(20), fc.nat(20), ([size, xs, ys], skip, limit) => {
        const a = of(size, xs);
        const b = of(size, ys);
        const inter = xs.filter((x) => ys.includes(x)).sort((p, q) => p - q);
        const union = [...new Set([...xs, ...ys])].sort((p, q) => p - q);
        const complement = Array.from({ length: size }, (_v, i) => i).filter(
          (i) => !xs.includes(i),
        );
        assert.deepEqual(a.and(b).slice(0, size), inter);
        assert.deepEqual(a.or(b).slice(0, size), union);
        assert.deepEqual(a.not().slice(0, size), complement);
        assert.equal(a.countAnd(b), inter.length);
        assert.equal(Bitset.full(size).count(), size);
        assert.deepEqual(
          a.slice(skip, limit),
          [...xs].sort((p, q) => p - q).slice(skip, skip + limit),
        );
      }),
    );
  });
});
