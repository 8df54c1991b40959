import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { castsToRegTypes, scanFunctionCalls } from './scan-function-calls.ts';

describe('scanning deparsed SQL for function calls', () => {
  it('finds every name before a parenthesis in every clause, skipping casts and literals', () => {
    const sql = `SELECT upper(t.b), pg_catalog.lower('x(y'::text), (1)::numeric(10,2)
      FROM t ORDER BY (abs(t.a)) OFFSET pg_backend_pid() LIMIT length('a''(b')`;
    assert.deepEqual(
      scanFunctionCalls(sql).map((c) => [c.schema, c.name]),
      [
        [null, 'upper'],
        ['pg_catalog', 'lower'],
        // Keywords and aliases come too; only names of pg_proc count as calls.
        [null, 'by'],
        [null, 'abs'],
        [null, 'pg_backend_pid'],
        [null, 'length'],
      ],
    );
  });

  it('keeps quoted names exact and does not mistake a quoted identifier for a literal', () => {
    const calls = scanFunctionCalls(`SELECT "it's"."Evil"(1), x AS "a(b" FROM public.f(2)`);
    assert.deepEqual(
      calls.map((c) => [c.schema, c.name, c.quoted]),
      [
        ["it's", 'Evil', true],
        ['public', 'f', false],
      ],
    );
  });

  it('notices casts to object identifier types', () => {
    assert.equal(castsToRegTypes(`SELECT 'users'::regclass`), true);
    assert.equal(castsToRegTypes(`SELECT '::regclass'::text, regular`), false);
  });
});
