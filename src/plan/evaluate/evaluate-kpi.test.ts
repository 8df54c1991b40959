import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { achievementRate } from './achievement-rate.ts';
import { evaluateKpi, type KpiTargets, targetForYear } from './evaluate-kpi.ts';
import { DEFAULT_EVALUATION_RULE, EvaluationRule } from './evaluation-rule.ts';

const rule = DEFAULT_EVALUATION_RULE;

function buildKpi(overrides: Partial<KpiTargets> = {}): KpiTargets {
  return {
    kind: 'quantitative',
    direction: 'higher',
    baseline_year: 2020,
    baseline_value: 40,
    target_year: 2025,
    target_value: 140,
    interim_targets: {},
    ...overrides,
  };
}

const actual = (value: number | null) => ({ value, status: null, computable: true });

describe('achievement rate', () => {
  it('is the share of the way from baseline to target that the actual value has come', () => {
    assert.deepEqual(
      achievementRate({ baseline: 40, target: 140, actual: 120, direction: 'higher' }),
      { evaluable: true, rate: 0.8, met: false },
    );
  });

  it('measures progress downwards when a lower value is better', () => {
    const r = achievementRate({ baseline: 300, target: 100, actual: 150, direction: 'lower' });
    assert.deepEqual(r, { evaluable: true, rate: 0.75, met: false });
  });

  it('is negative when the value moved away from the target', () => {
    const r = achievementRate({ baseline: 40, target: 140, actual: 30, direction: 'higher' });
    assert.ok(r.evaluable && r.rate !== null && r.rate < 0);
  });

  it('has no ratio when the target equals the baseline, and says whether the target is held', () => {
    assert.deepEqual(achievementRate({ baseline: 5, target: 5, actual: 6, direction: 'higher' }), {
      evaluable: true,
      rate: null,
      met: true,
    });
    assert.deepEqual(achievementRate({ baseline: 5, target: 5, actual: 6, direction: 'lower' }), {
      evaluable: true,
      rate: null,
      met: false,
    });
  });

  it('refuses a target on the wrong side of the baseline for the direction', () => {
    assert.deepEqual(
      achievementRate({ baseline: 100, target: 50, actual: 70, direction: 'higher' }),
      { evaluable: false, reason: 'target_against_direction' },
    );
  });

  it('reports the missing piece, target first, when data is missing', () => {
    const missing = (b: number | null, t: number | null, a: number | null) =>
      achievementRate({ baseline: b, target: t, actual: a, direction: 'higher' });
    assert.deepEqual(missing(null, null, null), { evaluable: false, reason: 'no_target' });
    assert.deepEqual(missing(null, 10, 5), { evaluable: false, reason: 'no_baseline' });
    assert.deepEqual(missing(0, 10, null), { evaluable: false, reason: 'no_actual' });
    assert.deepEqual(missing(0, 10, Number.NaN), { evaluable: false, reason: 'no_actual' });
  });
});

describe('KPI grades under the default rule', () => {
  const grade = (value: number) => evaluateKpi(buildKpi(), 2025, actual(value), rule).grade;

  it('give A at 100%, B at 80%, C at 50% and D below 50%', () => {
    assert.equal(grade(140), 'A');
    assert.equal(grade(180), 'A');
    assert.equal(grade(120), 'B');
    assert.equal(grade(119.9), 'C');
    assert.equal(grade(90), 'C');
    assert.equal(grade(89.9), 'D');
    assert.equal(grade(10), 'D');
  });

  it('reach a threshold despite floating-point rounding (0.26 from 0.1 to 0.3 is 80%)', () => {
    const kpi = buildKpi({ baseline_value: 0.1, target_value: 0.3 });
    const e = evaluateKpi(kpi, 2025, actual(0.26), rule);
    assert.equal(e.grade, 'B');
    assert.equal(e.rate_percent, 80);
  });

  it('grade a held "maintain" target A and a missed one D, without a rate', () => {
    const kpi = buildKpi({ baseline_value: 100, target_value: 100 });
    assert.deepEqual(
      [evaluateKpi(kpi, 2025, actual(100), rule), evaluateKpi(kpi, 2025, actual(99), rule)].map(
        (e) => [e.grade, e.rate],
      ),
      [
        ['A', null],
        ['D', null],
      ],
    );
  });

  it('say "not evaluable" with a bilingual reason when the actual value is missing', () => {
    const e = evaluateKpi(buildKpi(), 2024, actual(null), rule);
    assert.equal(e.grade, null);
    assert.equal(e.reason, 'no_actual');
    assert.match(e.reason_message ?? '', /^実績値が未入力.* \/ No actual value/);
  });

  it('say "not evaluable" for a KPI s5 cannot compute yet, whatever its numbers', () => {
    const e = evaluateKpi(buildKpi(), 2025, { value: 200, status: null, computable: false }, rule);
    assert.equal(e.reason, 'not_computable');
  });

  it('grade a qualitative KPI by its status, not by a ratio', () => {
    const kpi = buildKpi({ kind: 'qualitative', baseline_value: null, target_value: null });
    const e = evaluateKpi(
      kpi,
      2025,
      { value: null, status: 'mostly_achieved', computable: true },
      rule,
    );
    assert.deepEqual([e.grade, e.rate], ['B', null]);
    const none = evaluateKpi(kpi, 2025, { value: null, status: null, computable: true }, rule);
    assert.equal(none.reason, 'no_status');
  });
});

describe('the target of a year', () => {
  it('is the interim target of that year when one is given', () => {
    const kpi = buildKpi({ interim_targets: { '2023': 90 } });
    assert.equal(targetForYear(kpi, 2023, rule), 90);
    assert.equal(evaluateKpi(kpi, 2023, actual(90), rule).grade, 'A');
  });

  it('is the final target in other years under the default rule', () => {
    assert.equal(targetForYear(buildKpi({ interim_targets: { '2023': 90 } }), 2022, rule), 140);
  });

  it('lies on the line from baseline to target under the linear rule', () => {
    const linear = { ...rule, mid_period_target: 'linear' as const };
    assert.equal(targetForYear(buildKpi(), 2022, linear), 80);
    assert.equal(targetForYear(buildKpi(), 2025, linear), 140);
    assert.equal(targetForYear(buildKpi({ baseline_year: null }), 2022, linear), 140);
  });

  it('is null when the plan names no figure', () => {
    assert.equal(targetForYear(buildKpi({ target_value: null }), 2025, rule), null);
  });
});

describe('evaluation rules', () => {
  it('accept the default rule', () => {
    assert.ok(EvaluationRule.safeParse(DEFAULT_EVALUATION_RULE).success);
  });

  it('refuse grades out of order and qualitative grades that do not exist', () => {
    const r = EvaluationRule.safeParse({
      ...DEFAULT_EVALUATION_RULE,
      grades: [
        { grade: 'B', min_rate: 0.8 },
        { grade: 'A', min_rate: 1 },
      ],
    });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')).sort(), [
      'grades.1.min_rate',
      'qualitative.in_progress',
    ]);
  });
});
