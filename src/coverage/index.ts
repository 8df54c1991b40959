/**
 * The coverage capability: which publisher publishes which standard dataset, in what conformance,
 * over public active data. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { coverageShow } from './actions/coverage-show.ts';

/** The actions of this capability, for the registry. */
export const coverageActions: readonly AnyAction[] = [coverageShow];

export {
  type CoverageCell,
  type CoverageMatrix,
  type CoveragePublisher,
  type CoverageSchema,
  isConformingLevel,
} from './build-matrix.ts';
export { type CoverageFilter, computeCoverage } from './compute-coverage.ts';
export { countStandardPublishers, type StandardPublisherCounts } from './count-publishers.ts';
export { renderCoverageCsv } from './render-csv.ts';
