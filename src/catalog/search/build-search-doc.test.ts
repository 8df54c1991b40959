import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facetValuesOf, type SearchSource } from './build-search-doc.ts';

const source = (standards: SearchSource['standards']): SearchSource => ({
  name: 'aed',
  title: 'AED設置箇所一覧',
  notes: '',
  tags: [],
  license_id: 'cc-by-4.0',
  organization: { name: 'sapporo-shi', title: '札幌市', title_en: 'Sapporo', reading: '' },
  groups: [],
  resources: [],
  extras: [],
  standards,
});

const valuesOf = (src: SearchSource, field: string) =>
  facetValuesOf(src)
    .filter((f) => f.field === field)
    .map((f) => f.value);

describe('standard-dataset facet values', () => {
  it('gives each recognised schema and conformance once, however many files share them', () => {
    const src = source([
      { schemaId: 'a08-aed', conformance: 'conforming' },
      { schemaId: 'a08-aed', conformance: 'nonconforming' },
      { schemaId: 'r01-aed', conformance: 'conforming' },
    ]);
    assert.deepEqual(valuesOf(src, 's5_schema'), ['a08-aed', 'r01-aed']);
    assert.deepEqual(valuesOf(src, 's5_conformance'), ['conforming', 'nonconforming']);
  });

  it('gives a file that matched no schema a conformance value only', () => {
    const src = source([{ schemaId: null, conformance: 'nonstandard' }]);
    assert.deepEqual(
      [valuesOf(src, 's5_schema'), valuesOf(src, 's5_conformance')],
      [[], ['nonstandard']],
    );
  });
});
