import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../core/errors.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { searchInput } from '../schema.ts';
import { planSearch } from './plan-search.ts';

const META: TableMeta = {
  resourceId: 'r',
  tableName: 'r',
  fields: [
    { id: '名称', type: 'text' },
    { id: '人数', type: 'int4' },
  ],
  primaryKey: [],
  indexes: [],
  rowCount: 0,
  created: '',
  modified: '',
};

const plan = (input: Record<string, unknown>, max = 32000) =>
  planSearch(META, searchInput.parse({ resource_id: 'r', ...input }), max);

describe('planning a datastore_search', () => {
  it('orders by _id by default and breaks ties by _id after a given sort', () => {
    assert.deepEqual(
      plan({}).sort.map((k) => [k.column.id, k.desc]),
      [['_id', false]],
    );
    assert.deepEqual(
      plan({ sort: '"人数" desc' }).sort.map((k) => [k.column.id, k.desc]),
      [
        ['人数', true],
        ['_id', false],
      ],
    );
  });

  it('ranks by the query words when there is a q and no sort', () => {
    const p = plan({ q: 'ＡＥＤ　札幌' });
    assert.deepEqual(p.text, [{ words: ['aed', '札幌'], fieldIndex: null }]);
    assert.equal(p.sort[0]?.column.id, 'rank');
    assert.ok(p.columns.some((c) => c.id === 'rank'));
  });

  it('caps limit at the configured maximum and defaults it to 100', () => {
    assert.equal(plan({}).limit, 100);
    assert.equal(plan({ limit: 50000 }, 32000).limit, 32000);
  });

  it('refuses a distinct search sorted by a field it does not return', () => {
    assert.throws(
      () => plan({ distinct: true, fields: ['名称'], sort: '人数' }),
      (e: unknown) => e instanceof AppError && e.fields?.sort !== undefined,
    );
  });

  it('parses filters into comparisons of typed values', () => {
    const p = plan({ filters: { 人数: { gte: '10' }, 名称: ['a', 1] } });
    assert.deepEqual(p.filter, {
      kind: 'and',
      items: [
        { kind: 'compare', field: '人数', type: 'int4', op: 'gte', value: 10 },
        { kind: 'compare', field: '名称', type: 'text', op: 'in', value: ['a', '1'] },
      ],
    });
  });
});
