import { achievementRate, type Direction, type NotEvaluableReason } from './achievement-rate.ts';
import type { EvaluationRule, QualitativeStatus } from './evaluation-rule.ts';
import { NOT_EVALUABLE_LABEL, NOT_EVALUABLE_MESSAGES } from './not-evaluable.ts';

/** What grading needs from a KPI definition. */
export interface KpiTargets {
  kind: 'quantitative' | 'qualitative';
  direction: Direction;
  baseline_year: number | null;
  baseline_value: number | null;
  target_year: number | null;
  target_value: number | null;
  /** fiscal year (as a string key) → interim target */
  interim_targets: Readonly<Record<string, number>>;
}

/** The actual of one fiscal year; `computable` is false for a computed KPI s5 cannot compute yet. */
export interface KpiActual {
  value: number | null;
  status: QualitativeStatus | null;
  computable: boolean;
}

/** The grade of a KPI in a fiscal year; `grade` is null when it is not evaluable (see `reason`). */
export interface KpiEvaluation {
  target_for_year: number | null;
  /** 1 means 100%; null when not evaluable or when target equals baseline. */
  rate: number | null;
  /** The rate in percent, rounded to one decimal. */
  rate_percent: number | null;
  grade: string | null;
  grade_label: string;
  reason: NotEvaluableReason | null;
  reason_message: string | null;
}

// Rates come from floating-point division (0.16 / 0.2 = 0.7999…); a threshold is met within this.
const TOLERANCE = 1e-9;

/**
 * The target that applies to a fiscal year: its interim target when one is given; otherwise
 * the final target, or (rule `linear`, before the target year) the straight line from baseline
 * to target. Null when the KPI has no final target either.
 */
export function targetForYear(kpi: KpiTargets, year: number, rule: EvaluationRule): number | null {
  const interim = kpi.interim_targets[String(year)];
  if (interim !== undefined) return interim;
  const { target_value: t, target_year: ty, baseline_value: b, baseline_year: by } = kpi;
  if (t === null) return null;
  if (rule.mid_period_target === 'linear' && ty !== null && b !== null && by !== null) {
    if (year > by && year < ty) return b + ((t - b) * (year - by)) / (ty - by);
  }
  return t;
}

/** The grade of a rate under the rule: the first grade whose threshold the rate reaches. */
export function gradeForRate(rate: number, rule: EvaluationRule): string {
  for (const g of rule.grades)
    if (rate >= g.min_rate - TOLERANCE * Math.max(1, Math.abs(g.min_rate))) return g.grade;
  return rule.lowest_grade.grade;
}

/** The label of a grade under the rule ('' for an unknown grade). */
export function gradeLabel(grade: string, rule: EvaluationRule): string {
  if (grade === rule.lowest_grade.grade) return rule.lowest_grade.label;
  return rule.grades.find((g) => g.grade === grade)?.label ?? '';
}

/**
 * Grades one KPI for one fiscal year. Quantitative KPIs by achievement rate (a target equal to
 * the baseline is graded met/not met: top or lowest grade, with no rate); qualitative KPIs by
 * their status. Missing data gives "not evaluable" with a reason, never a guess.
 */
export function evaluateKpi(
  kpi: KpiTargets,
  year: number,
  actual: KpiActual,
  rule: EvaluationRule,
): KpiEvaluation {
  const target = kpi.kind === 'quantitative' ? targetForYear(kpi, year, rule) : null;
  if (!actual.computable) return notEvaluable(target, 'not_computable');
  if (kpi.kind === 'qualitative') {
    if (actual.status === null) return notEvaluable(null, 'no_status');
    return graded(null, null, rule.qualitative[actual.status], rule);
  }
  const result = achievementRate({
    baseline: kpi.baseline_value,
    target,
    actual: actual.value,
    direction: kpi.direction,
  });
  if (!result.evaluable) return notEvaluable(target, result.reason);
  if (result.rate === null) {
    const top = rule.grades[0]?.grade ?? rule.lowest_grade.grade;
    return graded(target, null, result.met ? top : rule.lowest_grade.grade, rule);
  }
  return graded(target, result.rate, gradeForRate(result.rate, rule), rule);
}

function graded(
  target: number | null,
  rate: number | null,
  grade: string,
  rule: EvaluationRule,
): KpiEvaluation {
  return {
    target_for_year: target,
    rate,
    rate_percent: rate === null ? null : Math.round(rate * 1000) / 10,
    grade,
    grade_label: gradeLabel(grade, rule),
    reason: null,
    reason_message: null,
  };
}

function notEvaluable(target: number | null, reason: NotEvaluableReason): KpiEvaluation {
  return {
    target_for_year: target,
    rate: null,
    rate_percent: null,
    grade: null,
    grade_label: NOT_EVALUABLE_LABEL,
    reason,
    reason_message: NOT_EVALUABLE_MESSAGES[reason],
  };
}
