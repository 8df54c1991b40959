import { finalizeWith, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { parseDate } from './parse-date.ts';
import type { ValueCheck } from './types.ts';

/** Options of `checkDate`. */
export interface DateOptions {
  /** Accept a year alone (`2021`), which GIF 日付時刻 allows when month and day are unknown. */
  allowYearOnly?: boolean;
}

function inspectDate(value: string, options: DateOptions): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  const parsed = parseDate(found);
  switch (parsed.kind) {
    case 'date':
      return found === parsed.iso
        ? { findings: [] }
        : {
            findings: [finding('date_not_iso', { found, expected: parsed.iso })],
            candidate: parsed.iso,
          };
    case 'year':
      if (options.allowYearOnly !== true)
        return { findings: [finding('date_year_only', { found })] };
      return found === parsed.year
        ? { findings: [] }
        : {
            findings: [finding('date_not_iso', { found, expected: parsed.year })],
            candidate: parsed.year,
          };
    case 'impossible':
      return { findings: [finding('date_impossible', { found })] };
    case 'era_out_of_range': {
      const params = { found, era: parsed.era, era_start: parsed.eraStart, era_end: parsed.eraEnd };
      return { findings: [finding('date_era_out_of_range', params)] };
    }
    case 'before_gregorian':
      return { findings: [finding('date_before_gregorian_calendar', { found })] };
    default:
      return { findings: [finding('date_invalid', { found })] };
  }
}

/**
 * Checks a 日付 value: ISO `YYYY-MM-DD` (西暦, half-width) conforms; other recognised notations,
 * 和暦 included, get `date_not_iso` with the ISO fix; impossible days, era overruns and
 * non-dates are errors without a fix.
 */
export function checkDate(value: string, options: DateOptions = {}): ValueCheck {
  return finalizeWith(value, inspectDate(value, options), inspectDate, options);
}
