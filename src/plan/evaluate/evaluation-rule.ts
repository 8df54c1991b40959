import { z } from 'zod';

/** 達成状況: the yearly status of a qualitative KPI, graded by status rather than by a ratio. */
export const QUALITATIVE_STATUSES = [
  'achieved',
  'mostly_achieved',
  'in_progress',
  'not_started',
] as const;
export type QualitativeStatus = (typeof QUALITATIVE_STATUSES)[number];

/** Japanese and English names of the qualitative statuses. */
export const QUALITATIVE_STATUS_LABELS: Record<QualitativeStatus, string> = {
  achieved: '達成 / Achieved',
  mostly_achieved: '概ね達成 / Mostly achieved',
  in_progress: '取組中 / In progress',
  not_started: '未着手 / Not started',
};

const gradeName = z.string().min(1).max(10);
const label = z.string().max(200).default('');

/**
 * 評価方法: how a plan grades its KPIs, configurable per plan. Grades are tried from the
 * highest `min_rate` down; a rate below every threshold gets `lowest_grade`.
 */
export const EvaluationRule = z
  .strictObject({
    method: z.literal('achievement_rate').default('achievement_rate'),
    grades: z
      .array(z.strictObject({ grade: gradeName, min_rate: z.number().finite(), label }))
      .min(1)
      .max(10),
    lowest_grade: z.strictObject({ grade: gradeName, label }),
    /** Target of a year before the target year when no interim target is given. */
    mid_period_target: z.enum(['final', 'linear']).default('final'),
    qualitative: z.strictObject({
      achieved: gradeName,
      mostly_achieved: gradeName,
      in_progress: gradeName,
      not_started: gradeName,
    }),
  })
  .superRefine((rule, ctx) => {
    for (let i = 1; i < rule.grades.length; i++) {
      const prev = rule.grades[i - 1];
      const cur = rule.grades[i];
      if (prev && cur && cur.min_rate >= prev.min_rate)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'min_rate'],
          message: 'grades must be listed from the highest min_rate down',
        });
    }
    const names = [...rule.grades.map((g) => g.grade), rule.lowest_grade.grade];
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'grade names must be unique' });
    for (const status of QUALITATIVE_STATUSES)
      if (!names.includes(rule.qualitative[status]))
        ctx.addIssue({
          code: 'custom',
          path: ['qualitative', status],
          message: 'must be one of the grades',
        });
  });
export type EvaluationRule = z.output<typeof EvaluationRule>;

/**
 * The default rule of the issue: achievement rate = (actual − baseline) / (target − baseline),
 * A ≥ 100%, B ≥ 80%, C ≥ 50%, D below; qualitative KPIs by status.
 */
export const DEFAULT_EVALUATION_RULE: EvaluationRule = {
  method: 'achievement_rate',
  grades: [
    { grade: 'A', min_rate: 1, label: '目標達成（100%以上） / Target reached (≥ 100%)' },
    { grade: 'B', min_rate: 0.8, label: '概ね達成（80%以上） / Mostly reached (≥ 80%)' },
    { grade: 'C', min_rate: 0.5, label: '一定の進捗（50%以上） / Some progress (≥ 50%)' },
  ],
  lowest_grade: { grade: 'D', label: '進捗に遅れ（50%未満） / Behind (< 50%)' },
  mid_period_target: 'final',
  qualitative: { achieved: 'A', mostly_achieved: 'B', in_progress: 'C', not_started: 'D' },
};

/** Reads a stored rule (JSON text); a stored rule was validated when written. */
export function parseEvaluationRule(json: string): EvaluationRule {
  return EvaluationRule.parse(JSON.parse(json));
}
