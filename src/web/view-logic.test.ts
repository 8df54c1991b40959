import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartGeometry, niceTicks } from './components/line-chart.tsx';
import { pageNumber, pageWindow } from './components/pager.tsx';
import { securityHeaders } from './http/security-headers.ts';
import { chooseLang, makeUi } from './i18n/ui.ts';
import { coverageView, slugOf } from './pages/coverage-view.ts';
import { previewSearchInput, readPreviewState } from './pages/preview-params.ts';
import {
  facetSearchUrl,
  quoteFilterValue,
  readSearchState,
  searchInput,
  searchUrl,
  toggleFilter,
} from './pages/search-params.ts';

describe('search page state', () => {
  it('round-trips through its URL', () => {
    const url =
      '/dataset?q=AED&organization=sapporo-shi&organization=hakodate-shi&tags=%E9%98%B2%E7%81%BD&sort=title&page=3';
    const state = readSearchState(new URL(url, 'http://x').searchParams);
    assert.equal(searchUrl(state), url);
  });

  it('ORs the values of a facet and ANDs facets, quoting every value', () => {
    const state = readSearchState(new URLSearchParams('organization=a&organization=b&tags=防災'));
    assert.equal(searchInput(state).fq, 'organization:("a" OR "b") tags:("防災")');
  });

  it('filters by standard dataset from the URL, both generations as alternatives', () => {
    const url = facetSearchUrl('s5_schema', ['a08-aed', 'r01-aed']);
    const state = readSearchState(new URL(url, 'http://x').searchParams);
    assert.equal(url, '/dataset?s5_schema=a08-aed&s5_schema=r01-aed');
    assert.equal(searchInput(state).fq, 's5_schema:("a08-aed" OR "r01-aed")');
    assert.deepEqual(searchInput(state)['facet.field'], [
      'organization',
      'groups',
      's5_schema',
      'tags',
      'res_format',
      'license_id',
      's5_conformance',
    ]);
  });

  it('escapes quotes and backslashes in filter values', () => {
    assert.equal(quoteFilterValue('a"b\\c'), '"a\\"b\\\\c"');
  });

  it('toggling a filter adds or removes it and goes back to page 1', () => {
    const state = readSearchState(new URLSearchParams('tags=a&page=4'));
    assert.deepEqual(toggleFilter(state, 'tags', 'a').filters.tags, []);
    assert.deepEqual(toggleFilter(state, 'tags', 'b').filters.tags, ['a', 'b']);
    assert.equal(toggleFilter(state, 'tags', 'b').page, 1);
  });

  it('ignores an unknown sort and a page that is not a positive integer', () => {
    const state = readSearchState(new URLSearchParams('sort=drop+table&page=-2'));
    assert.deepEqual([state.sort, state.page], ['relevance', 1]);
    assert.equal(searchInput(state).start, 0);
  });
});

describe('preview state', () => {
  it('sorts only by a column the table has', () => {
    const fields = [{ id: '名称', type: 'text' }];
    const known = readPreviewState(new URLSearchParams('psort=名称&pdir=desc&ppage=2'));
    const unknown = readPreviewState(new URLSearchParams('psort=_id; drop'));
    assert.deepEqual(previewSearchInput('r', known, fields), {
      resource_id: 'r',
      limit: 20,
      offset: 20,
      sort: '"名称" desc',
    });
    assert.equal('sort' in previewSearchInput('r', unknown, fields), false);
  });
});

describe('pager', () => {
  it('shows first, last and a window around the current page with gaps', () => {
    assert.deepEqual(pageWindow(6, 12), [1, 0, 4, 5, 6, 7, 8, 0, 12]);
    assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  });

  it('reads page numbers defensively', () => {
    assert.deepEqual(
      ['2', '0', 'x', '1.5', undefined].map((v) => pageNumber(v)),
      [2, 1, 1, 1, 1],
    );
  });
});

