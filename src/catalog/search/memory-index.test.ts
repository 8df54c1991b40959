import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type IndexedDoc, type IndexQuery, MemoryIndex } from './memory-index.ts';

function doc(n: number, o: Partial<IndexedDoc> = {}): IndexedDoc {
  return {
    docId: n,
    packageId: `p${n}`,
    name: `d${n}`,
    titleSort: `t${n}`,
    state: 'active',
    private: false,
    ownerOrg: 'org-a',
    type: 'dataset',
    modified: `2026-01-0${n}T00:00:00`,
    created: '2026-01-01T00:00:00',
    fields: { title_n: `title${n}`, name_n: '', tags_n: '', groups_n: '', text_n: 'common' },
    facets: { organization: ['a'], tags: n % 2 ? ['odd'] : ['even'] },
    ...o,
  };
}

const all: IndexQuery = {
  words: [],
  textMatches: null,
  filters: [],
  visibility: { privateOrgIds: [], draftOrgIds: [], includeDeleted: false },
  sort: [
    { field: 'score', descending: true },
    { field: 'metadata_modified', descending: true },
  ],
  rows: 10,
  start: 0,
  facetFields: ['tags'],
  facetLimit: 50,
  facetMinCount: 1,
};

describe('in-memory search index', () => {
  it('returns the newest first by default and counts facets over every match', () => {
    const index = new MemoryIndex();
    for (const n of [1, 2, 3]) index.upsert(doc(n));
    const r = index.query(all);
    assert.deepEqual(r.ids, ['p3', 'p2', 'p1']);
    assert.deepEqual(r.facets.get('tags'), [
      { value: 'odd', count: 2 },
      { value: 'even', count: 1 },
    ]);
  });

  it('hides private, draft and deleted datasets unless the visibility allows them', () => {
    const index = new MemoryIndex();
    index.upsert(doc(1, { private: true }));
    index.upsert(doc(2, { state: 'draft' }));
    index.upsert(doc(3, { state: 'deleted' }));
    index.upsert(doc(4));
    assert.deepEqual(index.query(all).ids, ['p4']);
    const member = index.query({
      ...all,
      visibility: { privateOrgIds: ['org-a'], draftOrgIds: ['org-a'], includeDeleted: false },
    });
    assert.deepEqual(member.ids, ['p4', 'p2', 'p1']);
  });

  it('replaces a dataset on upsert and forgets it on remove, facets included', () => {
    const index = new MemoryIndex();
    index.upsert(doc(1));
    index.upsert(doc(1, { facets: { tags: ['changed'] } }));
    assert.deepEqual(index.query(all).facets.get('tags'), [{ value: 'changed', count: 1 }]);
    index.remove('p1');
    assert.equal(index.query(all).count, 0);
    assert.deepEqual(index.query(all).facets.get('tags'), []);
  });

  it('ranks by weighted field matches and drops datasets missing a word', () => {
    const index = new MemoryIndex();
    index.upsert(
      doc(1, { fields: { title_n: 'x', name_n: '', tags_n: '', groups_n: '', text_n: '避難所' } }),
    );
    index.upsert(
      doc(2, {
        fields: { title_n: '避難所一覧', name_n: '', tags_n: '', groups_n: '', text_n: '' },
      }),
    );
    index.upsert(
      doc(3, { fields: { title_n: 'none', name_n: '', tags_n: '', groups_n: '', text_n: '' } }),
    );
    const r = index.query({ ...all, words: ['避難'] });
    assert.deepEqual(r.ids, ['p2', 'p1']);
  });
});
