import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { achievementRate } from './achievement-rate.ts';
import { evaluateKpi, type KpiTargets } from './evaluate-kpi.ts';
import { DEFAULT_EVALUATION_RULE } from './evaluation-rule.ts';

const rule = DEFAULT_EVALUATION_RULE;
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const maybe = fc.option(value, { nil: null });
const direction = fc.constantFrom('higher' as const, 'lower' as const);
/** Grade order: 0 = best. Not evaluable sorts last. */
const rank = (grade: string | null) => (grade === null ? 99 : ['A', 'B', 'C', 'D'].indexOf(grade));

function kpi(baseline: number, target: number, dir: 'higher' | 'lower'): KpiTargets {
  return {
    kind: 'quantitative',
    direction: dir,
    baseline_year: 2020,
    baseline_value: baseline,
    target_year: 2025,
    target_value: target,
    interim_targets: {},
  };
}

/** Baseline and target ordered for the direction, with a real gap. */
const improvingPair = fc
  .tuple(value, value, direction)
  .filter(([a, b]) => a !== b)
  .map(([a, b, dir]) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return dir === 'higher' ? { baseline: lo, target: hi, dir } : { baseline: hi, target: lo, dir };
  });

describe('evaluation maths (properties)', () => {
  it('never throws and grades only when baseline, target and actual are all known', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, direction, (b, t, a, dir) => {
        const r = achievementRate({ baseline: b, target: t, actual: a, direction: dir });
        const known = b !== null && t !== null && a !== null;
        const improves = known && (dir === 'higher' ? t >= b : t <= b);
        assert.equal(r.evaluable, improves);
      }),
    );
  });

  it('gives the same rate for "lower is better" as for the mirrored "higher is better"', () => {
    fc.assert(
      fc.property(improvingPair, value, ({ baseline, target, dir }, a) => {
        const mirrored = dir === 'higher' ? 'lower' : 'higher';
        const r1 = achievementRate({ baseline, target, actual: a, direction: dir });
        const r2 = achievementRate({
          baseline: -baseline,
          target: -target,
          actual: -a,
          direction: mirrored,
        });
        assert.deepEqual(r1, r2);
      }),
    );
  });

  it('keeps the rate between 0 and 1 while the actual value lies between baseline and target', () => {
    fc.assert(
      fc.property(improvingPair, fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const a = p.baseline + (p.target - p.baseline) * f;
        const lo = Math.min(p.baseline, p.target);
        const hi = Math.max(p.baseline, p.target);
        fc.pre(a >= lo && a <= hi);
        const r = achievementRate({ ...p, actual: a, direction: p.dir });
        assert.ok(r.evaluable && r.rate !== null && r.rate >= 0 && r.rate <= 1, String(a));
      }),
    );
  });

  it('grades reaching the target A and staying at the baseline D', () => {
    fc.assert(
      fc.property(improvingPair, (p) => {
        const k = kpi(p.baseline, p.target, p.dir);
        const at = (v: number) =>
          evaluateKpi(k, 2025, { value: v, status: null, computable: true }, rule);
        assert.equal(at(p.target).grade, 'A');
        assert.equal(at(p.baseline).grade, 'D');
      }),
    );
  });

  it('never grades a better actual value lower than a worse one', () => {
    fc.assert(
      fc.property(improvingPair, value, value, (p, x, y) => {
        const k = kpi(p.baseline, p.target, p.dir);
        const [worse, better] = (p.dir === 'higher' ? x <= y : x >= y) ? [x, y] : [y, x];
        const g = (v: number) =>
          evaluateKpi(k, 2025, { value: v, status: null, computable: true }, rule).grade;
        assert.ok(rank(g(better)) <= rank(g(worse)), `${better} vs ${worse}`);
      }),
    );
  });

  it('grades moving away from the target (negative progress) D', () => {
    fc.assert(
      fc.property(improvingPair, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (p, step) => {
        const away = p.dir === 'higher' ? p.baseline - step : p.baseline + step;
        const e = evaluateKpi(
          kpi(p.baseline, p.target, p.dir),
          2025,
          { value: away, status: null, computable: true },
          rule,
        );
        assert.equal(e.grade, 'D');
        assert.ok(e.rate !== null && e.rate <= 0);
      }),
    );
  });
});
