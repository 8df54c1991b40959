import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { PlanSeed } from './plan-seed-format.ts';

/** The keys of seed.json the plan needs; the catalog owns (and strictly checks) the rest. */
const SeedIndex = z.object({
  prefecture: z.object({ code: z.string().regex(/^\d{6}$/) }),
  plan: z.string().min(1).optional(),
});

/** A plan file together with the prefecture code that owns it. */
export interface LoadedPlanSeed {
  file: string;
  prefectureCode: string;
  plan: PlanSeed;
}

/**
 * Reads the plan named by `plan` in `<seedDir>/seed.json`; null when seed.json names none.
 * @throws AppError validation naming the file and the path of the first problem.
 */
export function readPlanSeed(seedDir: string): LoadedPlanSeed | null {
  const index = parseFile(path.join(seedDir, 'seed.json'), SeedIndex);
  if (!index.plan) return null;
  const file = path.join(seedDir, index.plan);
  return { file, prefectureCode: index.prefecture.code, plan: parseFile(file, PlanSeed) };
}

function parseFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `seed: cannot read ${file}: ${String(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'validation',
      `seed: ${file}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
