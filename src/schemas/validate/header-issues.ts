import { normalizeName } from '../recognize/compare-names.ts';
import type { ColumnMatch, MatchKind, SchemaMatch } from '../recognize/match-schema.ts';
import { RECOGNIZED_CONFIDENCE } from '../recognize/recognize-header.ts';
import type { StandardSchema } from '../schema-format.ts';
import { engineFinding, type Finding } from './check-local-rules.ts';
import type { IssueInput } from './issue-collector.ts';
import { normalizeHalfWidth } from './value-rules.ts';

/** Header findings plus the certain renames `--fix` applies (column index → new header). */
export interface HeaderReview {
  issues: IssueInput[];
  renames: Map<number, string>;
}

const LEVEL_JA = { required: '必須', recommended: '推奨', optional: '任意' } as const;
const KIND_CODE = new Map<
  MatchKind,
  'header_name_variant' | 'header_numbered' | 'header_alias' | 'header_misspelled'
>([
  ['normalized', 'header_name_variant'],
  ['numbered', 'header_numbered'],
  ['alias', 'header_alias'],
  ['misspelled', 'header_misspelled'],
]);

/** Reviews a header against its schema match (or alone when no schema was recognised). */
export function reviewHeader(header: readonly string[], match: SchemaMatch | null): HeaderReview {
  const issues: IssueInput[] = [];
  const renames = new Map<number, string>();
  const at = (index: number, f: Finding, fixable = false, fixedValue?: string): void => {
    issues.push({
      code: f.code,
      severity: f.severity,
      row: 1,
      column: index + 1,
      columnName: header[index] ?? '',
      ...(f.params ? { params: f.params } : {}),
      fixable,
      ...(fixedValue === undefined ? {} : { fixedValue }),
    });
  };
  const schema = match?.schema ?? null;
  const soft = schema !== null && !schema.s5.verified;
  if (match && schema) fileLevel(match, schema, issues);
  const seen = new Set<string>();
  for (const [index, text] of header.entries()) {
    const column = match?.columns[index];
    const key = normalizeName(text);
    if (key === '') {
      at(index, engineFinding('empty_header'));
      continue;
    }
    if (seen.has(key) || column?.kind === 'duplicate') {
      at(index, engineFinding('duplicate_column', { header: text }));
      continue;
    }
    seen.add(key);
    const code = column ? KIND_CODE.get(column.kind) : undefined;
    if (column?.field && code) {
      if (column.certain) renames.set(index, column.field);
      const f = engineFinding(code, { header: text, field: column.field });
      at(index, f, column.certain, column.field);
      continue;
    }
    if (column?.field) continue;
    hygiene(text, index, at, renames);
    if (schema) {
      const f = engineFinding('unknown_column', { header: text, title: schema.s5.title.ja });
      at(index, soft ? { ...f, severity: 'notice' } : f);
    }
  }
  if (match && schema) {
    missingColumns(match, schema, soft, issues);
    outOfOrder(match.columns, schema, at);
  }
  return { issues, renames };
}

function fileLevel(match: SchemaMatch, schema: StandardSchema, issues: IssueInput[]): void {
  const file = (f: Finding) =>
    issues.push({
      code: f.code,
      severity: f.severity,
      row: null,
      column: null,
      columnName: null,
      ...(f.params ? { params: f.params } : {}),
      fixable: false,
    });
  if (match.confidence < RECOGNIZED_CONFIDENCE)
    file(
      engineFinding('schema_low_confidence', {
        title: schema.s5.title.ja,
        confidence: match.confidence.toFixed(2),
      }),
    );
  if (!schema.s5.verified)
    file(
      engineFinding('schema_unverified', {
        title: schema.s5.title.ja,
        level: schema.s5.verification,
      }),
    );
}

function hygiene(
  text: string,
  index: number,
  at: (index: number, f: Finding, fixable?: boolean, fixedValue?: string) => void,
  renames: Map<number, string>,
): void {
  const bare = text.replace(/^\uFEFF/, '');
  const trimmed = bare.trim();
  const half = normalizeHalfWidth(trimmed);
  if (half !== bare) renames.set(index, half);
  if (/[\s\u3000]/.test(trimmed)) at(index, engineFinding('header_whitespace', { header: text }));
  else if (trimmed !== bare)
    at(index, engineFinding('header_whitespace', { header: text }), true, trimmed);
  if (half !== trimmed)
    at(index, engineFinding('header_fullwidth', { header: text, fixed: half }), true, half);
}

function missingColumns(
  match: SchemaMatch,
  schema: StandardSchema,
  soft: boolean,
  issues: IssueInput[],
) {
  for (const name of match.missing) {
    const field = schema.fields.find((f) => f.name === name);
    if (!field) continue;
    const required = field.s5.level === 'required';
    const f = required
      ? engineFinding('missing_required_column', { field: name })
      : engineFinding('missing_column', { field: name, level: LEVEL_JA[field.s5.level] });
    issues.push({
      code: f.code,
      severity: soft && !required ? 'notice' : f.severity,
      row: 1,
      column: null,
      columnName: null,
      ...(f.params ? { params: f.params } : {}),
      fixable: false,
    });
  }
}

/** Columns outside the longest run that follows the schema order are out of order. */
function outOfOrder(
  columns: readonly ColumnMatch[],
  schema: StandardSchema,
  at: (index: number, f: Finding) => void,
): void {
  const position = new Map(schema.fields.map((f, i) => [f.name, i]));
  const mapped = columns
    .filter((c) => c.field !== null)
    .map((c) => ({
      index: c.index,
      field: c.field ?? '',
      order: position.get(c.field ?? '') ?? 0,
    }));
  const keep = longestIncreasing(mapped.map((m) => m.order));
  mapped.forEach((m, i) => {
    if (!keep.has(i))
      at(m.index, engineFinding('column_order', { field: m.field, expected: m.order + 1 }));
  });
}

function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] ?? -1) keep.add(i);
  return keep;
}
