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
  return findings.every((f) => f.severity === 'notice');
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
  const { findings, candidate } = inspection;
  const ok = isConforming(findings);
  if (candidate === undefined || candidate === value || findings.length === 0) {
    return { ok, findings };
  }
  const again = inspect(candidate);
  const settled = again.candidate === undefined || again.candidate === candidate;
  return isConforming(again.findings) && settled
    ? { ok, findings, fixed: candidate }
    : { ok, findings };
}
