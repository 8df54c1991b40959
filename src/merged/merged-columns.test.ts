import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldDef } from '../datastore/index.ts';
import { getSchema, listSchemas } from '../schemas/index.ts';
import type { MemberColumn } from './member-state.ts';
import {
  copySources,
  fieldsAccept,
  mapMemberColumns,
  mergedFields,
  PUBLISHER_CODE,
  PUBLISHER_NAME,
  SOURCE_DATASET,
  SOURCE_RESOURCE,
  unifyTypes,
} from './merged-columns.ts';

const aed = getSchema('r01-aed');
const member = {
  schemaId: 'r01-aed',
  resourceId: 'res-1',
  packageId: 'pkg-1',
  version: 1,
  tableModified: '2026-11-25T03:00:00.000000',
  tableRows: 2,
  publisherCode: '011002',
  publisherName: '札幌市',
};

describe('unifyTypes', () => {
  it('keeps a type all members share', () => {
    assert.equal(unifyTypes(['float8', 'float8']), 'float8');
  });

  it('widens whole numbers to int8 and mixed numbers to float8, or numeric when one is exact', () => {
    assert.deepEqual(
      [
        unifyTypes(['int4', 'int8']),
        unifyTypes(['int4', 'float8']),
        unifyTypes(['float8', 'numeric', 'int4']),
      ],
      ['int8', 'float8', 'numeric'],
    );
  });

  it('falls back to text when a member holds values of another kind', () => {
    assert.deepEqual(
      [unifyTypes(['date', 'text']), unifyTypes(['float8', 'date'])],
      ['text', 'text'],
    );
  });
});

describe('mergedFields', () => {
  it('puts the publisher first, the schema fields in order, then the source ids', () => {
    const ids = mergedFields(aed, []).map((f) => f.id);
    assert.deepEqual(
      [ids.slice(0, 2), ids.slice(2, -2), ids.slice(-2)],
      [
        [PUBLISHER_CODE, PUBLISHER_NAME],
        aed.fields.map((f) => f.name),
        [SOURCE_DATASET, SOURCE_RESOURCE],
      ],
    );
  });

  it('types 緯度 as float8 by its rule, and as text once a member holds it as text', () => {
    const typeOf = (columns: MemberColumn[][]) =>
      mergedFields(aed, columns).find((f) => f.id === '緯度')?.type;
    assert.deepEqual(
      [typeOf([]), typeOf([[{ field: '緯度', source: 'lat', type: 'text' }]])],
      ['float8', 'text'],
    );
  });

  it('gives every standard schema names a datastore column accepts, unique ignoring case', () => {
    for (const schema of listSchemas()) {
      const ids = mergedFields(schema, []).map((f) => f.id);
      assert.equal(new Set(ids.map((id) => id.toLowerCase())).size, ids.length, schema.s5.id);
      assert.ok(
        ids.every((id) => !id.startsWith('_') && Buffer.byteLength(id) <= 63),
        schema.s5.id,
      );
    }
  });
});

describe('fieldsAccept', () => {
  const f = (type: FieldDef['type']): FieldDef[] => [{ id: '緯度', type }];

  it('accepts a table whose column already holds the wanted type', () => {
    assert.deepEqual(
      [fieldsAccept(f('text'), f('float8')), fieldsAccept(f('float8'), f('int4'))],
      [true, true],
    );
  });

  it('refuses a column that would have to widen', () => {
    assert.equal(fieldsAccept(f('float8'), f('text')), false);
  });
});

describe('mapMemberColumns', () => {
  const fields: FieldDef[] = [
    { id: 'lat', type: 'float8' },
    { id: '名称', type: 'text' },
    { id: '独自の列', type: 'text' },
  ];

  it('follows the validator’s column mapping and leaves columns outside the schema out', () => {
    assert.deepEqual(mapMemberColumns(aed, fields, ['緯度', '名称', null]), [
      { field: '名称', source: '名称', type: 'text' },
      { field: '緯度', source: 'lat', type: 'float8' },
    ]);
  });

  it('matches by name alone when the table no longer has the loaded file’s columns', () => {
    assert.deepEqual(mapMemberColumns(aed, fields, ['緯度']), [
      { field: '名称', source: '名称', type: 'text' },
    ]);
  });
});

describe('copySources', () => {
  it('fills the provenance columns from the member and leaves unmapped fields empty', () => {
    const fields = mergedFields(aed, []);
    const sources = copySources(fields, member, [{ field: '名称', source: 'name', type: 'text' }]);
    const at = (id: string) => sources[fields.findIndex((f) => f.id === id)];
    assert.deepEqual(
      [at(PUBLISHER_CODE), at(PUBLISHER_NAME), at(SOURCE_RESOURCE), at('名称'), at('緯度')],
      [
        { value: '011002' },
        { value: '札幌市' },
        { value: 'res-1' },
        { column: 'name' },
        { empty: true },
      ],
    );
  });
});
