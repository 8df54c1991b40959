import { FINDING_SEVERITY, type ValueFindingCode } from './finding-codes.ts';
import type { FindingParams, ValueCheck, ValueFinding } from './types.ts';

/** What a checker saw before its fix is verified: findings plus a proposed conforming value. */
export interface Inspection {
  findings: ValueFinding[];
  /** Proposed fix; kept only if re-inspecting it finds nothing left to fix (see `finalizeCheck`). */
  candidate?: string;
}

/** Builds a finding with the code's fixed severity. */
export function finding(code: ValueFindingCode, params?: FindingParams): ValueFinding {
  const severity = FINDING_SEVERITY[code];
  return params === undefined ? { code, severity } : { code, severity, params };
}

/** True when no finding is an error or a warning (notices do not break conformance). */
export function isConforming(findings: readonly ValueFinding[]): boolean {
  for (const f of findings) if (f.severity !== 'notice') return false;
  return true;
}

/**
 * Turns an inspection into a check. The candidate becomes `fixed` only when re-inspecting it gives
 * a conforming value that proposes no further change, so every `fixed` is verified and idempotent.
 */
export function finalizeCheck(
  value: string,
  inspection: Inspection,
  inspect: (value: string) => Inspection,
): ValueCheck {
  return finalizeWith(value, inspection, inspect, undefined);
}

/**
 * `finalizeCheck` for an inspector that takes options: they are passed along rather than bound in
 * a closure, which would be created on every call (the validator calls checkers per cell).
 */
export function finalizeWith<O>(
  value: string,
  inspection: Inspection,
  inspect: (value: string, options: O) => Inspection,
  options: O,
): ValueCheck {
  const { findings, candidate } = inspection;
  const ok = isConforming(findings);
  if (candidate === undefined || candidate === value || findings.length === 0) {
    return { ok, findings };
  }
  const again = inspect(candidate, options);
  const settled = again.candidate === undefined || again.candidate === candidate;
  return isConforming(again.findings) && settled
    ? { ok, findings, fixed: candidate }
    : { ok, findings };
}
