import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import { negotiateFormat } from './negotiate.ts';
import {
  type CatalogQuery,
  modifiedSinceFilter,
  pageUrlBuilder,
  paginationInfo,
  readCatalogQuery,
} from './paging.ts';

const base: CatalogQuery = { page: 1, modifiedSince: null, q: null, fq: null };
const url = (n: number) => `p${n}`;

describe('catalog paging (ckanext-dcat _pagination_info)', () => {
  it('has no paging on an empty result', () => {
    assert.equal(paginationInfo({ ...base, page: 1 }, 0, 0, url), null);
  });

  it('links first, last and next from the first of three pages', () => {
    assert.deepEqual(paginationInfo({ ...base, page: 1 }, 250, 100, url), {
      count: 250,
      itemsPerPage: 100,
      current: 'p1',
      first: 'p1',
      last: 'p3',
      next: 'p2',
    });
  });

  it('links previous but not next from the last page', () => {
    const info = paginationInfo({ ...base, page: 3 }, 250, 50, url);
    assert.deepEqual([info?.previous, info?.next, info?.last], ['p2', undefined, 'p3']);
  });

  it('points previous at the last page from a page beyond it', () => {
    const info = paginationInfo({ ...base, page: 7 }, 250, 0, url);
    assert.deepEqual([info?.current, info?.previous, info?.next], ['p7', 'p3', undefined]);
  });

  it('repeats modified_since, q and fq (encoded) in page links', () => {
    const build = pageUrlBuilder('http://s5.test', '/catalog.ttl', {
      page: 2,
      modifiedSince: '2026-01-01T00:00:00+09:00',
      q: '札幌 AED',
      fq: 'tags:"防災"',
    });
    assert.equal(
      build(3),
      'http://s5.test/catalog.ttl?modified_since=2026-01-01T00%3A00%3A00%2B09%3A00&q=%E6%9C%AD%E5%B9%8C%20AED&fq=tags%3A%22%E9%98%B2%E7%81%BD%22&page=3',
    );
    assert.equal(
      pageUrlBuilder('http://s5.test', '/catalog.xml', base)(1),
      'http://s5.test/catalog.xml?page=1',
    );
  });
});

describe('readCatalogQuery', () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof AppError ? e.code : 'other';
    }
  };

  it('accepts whole pages from 1 and refuses 0, negatives, fractions and words', () => {
    assert.equal(readCatalogQuery({ page: '2' }).page, 2);
    assert.equal(readCatalogQuery({}).page, null);
    for (const page of ['0', '-1', '1.5', 'two', '99999999']) {
      assert.equal(
        code(() => readCatalogQuery({ page })),
        'validation',
        page,
      );
    }
  });

  it('turns modified_since into a metadata_modified range, UTC when no zone is given', () => {
    assert.equal(
      modifiedSinceFilter('2026-01-01'),
      'metadata_modified:[2026-01-01T00:00:00.000Z TO *]',
    );
    assert.equal(
      modifiedSinceFilter('2026-01-01T09:00:00+09:00'),
      'metadata_modified:[2026-01-01T00:00:00.000Z TO *]',
    );
    assert.equal(
      modifiedSinceFilter('2026-01-01T09:30'),
      'metadata_modified:[2026-01-01T09:30:00.000Z TO *]',
    );
    for (const v of ['yesterday', '2026-13-01', '2026-01-01T25:00', '2026-01-01] OR *:[*']) {
      assert.equal(
        code(() => modifiedSinceFilter(v)),
        'validation',
        v,
      );
    }
  });
});

describe('negotiateFormat (ckanext-dcat parse_accept_header)', () => {
  it('picks the RDF format the client prefers by q', () => {
    assert.equal(negotiateFormat('text/turtle'), 'ttl');
    assert.equal(negotiateFormat('application/ld+json'), 'jsonld');
    assert.equal(negotiateFormat('application/rdf+xml'), 'rdf');
    assert.equal(negotiateFormat('text/turtle;q=0.5, application/ld+json;q=0.9'), 'jsonld');
  });

  it('sends browsers to the web page and takes the first format of a type wildcard', () => {
    assert.equal(
      negotiateFormat('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'),
      'html',
    );
    assert.equal(negotiateFormat('application/*'), 'rdf');
  });

  it('answers Turtle to clients that take anything, and nothing to those that take no RDF', () => {
    assert.equal(negotiateFormat(undefined), 'ttl');
    assert.equal(negotiateFormat('*/*'), 'ttl');
    assert.equal(negotiateFormat('application/json'), null);
  });
});
