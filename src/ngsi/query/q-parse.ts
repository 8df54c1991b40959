import { badData } from '../errors.ts';
import type { CompareOp, QLiteral, QNode, QPath, QValue } from './q-ast.ts';
import { compilePattern } from './q-eval.ts';

const MAX_LENGTH = 8192;
const MAX_DEPTH = 32;
const NAME_CHAR = /[^\s;|()[\]=!<>~,."'\\]/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_OR_TIME =
  /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)$/;

/**
 * Parses an NGSI-LD `q` expression (clause 4.9): `;` (and) binds tighter than `|` (or),
 * parentheses group, terms are `attr`, `!attr`, comparisons, lists (`a==1,2`), ranges
 * (`a==1..5`) and patterns (`~=`, `!~=`); paths are `attr.sub` and `attr[key]`.
 * @throws AppError BadRequestData (and nothing else) for any input that is not a valid query.
 */
export function parseQ(input: string): QNode {
  if (input.length > MAX_LENGTH) throw badData(`q is longer than ${MAX_LENGTH} characters`);
  const p = new Parser(input);
  const node = p.expression(0);
  p.skipSpace();
  if (!p.atEnd()) p.fail('unexpected character');
  return node;
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  peek(): string {
    return this.s[this.pos] ?? '';
  }

  skipSpace(): void {
    while (this.peek() === ' ') this.pos++;
  }

  fail(what: string): never {
    throw badData(`Invalid q at position ${this.pos + 1}: ${what} (q=${this.s})`);
  }

  expression(depth: number): QNode {
    if (depth > MAX_DEPTH) this.fail('too deeply nested');
    const items = [this.conjunction(depth)];
    while (this.skipAnd('|')) items.push(this.conjunction(depth));
    return items.length === 1 ? (items[0] as QNode) : { kind: 'or', items };
  }

  conjunction(depth: number): QNode {
    const items = [this.primary(depth)];
    while (this.skipAnd(';')) items.push(this.primary(depth));
    return items.length === 1 ? (items[0] as QNode) : { kind: 'and', items };
  }

  skipAnd(ch: string): boolean {
    this.skipSpace();
    if (this.peek() !== ch) return false;
    this.pos++;
    return true;
  }

  primary(depth: number): QNode {
    this.skipSpace();
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.expression(depth + 1);
      this.skipSpace();
      if (this.peek() !== ')') this.fail('missing )');
      this.pos++;
      return inner;
    }
    if (this.peek() === '!' && this.s[this.pos + 1] !== '~' && this.s[this.pos + 1] !== '=') {
      this.pos++;
      return { kind: 'exists', path: this.path(), negated: true };
    }
    const path = this.path();
    this.skipSpace();
    const op = this.operator();
    if (op === undefined) return { kind: 'exists', path, negated: false };
    this.skipSpace();
    if (op === '~=' || op === '!~=') {
      const pattern = this.pattern();
      try {
        compilePattern(pattern);
      } catch {
        this.fail('invalid regular expression');
      }
      return { kind: 'pattern', path, negated: op === '!~=', pattern };
    }
    return { kind: 'compare', path, op, value: this.value(op) };
  }

  name(): string {
    const start = this.pos;
    while (!this.atEnd() && NAME_CHAR.test(this.peek())) this.pos++;
    if (this.pos === start) this.fail('attribute name expected');
    return this.s.slice(start, this.pos);
  }

  path(): QPath {
    const names = [this.name()];
    while (this.peek() === '.') {
      this.pos++;
      names.push(this.name());
    }
    const keys: string[] = [];
    while (this.peek() === '[') {
      this.pos++;
      keys.push(this.name());
      if (this.peek() !== ']') this.fail('missing ]');
      this.pos++;
    }
    return { names, keys };
  }

  operator(): CompareOp | '~=' | '!~=' | undefined {
    for (const op of ['==', '!=', '>=', '<=', '~=', '!~=', '>', '<'] as const) {
      if (this.s.startsWith(op, this.pos)) {
        // `!~=` starts with `!`, which `!=` does not match, so the order above is safe.
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  /** A regular expression: a quoted string, or raw text up to `;`, `|` or an unmatched `)`. */
  pattern(): string {
    if (this.peek() === '"') return this.quoted();
    const start = this.pos;
    let depth = 0;
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === '\\') {
        this.pos += 2;
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      } else if ((ch === ';' || ch === '|') && depth === 0) break;
      this.pos++;
    }
    if (this.pos === start) this.fail('pattern expected');
    return this.s.slice(start, Math.min(this.pos, this.s.length));
  }

  value(op: CompareOp): QValue {
    const first = this.literal();
    if (this.s.startsWith('..', this.pos)) {
      this.pos += 2;
      const to = this.literal();
      if (op !== '==' && op !== '!=') this.fail('a range needs == or !=');
      return { kind: 'range', from: first, to };
    }
    if (this.peek() !== ',') return { kind: 'single', literal: first };
    const literals = [first];
    while (this.peek() === ',') {
      this.pos++;
      literals.push(this.literal());
    }
    if (op !== '==' && op !== '!=') this.fail('a list needs == or !=');
    return { kind: 'list', literals };
  }

  literal(): QLiteral {
    if (this.peek() === '"') return { type: 'string', value: this.quoted() };
    const start = this.pos;
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === ';' || ch === '|' || ch === ')' || ch === ',' || ch === ' ' || ch === '"') break;
      if (this.s.startsWith('..', this.pos)) break;
      this.pos++;
    }
    const token = this.s.slice(start, this.pos);
    if (token === '') this.fail('value expected');
    if (token === 'true' || token === 'false') return { type: 'boolean', value: token === 'true' };
    if (NUMBER.test(token)) {
      const n = Number(token);
      if (!Number.isFinite(n)) this.fail('number out of range');
      return { type: 'number', value: n };
    }
    if (DATE_OR_TIME.test(token)) return { type: 'datetime', value: token };
    return { type: 'uri', value: token };
  }

  quoted(): string {
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string');
      const ch = this.peek();
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\\') {
        const next = this.s[this.pos + 1];
        if (next === undefined) this.fail('unterminated string');
        out += next;
        this.pos += 2;
        continue;
      }
      out += ch;
      this.pos++;
    }
  }
}
