import { AppError } from '../../core/errors.ts';

/**
 * A parsed `fq` filter (the subset of Solr/Lucene syntax CKAN clients send):
 * `organization:sapporo-shi tags:"防災" -res_format:PDF (groups:tokachi OR groups:kushiro)
 *  metadata_modified:[2026-01-01T00:00:00Z TO *]`. Terms are ANDed unless joined by OR (CKAN
 * sets `q.op=AND`); `+` is accepted and means nothing more; `-` and NOT negate.
 */
export type FilterNode =
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'term'; field: FilterField; value: string }
  | { kind: 'range'; field: RangeField; from: string | null; to: string | null };

/**
 * Fields kept in the facet table (values are names, as CKAN indexes them). s5 adds `s5_schema`
 * (標準データセット: schema ids such as `a08-aed`) and `s5_conformance` (適合度), both from the
 * latest loaded version of each active resource.
 */
export const FACET_FIELDS = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  's5_schema',
  's5_conformance',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

const TERM_FIELDS = [
  ...FACET_FIELDS,
  'owner_org',
  'name',
  'id',
  'type',
  'dataset_type',
  'state',
  'capacity',
] as const;
export type FilterField = (typeof TERM_FIELDS)[number];

const RANGE_FIELDS = ['metadata_modified', 'metadata_created'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

const MAX_LENGTH = 2000;
const MAX_DEPTH = 8;

/**
 * Parses one filter string. An empty string gives an empty AND (matches everything).
 * @throws AppError search_query naming what is wrong (unknown field, unbalanced quote, …).
 */
export function parseFilter(input: string, now: Date): FilterNode {
  if (input.length > MAX_LENGTH) fail(`filter is longer than ${MAX_LENGTH} characters`);
  const parser = new Parser(input, now);
  const node = parser.parseOr(0);
  parser.skipSpace();
  if (!parser.done()) fail(`unexpected "${input.slice(parser.pos, parser.pos + 20)}"`);
  return node;
}

export function isTermField(name: string): name is FilterField {
  return (TERM_FIELDS as readonly string[]).includes(name);
}

export function isRangeField(name: string): name is RangeField {
  return (RANGE_FIELDS as readonly string[]).includes(name);
}

function fail(message: string): never {
  throw new AppError('search_query', `Search Query is invalid: ${message}`);
}

class Parser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly now: Date,
  ) {}

  done(): boolean {
    return this.pos >= this.s.length;
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.s[this.pos] ?? '')) this.pos++;
  }

  private peekWord(word: string): boolean {
    this.skipSpace();
    const next = this.s.slice(this.pos, this.pos + word.length);
    const after = this.s[this.pos + word.length];
    return next === word && (after === undefined || /[\s(]/.test(after));
  }

  parseOr(depth: number): FilterNode {
    const children = [this.parseAnd(depth)];
    while (this.peekWord('OR')) {
      this.pos += 2;
      children.push(this.parseAnd(depth));
    }
    return children.length === 1 && children[0] ? children[0] : { kind: 'or', children };
  }

  parseAnd(depth: number): FilterNode {
    const children: FilterNode[] = [];
    for (;;) {
      this.skipSpace();
      if (this.done() || this.s[this.pos] === ')' || this.peekWord('OR')) break;
      if (this.peekWord('AND')) {
        this.pos += 3;
        continue;
      }
      children.push(this.parseUnary(depth));
    }
    return children.length === 1 && children[0] ? children[0] : { kind: 'and', children };
  }

  parseUnary(depth: number): FilterNode {
    this.skipSpace();
    if (this.peekWord('NOT')) {
      this.pos += 3;
      return { kind: 'not', child: this.parseUnary(depth) };
    }
    const c = this.s[this.pos];
    if (c === '-' || c === '!') {
      this.pos++;
      return { kind: 'not', child: this.parseUnary(depth) };
    }
    if (c === '+') {
      this.pos++;
      return this.parseUnary(depth);
    }
    if (this.s.startsWith('*:*', this.pos)) {
      this.pos += 3;
      return { kind: 'and', children: [] };
    }
    if (c === '(') {
      if (depth >= MAX_DEPTH) fail('filter is nested too deeply');
      this.pos++;
      const inner = this.parseOr(depth + 1);
      this.expect(')');
      return inner;
    }
    return this.parseField(depth);
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.s[this.pos] !== ch) fail(`expected "${ch}" at position ${this.pos + 1}`);
    this.pos++;
  }

  private parseField(depth: number): FilterNode {
    const start = this.pos;
    while (!this.done() && /[A-Za-z0-9_.]/.test(this.s[this.pos] ?? '')) this.pos++;
    const field = this.s.slice(start, this.pos);
    if (field === '' || this.s[this.pos] !== ':') {
      fail(`expected field:value at "${this.s.slice(start, start + 20)}"`);
    }
    this.pos++;
    const next = this.s[this.pos];
    if (next === '[' || next === '{') {
      if (!isRangeField(field)) fail(`field "${field}" does not take a range`);
      return this.parseRange(field);
    }
    if (!isTermField(field)) {
      if (isRangeField(field))
        fail(`field "${field}" takes a range such as [2026-01-01T00:00:00Z TO *]`);
      fail(`unknown field "${field}"`);
    }
    if (next === '(') {
      if (depth >= MAX_DEPTH) fail('filter is nested too deeply');
      this.pos++;
      const values: FilterNode[] = [];
      for (;;) {
        this.skipSpace();
        if (this.s[this.pos] === ')') break;
        if (this.peekWord('OR')) {
          this.pos += 2;
          continue;
        }
        if (this.done()) fail('unbalanced parenthesis');
        values.push({ kind: 'term', field, value: this.parseValue() });
      }
      this.pos++;
      return { kind: 'or', children: values };
    }
    return { kind: 'term', field, value: this.parseValue() };
  }

  private parseValue(): string {
    if (this.s[this.pos] === '"') {
      let out = '';
      this.pos++;
      while (!this.done() && this.s[this.pos] !== '"') {
        if (this.s[this.pos] === '\\' && this.pos + 1 < this.s.length) this.pos++;
        out += this.s[this.pos];
        this.pos++;
      }
      if (this.done()) fail('unbalanced quote');
      this.pos++;
      return out;
    }
    const start = this.pos;
    while (!this.done() && !/[\s()]/.test(this.s[this.pos] ?? '')) {
      if (this.s[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    const raw = this.s.slice(start, this.pos).replace(/\\(.)/g, '$1');
    if (raw === '') fail('empty value');
    return raw;
  }

  private parseRange(field: RangeField): FilterNode {
    this.pos++;
    const close = this.s.slice(this.pos).search(/[\]}]/);
    if (close < 0) fail('unbalanced range bracket');
    const body = this.s.slice(this.pos, this.pos + close).trim();
    this.pos += close + 1;
    const parts = body.split(/\s+TO\s+/);
    if (parts.length !== 2) fail(`range must be [from TO to], got [${body}]`);
    return {
      kind: 'range',
      field,
      from: rangeBound(parts[0] ?? '*', this.now),
      to: rangeBound(parts[1] ?? '*', this.now),
    };
  }
}

/** Range bounds are Solr dates (`2026-01-01T00:00:00Z`, `NOW`, `*`) turned into CKAN wire strings. */
function rangeBound(raw: string, now: Date): string | null {
  const v = raw.trim();
  if (v === '*') return null;
  if (v === 'NOW') return now.toISOString().slice(0, 23);
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?Z?$/.exec(v);
  if (!m) fail(`"${v}" is not a date such as 2026-01-01T00:00:00Z`);
  return m[2] ? `${m[1]}T${m[2]}` : `${m[1]}`;
}
