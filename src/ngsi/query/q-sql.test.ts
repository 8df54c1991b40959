import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { testBackends } from '../../../test/support/backends.ts';
import type { Platform } from '../../platform/index.ts';
import { stampNew } from '../model/apply-write.ts';
import type { Attr, AttrInstances, Entity } from '../model/types.ts';
import { writeEntity } from '../broker/write-entity.ts';
import type { QLiteral, QNode, QPath } from './q-ast.ts';
import { evaluateQ } from './q-eval.ts';
import { compileQ } from './q-sql.ts';

/**
 * The SQL of q (q-sql.ts) and the code evaluation (q-eval.ts) must agree: subscriptions and
 * queries with patterns use the latter, plain queries the former. A random data set is written
 * once; random queries then compare both answers.
 */
const NAMES = ['urn:t:a', 'urn:t:b', 'urn:t:c'];
const SUB = 'urn:t:s';
const scalar = fc.oneof(
  fc.constantFrom(1, 2, 3, 2.5, -1),
  fc.constantFrom('x', 'y', 'urn:x:1', '2020-01-01T00:00:00Z'),
  fc.boolean(),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('k', 'm'), scalar, { maxKeys: 2 }),
  fc.constantFrom({ '@type': 'DateTime', '@value': '2020-01-01T00:00:00Z' }),
);
const attr: fc.Arbitrary<Attr> = fc
  .tuple(
    fc.constantFrom('Property', 'Relationship', 'LanguageProperty'),
    value,
    fc.option(scalar, { nil: undefined }),
    fc.option(fc.constantFrom('2020-01-01T00:00:00Z', '2021-06-01T12:00:00.000Z'), {
      nil: undefined,
    }),
  )
  .map(([type, v, sub, observedAt]) => {
    const a: Attr =
      type === 'Relationship'
        ? { type, value: 'urn:x:1', sub: {} }
        : type === 'LanguageProperty'
          ? { type, value: { en: typeof v === 'string' ? v : 'x', ja: 'y' }, sub: {} }
          : { type: 'Property', value: v, sub: {} };
    if (sub !== undefined) a.sub[SUB] = { type: 'Property', value: sub, sub: {} };
    if (observedAt) a.observedAt = observedAt;
    return a;
  });
const entityAttrs = fc.dictionary(
  fc.constantFrom(...NAMES),
  fc.array(attr, { minLength: 1, maxLength: 2 }),
  {
    maxKeys: 3,
  },
);

const literal: fc.Arbitrary<QLiteral> = fc.oneof(
  fc.constantFrom(1, 2, 3, 2.5).map((v) => ({ type: 'number' as const, value: v })),
  fc.constantFrom('x', 'y', '').map((v) => ({ type: 'string' as const, value: v })),
  fc.boolean().map((v) => ({ type: 'boolean' as const, value: v })),
  fc.constant({ type: 'uri' as const, value: 'urn:x:1' }),
  fc
    .constantFrom('2020-01-01T00:00:00Z', '2020-06-01')
    .map((v) => ({ type: 'datetime' as const, value: v })),
);
const path: fc.Arbitrary<QPath> = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => ({ names: [n], keys: [] })),
  fc.constantFrom(...NAMES).map((n) => ({ names: [n, SUB], keys: [] })),
  fc.constantFrom(...NAMES).map((n) => ({ names: [n, 'observedAt'], keys: [] })),
  fc.constantFrom(...NAMES).map((n) => ({ names: [n], keys: ['k'] })),
);
const term: fc.Arbitrary<QNode> = fc.oneof(
  fc.tuple(path, fc.boolean()).map(([p, negated]): QNode => ({ kind: 'exists', path: p, negated })),
  fc.tuple(path, fc.constantFrom('==', '!=', '>', '>=', '<', '<=' as const), literal).map(
    ([p, op, l]): QNode => ({
      kind: 'compare',
      path: p,
      op,
      value: { kind: 'single', literal: l },
    }),
  ),
  fc.tuple(path, fc.constantFrom('==', '!=' as const), literal, literal).map(
    ([p, op, from, to]): QNode => ({
      kind: 'compare',
      path: p,
      op,
      value: { kind: 'range', from, to },
    }),
  ),
  fc.tuple(path, fc.array(literal, { minLength: 2, maxLength: 3 })).map(
    ([p, literals]): QNode => ({
      kind: 'compare',
      path: p,
      op: '==',
      value: { kind: 'list', literals },
    }),
  ),
);
const tree: fc.Arbitrary<QNode> = fc.oneof(
  term,
  fc.array(term, { minLength: 2, maxLength: 3 }).map((items): QNode => ({ kind: 'and', items })),
  fc.array(term, { minLength: 2, maxLength: 3 }).map((items): QNode => ({ kind: 'or', items })),
);

for (const backend of testBackends()) {
  describe(`q in SQL agrees with q in code on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    const entities: Entity[] = [];

    before(async () => {
      p = await backend.open({ seed: false });
      const samples = fc.sample(entityAttrs, { numRuns: 80, seed: 20261125 });
      for (const [i, attrs] of samples.entries()) {
        const map = new Map<string, AttrInstances>();
        for (const [name, list] of Object.entries(attrs)) {
          const instances: AttrInstances = new Map();
          list.forEach((a, j) => {
            const inst = j === 0 ? a : { ...a, datasetId: `urn:ds:${j}` };
            instances.set(inst.datasetId ?? '', inst);
          });
          map.set(name, instances);
        }
        const e: Entity = { id: `urn:e:${i}`, types: ['urn:t:T'], attrs: map };
        const step = stampNew(e, '2026-01-01T00:00:00.000Z');
        entities.push(step.entity);
        await writeEntity(
          p.db,
          [],
          { tenant: '', id: e.id, now: '2026-01-01T00:00:00.000Z' },
          () => ({
            op: 'created',
            step,
          }),
        );
      }
    });
    after(() => p.close());

    const sqlIds = async (q: QNode) => {
      const { where } = compileQ(q, p.db.dialect);
      const r = await sql<{
        id: string;
      }>`SELECT e.id FROM ngsi_entity e WHERE e.tenant = '' AND ${where}`.execute(p.db.kysely);
      return r.rows.map((row) => row.id).sort();
    };
    const codeIds = (q: QNode) =>
      entities
        .filter((e) => evaluateQ(q, e))
        .map((e) => e.id)
        .sort();

    it('selects the same entities for every generated query', async () => {
      let telling = 0;
      await fc.assert(
        fc.asyncProperty(tree, async (q) => {
          const expected = codeIds(q);
          assert.deepEqual(await sqlIds(q), expected);
          if (expected.length > 0 && expected.length < entities.length) telling++;
        }),
        { numRuns: 250 },
      );
      // Queries that select some entities but not all are the ones that can tell SQL and code apart.
      assert.ok(telling > 50, `only ${telling} queries selected a proper subset`);
    });

    it('selects a superset for patterns, which code then confirms', async () => {
      const q: QNode = {
        kind: 'pattern',
        path: { names: ['urn:t:a'], keys: [] },
        negated: false,
        pattern: '^x',
      };
      const inSql = await sqlIds(q);
      for (const id of codeIds(q)) assert.ok(inSql.includes(id));
    });
  });
}
