import type { Recognition } from '../recognize/recognize-header.ts';
import type { RowChecker } from './check-row.ts';
import type { ColumnPlan } from './column-plan.ts';
import type { ValidationReport } from './report-types.ts';

/** What the header told: the dataset, the column plan and the checker of the data rows. */
export interface TableReview {
  header: string[];
  recognition: Recognition;
  plans: ColumnPlan[];
  checker: RowChecker;
  /** Certain header renames (column index → new name) for `--fix`. */
  renames: Map<number, string>;
}

/** The schema, near misses and column mapping parts of the report. */
export function describeRecognition(
  review: TableReview,
): Pick<ValidationReport, 'schema' | 'nearMisses' | 'columnMapping'> {
  const best = review.recognition.best;
  return {
    schema: best
      ? {
          id: best.schema.s5.id,
          title: best.schema.s5.title,
          generation: best.schema.s5.generation,
          verified: best.schema.s5.verified,
          confidence: round(best.confidence),
        }
      : null,
    nearMisses: review.recognition.nearMisses.map((m) => ({
      id: m.schema.s5.id,
      title: m.schema.s5.title,
      confidence: round(m.confidence),
    })),
    columnMapping: review.header.map((header, index) => {
      const column = best?.columns[index];
      return {
        column: index + 1,
        header,
        field: column?.field ?? null,
        match: column?.kind ?? 'unknown',
        score: round(column?.score ?? 0),
      };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
