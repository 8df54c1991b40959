/** 方向: whether a higher or a lower value is better. */
export type Direction = 'higher' | 'lower';

/** Why a KPI cannot be graded; each has a Japanese and English message in `not-evaluable.ts`. */
export type NotEvaluableReason =
  | 'no_target'
  | 'no_baseline'
  | 'no_actual'
  | 'no_status'
  | 'target_against_direction'
  | 'not_computable';

/**
 * The result of comparing an actual value with a baseline and a target. `rate` is null when the
 * target equals the baseline (a "maintain" target, where the ratio is undefined); `met` says
 * whether the actual value is at or beyond the target in the better direction.
 */
export type RateResult =
  | { evaluable: true; rate: number | null; met: boolean }
  | { evaluable: false; reason: NotEvaluableReason };

const known = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v);

/**
 * 達成率 = (実績値 − 基準値) / (目標値 − 基準値). Direction-aware: for "lower is better" the
 * target lies below the baseline, so the same ratio measures progress downwards; a target on
 * the wrong side of the baseline is refused rather than graded. The rate is not clamped:
 * negative progress gives a negative rate, overshooting gives more than 1.
 */
export function achievementRate(input: {
  baseline: number | null | undefined;
  target: number | null | undefined;
  actual: number | null | undefined;
  direction: Direction;
}): RateResult {
  const { baseline, target, actual, direction } = input;
  if (!known(target)) return { evaluable: false, reason: 'no_target' };
  if (!known(baseline)) return { evaluable: false, reason: 'no_baseline' };
  if (!known(actual)) return { evaluable: false, reason: 'no_actual' };
  const gap = target - baseline;
  if (gap === 0) {
    const met = direction === 'higher' ? actual >= target : actual <= target;
    return { evaluable: true, rate: null, met };
  }
  if ((direction === 'higher' && gap < 0) || (direction === 'lower' && gap > 0))
    return { evaluable: false, reason: 'target_against_direction' };
  // `+ 0` turns -0 (e.g. no progress on a "lower is better" KPI) into 0, so reports never show -0%.
  const rate = (actual - baseline) / gap + 0;
  return { evaluable: true, rate, met: rate >= 1 };
}
