import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import { problemOf } from '../errors.ts';
import type { CompareOp, QLiteral, QNode, QPath, QValue } from './q-ast.ts';
import { parseQ } from './q-parse.ts';
import { printQ } from './q-print.ts';

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_:-]{0,8}$/);
const path: fc.Arbitrary<QPath> = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.array(name, { maxLength: 2 }))
  .map(([names, keys]) => ({ names, keys }));
const literal: fc.Arbitrary<QLiteral> = fc.oneof(
  fc
    .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
    .filter((n) => !Object.is(n, -0))
    .map((value) => ({ type: 'number' as const, value })),
  fc.string({ maxLength: 12 }).map((value) => ({ type: 'string' as const, value })),
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => ({ type: 'datetime' as const, value: d.toISOString() })),
  fc
    .stringMatching(/^[a-z]{1,6}:[A-Za-z0-9:-]{1,10}$/)
    .map((value) => ({ type: 'uri' as const, value })),
);
const op = fc.constantFrom<CompareOp>('==', '!=', '>', '>=', '<', '<=');
const term: fc.Arbitrary<QNode> = fc.oneof(
  fc.tuple(path, fc.boolean()).map(([p, negated]): QNode => ({ kind: 'exists', path: p, negated })),
  fc
    .tuple(path, op, literal)
    .map(([p, o, l]): QNode => ({ kind: 'compare', path: p, op: o, value: single(l) })),
  fc
    .tuple(
      path,
      fc.constantFrom<CompareOp>('==', '!='),
      fc.array(literal, { minLength: 2, maxLength: 4 }),
    )
    .map(
      ([p, o, ls]): QNode => ({
        kind: 'compare',
        path: p,
        op: o,
        value: { kind: 'list', literals: ls },
      }),
    ),
  fc.tuple(path, fc.constantFrom<CompareOp>('==', '!='), literal, literal).map(
    ([p, o, from, to]): QNode => ({
      kind: 'compare',
      path: p,
      op: o,
      value: { kind: 'range', from, to },
    }),
  ),
  fc
    .tuple(path, fc.boolean(), fc.stringMatching(/^\^?[a-z][a-z.]{0,4}\*?\$?$/))
    .map(([p, negated, pattern]): QNode => ({ kind: 'pattern', path: p, negated, pattern })),
);

function single(l: QLiteral): QValue {
  return { kind: 'single', literal: l };
}

/** Trees as the parser builds them: an and/or never directly holds one of its own kind. */
const tree: fc.Arbitrary<QNode> = fc.letrec<{ node: QNode; and: QNode; or: QNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, term, tie('and'), tie('or')),
  and: fc
    .array(fc.oneof(term, tie('or')), { minLength: 2, maxLength: 3 })
    .map((items): QNode => ({ kind: 'and', items })),
  or: fc
    .array(fc.oneof(term, tie('and')), { minLength: 2, maxLength: 3 })
    .map((items): QNode => ({ kind: 'or', items })),
})).node;

describe('NGSI-LD q parser', () => {
  it('reads the examples of the conformance suite', () => {
    assert.deepEqual(parseQ('name=="Eiffel Tower"'), {
      kind: 'compare',
      path: { names: ['name'], keys: [] },
      op: '==',
      value: single({ type: 'string', value: 'Eiffel Tower' }),
    });
    const q = parseQ('(name=="Pisa Tower"|name=="Eiffel Tower");almostFull==false');
    assert.equal(q.kind, 'and');
    assert.equal(q.kind === 'and' && q.items[0]?.kind, 'or');
    const rel = parseQ('locatedAt==urn:ngsi-ld:City:Pisa');
    assert.deepEqual(
      rel.kind === 'compare' && rel.value,
      single({ type: 'uri', value: 'urn:ngsi-ld:City:Pisa' }),
    );
  });

  it('gives ; precedence over |', () => {
    const q = parseQ('a==1;b==2|c==3');
    assert.equal(q.kind, 'or');
    assert.equal(q.kind === 'or' && q.items[0]?.kind, 'and');
  });

  it('reads ranges, lists, paths, negation and patterns', () => {
    assert.deepEqual(parseQ('a==1..10'), {
      kind: 'compare',
      path: { names: ['a'], keys: [] },
      op: '==',
      value: {
        kind: 'range',
        from: { type: 'number', value: 1 },
        to: { type: 'number', value: 10 },
      },
    });
    const list = parseQ('a!="x","y"');
    assert.equal(list.kind === 'compare' && list.value.kind, 'list');
    assert.deepEqual(parseQ('a.b.observedAt').kind === 'exists' && parseQ('a.b.observedAt'), {
      kind: 'exists',
      path: { names: ['a', 'b', 'observedAt'], keys: [] },
      negated: false,
    });
    assert.deepEqual(parseQ('!a[k1][k2]'), {
      kind: 'exists',
      path: { names: ['a'], keys: ['k1', 'k2'] },
      negated: true,
    });
    assert.deepEqual(parseQ('name~=(?i)tower.*'), {
      kind: 'pattern',
      path: { names: ['name'], keys: [] },
      negated: false,
      pattern: '(?i)tower.*',
    });
  });

  it('refuses malformed queries with BadRequestData', () => {
    for (const bad of ['', 'a==', '==1', '(a==1', 'a==1)', 'a>1,2', 'a~="("', 'a=="x', 'a[b']) {
      assert.throws(
        () => parseQ(bad),
        (e) => e instanceof AppError && problemOf(e) === 'BadRequestData',
        bad,
      );
    }
  });

  it('never throws anything but BadRequestData, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          parseQ(s);
        } catch (e) {
          assert.ok(e instanceof AppError && problemOf(e) === 'BadRequestData', String(e));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws anything but BadRequestData on q-like text', () => {
    const piece = fc.constantFrom(
      'a',
      'b.c',
      '[k]',
      '==',
      '!=',
      '>=',
      '~=',
      ';',
      '|',
      '(',
      ')',
      '"x"',
      '1',
      '..',
      ',',
      '!',
      'true',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        try {
          parseQ(parts.join(''));
        } catch (e) {
          assert.ok(e instanceof AppError && problemOf(e) === 'BadRequestData', String(e));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parses what it prints back to the same tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        assert.deepEqual(parseQ(printQ(t)), t);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints a parsed query in a stable form (print ∘ parse is idempotent)', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const once = printQ(parseQ(printQ(t)));
        assert.equal(printQ(parseQ(once)), once);
      }),
      { numRuns: 500 },
    );
  });
});