describe('coverage view', () => {
  const matrix = {
    schemas: [
      { id: 'a08-aed', title: { ja: 'AED設置箇所一覧', en: 'AED' }, generation: 'current' },
      { id: 'r01-aed', title: { ja: 'AED設置箇所一覧', en: 'AED' }, generation: 'legacy' },
      {
        id: 'a13-public_toilet',
        title: { ja: '公衆トイレ一覧', en: 'Toilets' },
        generation: 'current',
      },
    ],
    publishers: [
      { id: '1', name: 'a', title: 'A市', code: '011', region: null },
      { id: '2', name: 'b', title: 'B町', code: '012', region: null },
    ],
    cells: [
      {
        publisher: '011',
        schema: 'a08-aed',
        published: true,
        conformance: 'nonconforming',
        row_count: 5,
      },
      {
        publisher: '011',
        schema: 'r01-aed',
        published: true,
        conformance: 'conforming',
        row_count: 9,
      },
      { publisher: '012', schema: 'a13-public_toilet', published: false },
    ],
  };

  it('merges the two generations of a dataset into one column showing the better level', () => {
    const view = coverageView(matrix, 'all');
    assert.deepEqual(
      view.columns.map((c) => c.schemaIds),
      [['a08-aed', 'r01-aed'], ['a13-public_toilet']],
    );
    assert.deepEqual(view.rows[0]?.cells[0], { level: 'conforming', rowCount: 9, datasetIds: [] });
    assert.deepEqual(view.publishing, [1, 0]);
  });

  it('keeps the generations apart when one is chosen', () => {
    const view = coverageView(matrix, 'current');
    assert.deepEqual(
      view.columns.map((c) => c.key),
      ['a08-aed', 'a13-public_toilet'],
    );
    assert.equal(view.rows[0]?.cells[0]?.level, 'nonconforming');
  });

  it('knows the slug of a schema id', () => {
    assert.deepEqual([slugOf('a08-aed'), slugOf('r13-preschool')], ['aed', 'preschool']);
  });
});

describe('chart geometry', () => {
  it('chooses round ticks that cover the values', () => {
    assert.deepEqual(niceTicks(0, 73.2), [0, 20, 40, 60, 80]);
    assert.deepEqual(niceTicks(5, 5), [4.5, 5, 5.5]);
  });

  it('maps the first and last year to the plot edges and higher values upwards', () => {
    const g = chartGeometry([2020, 2024], [0, 100]);
    assert.ok(g.xOf(2020) < g.xOf(2024));
    assert.ok(g.yOf(100) < g.yOf(0));
  });
});

describe('language', () => {
  it('prefers ?lang, then the cookie, else Japanese', () => {
    assert.deepEqual(
      [chooseLang('en', 'ja'), chooseLang(undefined, 'en'), chooseLang('fr', undefined)],
      ['en', 'en', 'ja'],
    );
  });

  it('fills placeholders and formats numbers and JST dates per language', () => {
    const ja = makeUi('ja');
    const en = makeUi('en');
    assert.equal(ja.t('resultsCount', { n: ja.num(12345) }), '12,345 件のデータセット');
    assert.equal(en.t('resultsCount', { n: en.num(12345) }), '12,345 datasets');
    assert.equal(ja.date('2026-11-25T16:00:00.000000'), '2026年11月26日');
    assert.equal(en.date('2026-11-25T03:00:00'), '25 Nov 2026');
  });
});

describe('security headers', () => {
  it('allow images and fetches from a configured tile server, and nothing else foreign', () => {
    const plain = securityHeaders(undefined)['Content-Security-Policy'];
    const tiles = securityHeaders('https://tiles.example.jp/{z}/{x}/{y}.png')[
      'Content-Security-Policy'
    ];
    assert.match(plain, /img-src 'self' data: blob:;/);
    assert.match(tiles, /img-src 'self' data: blob: https:\/\/tiles\.example\.jp;/);
    assert.match(tiles, /connect-src 'self' https:\/\/tiles\.example\.jp;/);
    assert.match(tiles, /script-src 'self';/);
  });
});
