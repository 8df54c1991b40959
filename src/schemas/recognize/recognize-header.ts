import type { StandardSchema } from '../schema-format.ts';
import { DistanceMemo } from './compare-names.ts';
import { matchSchema, type SchemaMatch } from './match-schema.ts';
import { scoreMatches } from './score-match.ts';

/** At or above: the file is that dataset. */
export const RECOGNIZED_CONFIDENCE = 0.75;
/** At or above (and below RECOGNIZED_CONFIDENCE): probably that dataset, said with a warning. */
export const TENTATIVE_CONFIDENCE = 0.55;

/** Which standard dataset a header belongs to, and the runners-up. */
export interface Recognition {
  /** The best match at or above TENTATIVE_CONFIDENCE (or the schema asked for), else null. */
  best: SchemaMatch | null;
  /** The next best schemas (at most three), for the report. */
  nearMisses: SchemaMatch[];
}

/**
 * Scores every recognisable schema against a header row and returns the best match with its
 * confidence and column mapping, plus near misses. With `schemaId` that schema is the answer
 * whatever its score (its confidence is still reported).
 */
export function recognizeHeader(
  header: readonly string[],
  schemas: readonly StandardSchema[],
  options: { schemaId?: string } = {},
): Recognition {
  const candidates = schemas.filter((s) => s.s5.recognize || s.s5.id === options.schemaId);
  const memo = new DistanceMemo();
  const matches = candidates.map((s) => matchSchema(header, s, memo));
  scoreMatches(matches, candidates);
  const ranked = matches
    .filter((m) => m.confidence > 0 || m.schema.s5.id === options.schemaId)
    .sort((a, b) => b.confidence - a.confidence || a.schema.s5.id.localeCompare(b.schema.s5.id));
  if (options.schemaId !== undefined) {
    const forced = ranked.find((m) => m.schema.s5.id === options.schemaId) ?? null;
    return { best: forced, nearMisses: ranked.filter((m) => m !== forced).slice(0, 3) };
  }
  const first = ranked[0];
  if (first && first.confidence >= TENTATIVE_CONFIDENCE)
    return { best: first, nearMisses: ranked.slice(1, 4) };
  return { best: null, nearMisses: ranked.slice(0, 3) };
}
