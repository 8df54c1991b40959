import {
  checkAddress,
  checkEmail,
  checkEnum,
  checkHalfWidth,
  checkKana,
  checkListSeparator,
  checkReference,
  type Finding,
  type RuleCheck,
} from './check-local-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import {
  checkDate,
  checkDateTime,
  checkFlag,
  checkLatitude,
  checkLongitude,
  checkMunicipalityCode,
  checkNumber,
  checkPhone,
  checkPostalCode,
  checkTextHygiene,
  checkTime,
  checkUrl,
  isPlaceholder,
} from './value-rules.ts';

/** Facts the cell rules need beyond the value. */
export interface CellContext {
  prefectureCode?: string;
}

/** One finding of a cell, with whether `--fix` corrects it. */
export interface CellFinding extends Finding {
  fixable: boolean;
}

/** What the rules say about one non-empty cell. */
export interface CellResult {
  findings: CellFinding[];
  /** The value `--fix` writes (only certain corrections). */
  fixed?: string;
}

const TEXT_RULES = new Set(['text', 'kana', 'time_remarks', 'address']);
// The text notice on full-width letters and digits; typed checkers report width themselves.
const WIDTH_CODES = new Set(['fullwidth_alphanumeric_in_text']);

/** Runs the typed rule of a column on a value (after text hygiene). */
export function checkByRule(plan: ColumnPlan, value: string, context: CellContext): RuleCheck {
  const code =
    context.prefectureCode === undefined ? {} : { prefectureCode: context.prefectureCode };
  switch (plan.rule) {
    case 'municipality_code':
      return checkMunicipalityCode(value, code);
    case 'date':
      return checkDate(value);
    case 'datetime':
      return checkDateTime(value);
    case 'time':
      return checkTime(value);
    case 'phone':
      return checkPhone(value);
    case 'postal_code':
      return checkPostalCode(value);
    case 'latitude':
      return checkLatitude(value);
    case 'longitude':
      return checkLongitude(value);
    case 'flag':
      return checkFlag(value, { allowed: [...(plan.enumValues ?? ['1']), ''] });
    case 'integer':
    case 'number':
      return checkNumber(value, numberOptions(plan));
    case 'url':
      return checkUrl(value);
    case 'email':
      return checkEmail(value);
    case 'enum':
      return checkEnum(value, plan.enumValues ?? []);
    case 'halfwidth':
      return checkHalfWidth(
        value,
        plan.pattern,
        plan.field?.s5.formatJa ?? plan.pattern?.source ?? '',
      );
    case 'kana':
      return merge(checkKana(value), textChecks(value, plan));
    case 'address':
      return merge(textChecks(value, plan), checkAddress(value));
    case 'text':
    case 'time_remarks':
      return textChecks(value, plan);
    default:
      return { findings: [] };
  }
}

function numberOptions(plan: ColumnPlan) {
  return {
    integer: plan.rule === 'integer',
    ...(plan.minimum === undefined ? {} : { min: plan.minimum }),
    ...(plan.maximum === undefined ? {} : { max: plan.maximum }),
  };
}

// In a free-text item `なし` can be the answer (駐車場情報: なし = no parking); only in remarks
// does it stand for "nothing to say" (高松市 利用可能時間特記事項). Dashes are never an answer.
const WORD_PLACEHOLDER = /^(?:なし|無し|無|不明|未定|該当なし)$/u;
const REMARKS = /(?:備考|特記事項)$/u;

function isTextPlaceholder(value: string, plan: ColumnPlan): boolean {
  if (!isPlaceholder(value)) return false;
  if (!WORD_PLACEHOLDER.test(value.trim())) return true;
  return plan.rule === 'time_remarks' || REMARKS.test(plan.field?.name ?? plan.header);
}

function textChecks(value: string, plan: ColumnPlan): RuleCheck {
  if (isTextPlaceholder(value, plan))
    return {
      findings: [{ code: 'placeholder_value', severity: 'warning', params: { found: value } }],
    };
  const reference = checkReference(value);
  return plan.list ? merge(reference, checkListSeparator(value)) : reference;
}

function merge(a: RuleCheck, b: RuleCheck): RuleCheck {
  const fixed = b.fixed ?? a.fixed;
  const findings = [...a.findings, ...b.findings];
  return fixed === undefined ? { findings } : { findings, fixed };
}

/** The typed check of a column, as an object: one built per column, not a closure per cell. */
export interface TypedCheck {
  check(value: string): RuleCheck;
}

/** The column's own rule (`checkByRule`) as a `TypedCheck`. */
export class ColumnRule implements TypedCheck {
  readonly #plan: ColumnPlan;
  readonly #context: CellContext;

  constructor(plan: ColumnPlan, context: CellContext) {
    this.#plan = plan;
    this.#context = context;
  }

  check(value: string): RuleCheck {
    return checkByRule(this.#plan, value, this.#context);
  }
}

/**
 * Text hygiene, then the column's rule on the cleaned value. `fixed` is the certain correction;
 * a finding is fixable when re-checking the corrected value no longer raises it.
 */
export function checkCell(
  plan: ColumnPlan,
  value: string,
  context: CellContext,
  rule: TypedCheck = new ColumnRule(plan, context),
): CellResult {
  return settle(plan, value, inspectCell(plan, value, rule), rule);
}

const NO_FINDINGS: RuleCheck = { findings: [] };

/** Hygiene + a given typed check; exported for the 緯度/経度 pair, whose typed check is joint. */
export function inspectCell(plan: ColumnPlan, value: string, typed: TypedCheck): RuleCheck {
  const hygiene = checkTextHygiene(value);
  const textRule = plan.rule === null || TEXT_RULES.has(plan.rule);
  // Width is fixed only where the rule says half-width (the fix list), and there the
  // rule's own checker reports it: the hygiene fix, which converts full-width letters and digits
  // in any text (`２階`), is then not taken and the rule sees the value as written, trimmed.
  let width = false;
  for (const f of hygiene.findings) if (WIDTH_CODES.has(f.code)) width = true;
  const cleaned = width ? value.trim() : (hygiene.fixed ?? value);
  const rule = cleaned === '' ? NO_FINDINGS : typed.check(cleaned);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const list of [hygiene.findings, rule.findings]) {
    for (const f of list) {
      if (seen.has(f.code) || (!textRule && WIDTH_CODES.has(f.code))) continue;
      seen.add(f.code);
      findings.push(f);
    }
  }
  const fixed = rule.fixed ?? (cleaned !== value ? cleaned : undefined);
  return fixed === undefined ? { findings } : { findings, fixed };
}

/** Marks fixable findings, caps inferred columns at warning and drops uncertain fixes. */
export function settle(
  plan: ColumnPlan,
  value: string,
  raw: RuleCheck,
  typed: TypedCheck,
): CellResult {
  const findings: CellFinding[] = [];
  if (plan.inferred) {
    for (const f of raw.findings)
      findings.push({
        ...f,
        severity: f.severity === 'error' ? 'warning' : f.severity,
        fixable: false,
      });
    return { findings };
  }
  if (raw.fixed === undefined || raw.fixed === value) {
    for (const f of raw.findings) findings.push({ ...f, fixable: false });
    return { findings };
  }
  const remaining = new Set<string>();
  for (const f of inspectCell(plan, raw.fixed, typed).findings) remaining.add(f.code);
  let fixable = false;
  for (const f of raw.findings) {
    const certain = !remaining.has(f.code);
    if (certain) fixable = true;
    findings.push({ ...f, fixable: certain });
  }
  return fixable ? { findings, fixed: raw.fixed } : { findings };
}
