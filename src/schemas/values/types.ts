import type { ValueFindingCode } from './finding-codes.ts';

/** How serious a finding is: `error` = unusable or unclear, `warning` = clear but non-conforming, `notice` = conforming but worth a look. */
export type Severity = 'error' | 'warning' | 'notice';

/** Facts for the message of a finding, e.g. `{ expected: '012025', found: '12025' }`. */
export type FindingParams = Readonly<Record<string, string | number>>;

/** One problem found in a single cell value. */
export interface ValueFinding {
  /** Stable snake_case code, e.g. `municipality_code_check_digit`; `MESSAGES` has text for each. */
  code: ValueFindingCode;
  severity: Severity;
  /** Facts for the message, e.g. `{ expected: '012025', found: '12025' }`. */
  params?: FindingParams;
}

/** The verdict of a value checker. */
export interface ValueCheck {
  /** True when the value conforms as written: no `error` or `warning` finding (notices may remain). */
  ok: boolean;
  /** Empty when the value conforms without remark. */
  findings: ValueFinding[];
  /** The conforming value when it can be derived WITH CERTAINTY (the --fix uses only this). */
  fixed?: string;
}
