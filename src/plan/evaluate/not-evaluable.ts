import type { NotEvaluableReason } from './achievement-rate.ts';

/** What the report says when a KPI cannot be graded: Japanese first, then English. */
export const NOT_EVALUABLE_MESSAGES: Record<NotEvaluableReason, string> = {
  no_target: '目標値が未設定のため評価できません / No target figure: not evaluable',
  no_baseline: '基準値が未設定のため評価できません / No baseline: not evaluable',
  no_actual: '実績値が未入力のため評価できません / No actual value yet: not evaluable',
  no_status: '達成状況が未入力のため評価できません / No status entered yet: not evaluable',
  target_against_direction:
    '目標値が基準値から見て改善の方向にないため評価できません / The target is not an improvement on the baseline: not evaluable',
  not_computable:
    'この指標はまだ自動算出できないため評価できません / This KPI cannot be computed yet: not evaluable',
};

/** The label of the "not evaluable" grade. */
export const NOT_EVALUABLE_LABEL = '評価不能 / Not evaluable';
