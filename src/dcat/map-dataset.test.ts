import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateLiteral } from './date-literal.ts';
import { type DatasetContext, mapDataset } from './map-dataset.ts';
import { readPackage } from './package-view.ts';
import { curie, RDF_TYPE, type RdfNode, type Term } from './terms.ts';

const SITE = 'http://s5.test';
const DS = `${SITE}/dataset/0b6b9c1e-1111-4000-8000-000000000001`;
const RES = `${SITE}/dataset/0b6b9c1e-1111-4000-8000-000000000001/resource/r-1`;

/** A package dict as package_show presents it. */
function dict(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '0b6b9c1e-1111-4000-8000-000000000001',
    name: 'sapporo-aed',
    title: 'AED設置箇所一覧',
    notes: '札幌市内のAED',
    url: '',
    version: '2.0',
    author: '',
    author_email: '',
    maintainer: '保健福祉局',
    maintainer_email: 'hoken@city.sapporo.jp',
    license_id: 'cc-by-4.0',
    license_title: 'CC BY 4.0',
    license_url: 'https://creativecommons.org/licenses/by/4.0/',
    metadata_created: '2026-11-25T03:00:00.000000',
    metadata_modified: '2026-11-26T04:05:06.123000',
    organization: { id: 'org-sapporo', name: 'sapporo-shi', title: '札幌市' },
    tags: [{ name: '防災' }, { name: 'AED' }],
    groups: [{ name: 'ishikari', title: '石狩振興局' }],
    extras: [],
    resources: [
      {
        id: 'r-1',
        package_id: '0b6b9c1e-1111-4000-8000-000000000001',
        url: 'http://s5.test/dataset/x/resource/r-1/download/aed.csv',
        name: 'AED一覧',
        description: '',
        format: 'CSV',
        mimetype: 'text/csv',
        size: 1234,
        hash: `sha256:${'ab'.repeat(32)}`,
        created: '2026-11-25T03:00:00.000000',
        metadata_modified: '2026-11-25T03:00:00.000000',
        url_type: 'upload',
        datastore_active: true,
      },
    ],
    ...overrides,
  };
}

const ctx: DatasetContext = {
  siteUrl: SITE,
  publisher: { id: 'org-sapporo', name: 'sapporo-shi', title: '札幌市', code: '011002' },
  standards: new Map([['r-1', { id: 'r01-aed', title: { ja: 'AED設置箇所一覧', en: 'AED' } }]]),
};

function all(raw: Record<string, unknown>, c: DatasetContext = ctx): RdfNode[] {
  const g = mapDataset(readPackage(raw), c);
  return [...g.nodes, ...g.shared];
}

/** Objects of subject/predicate as short strings: `<iri>`, `_:label`, `"text"` (+ `@lang`/`^^dt`). */
function values(nodes: readonly RdfNode[], subject: string, predicate: string): string[] {
  const show = (t: Term) =>
    t.kind === 'iri'
      ? `<${t.value}>`
      : t.kind === 'blank'
        ? `_:${t.label}`
        : `"${t.value}"${t.lang ? `@${t.lang}` : ''}${t.datatype ? `^^${t.datatype.split('#')[1]}` : ''}`;
  return nodes
    .filter(
      (n) =>
        (n.subject.kind === 'iri' ? `<${n.subject.value}>` : `_:${n.subject.label}`) === subject,
    )
    .flatMap((n) => n.props.filter(([p]) => p === predicate).map(([, o]) => show(o)));
}

const dct = (l: string) => curie('dct', l);
const dcat = (l: string) => curie('dcat', l);

describe('mapDataset (euro_dcat_ap)', () => {
  it('states the dataset fields ckanext-dcat maps: title, notes, identifier, keywords, dates, version', () => {
    const n = all(dict());
    assert.deepEqual(values(n, `<${DS}>`, RDF_TYPE), [`<${dcat('Dataset')}>`]);
    assert.deepEqual(values(n, `<${DS}>`, dct('title')), ['"AED設置箇所一覧"']);
    assert.deepEqual(values(n, `<${DS}>`, dct('description')), ['"札幌市内のAED"']);
    assert.deepEqual(values(n, `<${DS}>`, dct('identifier')), [
      '"0b6b9c1e-1111-4000-8000-000000000001"',
    ]);
    assert.deepEqual(values(n, `<${DS}>`, dcat('keyword')), ['"防災"', '"AED"']);
    assert.deepEqual(values(n, `<${DS}>`, dct('issued')), ['"2026-11-25T03:00:00Z"^^dateTime']);
    assert.deepEqual(values(n, `<${DS}>`, dct('modified')), [
      '"2026-11-26T04:05:06.123Z"^^dateTime',
    ]);
    assert.deepEqual(values(n, `<${DS}>`, curie('owl', 'versionInfo')), ['"2.0"']);
  });

  it('names the publisher as a foaf:Agent whose dct:identifier is its 全国地方公共団体コード', () => {
    const n = all(dict());
    const agent = `<${SITE}/organization/org-sapporo>`;
    assert.deepEqual(values(n, `<${DS}>`, dct('publisher')), [agent]);
    assert.deepEqual(values(n, agent, RDF_TYPE), [`<${curie('foaf', 'Agent')}>`]);
    assert.deepEqual(values(n, agent, curie('foaf', 'name')), ['"札幌市"']);
    assert.deepEqual(values(n, agent, dct('identifier')), ['"011002"']);
  });

  it('gives the maintainer as a vcard:Organization contact point with a mailto: address', () => {
    const n = all(dict());
    const [contact = ''] = values(n, `<${DS}>`, dcat('contactPoint'));
    assert.deepEqual(values(n, contact, curie('vcard', 'fn')), ['"保健福祉局"']);
    assert.deepEqual(values(n, contact, curie('vcard', 'hasEmail')), [
      '<mailto:hoken@city.sapporo.jp>',
    ]);
  });

  it('falls back to the publisher as contact point when no maintainer or author is given', () => {
    const n = all(dict({ maintainer: '', maintainer_email: '' }));
    const [contact = ''] = values(n, `<${DS}>`, dcat('contactPoint'));
    assert.deepEqual(values(n, contact, curie('vcard', 'fn')), ['"札幌市"']);
    assert.deepEqual(values(n, contact, curie('vcard', 'hasEmail')), []);
  });

  it('makes groups themes, the licence an IRI and the source URL (or the portal page) the landing page', () => {
    const n = all(dict());
    assert.deepEqual(values(n, `<${DS}>`, dcat('theme')), [`<${SITE}/group/ishikari>`]);
    assert.deepEqual(values(n, `<${SITE}/group/ishikari>`, curie('skos', 'prefLabel')), [
      '"石狩振興局"',
    ]);
    assert.deepEqual(values(n, `<${DS}>`, dct('license')), [
      '<https://creativecommons.org/licenses/by/4.0/>',
    ]);
    assert.deepEqual(values(n, `<${DS}>`, dcat('landingPage')), [`<${SITE}/dataset/sapporo-aed>`]);
    const withUrl = all(dict({ url: 'https://www.city.sapporo.jp/aed.html' }));
    assert.deepEqual(values(withUrl, `<${DS}>`, dcat('landingPage')), [
      '<https://www.city.sapporo.jp/aed.html>',
    ]);
  });

  it('maps a resource to a dcat:Distribution with URLs, format, media type, size, checksum and licence', () => {
    const n = all(dict());
    assert.deepEqual(values(n, `<${DS}>`, dcat('distribution')), [`<${RES}>`]);
    assert.deepEqual(values(n, `<${RES}>`, dct('title')), ['"AED一覧"']);
    const url = '<http://s5.test/dataset/x/resource/r-1/download/aed.csv>';
    assert.deepEqual(values(n, `<${RES}>`, dcat('accessURL')), [url]);
    assert.deepEqual(values(n, `<${RES}>`, dcat('downloadURL')), [url]);
    assert.deepEqual(values(n, `<${RES}>`, dct('format')), ['"CSV"']);
    assert.deepEqual(values(n, `<${RES}>`, dcat('mediaType')), ['"text/csv"']);
    assert.deepEqual(values(n, `<${RES}>`, dcat('byteSize')), ['"1234"^^decimal']);
    const [checksum = ''] = values(n, `<${RES}>`, curie('spdx', 'checksum'));
    assert.deepEqual(values(n, checksum, curie('spdx', 'checksumValue')), [
      `"${'ab'.repeat(32)}"^^hexBinary`,
    ]);
    assert.deepEqual(values(n, checksum, curie('spdx', 'algorithm')), [
      `<${curie('spdx', 'checksumAlgorithm_sha256')}>`,
    ]);
    assert.deepEqual(values(n, `<${RES}>`, dct('license')), [
      '<https://creativecommons.org/licenses/by/4.0/>',
    ]);
  });

  it('says a distribution conforms to the standard schema its latest load matched', () => {
    const n = all(dict());
    const standard = `<${SITE}/api/3/action/s5_schema_show?id=r01-aed&format=tableschema>`;
    assert.deepEqual(values(n, `<${RES}>`, dct('conformsTo')), [standard]);
    assert.deepEqual(values(n, standard, RDF_TYPE), [`<${dct('Standard')}>`]);
    assert.deepEqual(values(n, standard, dct('title')), ['"AED設置箇所一覧"@ja', '"AED"@en']);
    const none = all(dict(), { ...ctx, standards: new Map() });
    assert.deepEqual(values(none, `<${RES}>`, dct('conformsTo')), []);
  });

  it('puts a format that is a media type into dcat:mediaType, as ckanext-dcat does', () => {
    const [r] = dict().resources as Array<Record<string, unknown>>;
    const n = all(dict({ resources: [{ ...r, format: 'text/csv', mimetype: '' }] }));
    assert.deepEqual(values(n, `<${RES}>`, dcat('mediaType')), ['"text/csv"']);
    assert.deepEqual(values(n, `<${RES}>`, dct('format')), []);
  });

  it('never turns a relative or javascript: URL into an IRI', () => {
    const [r] = dict().resources as Array<Record<string, unknown>>;
    const n = all(
      dict({
        url: 'javascript:alert(1)',
        resources: [{ ...r, url: 'javascript:alert(1)', url_type: '', hash: 'not hex' }],
      }),
    );
    assert.deepEqual(values(n, `<${RES}>`, dcat('accessURL')), []);
    assert.deepEqual(values(n, `<${RES}>`, curie('spdx', 'checksum')), []);
    assert.deepEqual(values(n, `<${DS}>`, dcat('landingPage')), [`<${SITE}/dataset/sapporo-aed>`]);
  });

  it('reads ckanext-dcat extras: frequency, language list, temporal and spatial', () => {
    const n = all(
      dict({
        extras: [
          { key: 'frequency', value: 'http://purl.org/cld/freq/annual' },
          { key: 'language', value: '["ja", "en"]' },
          { key: 'temporal_start', value: '2025-04-01' },
          { key: 'temporal_end', value: '2026-03' },
          { key: 'spatial_text', value: '札幌市' },
        ],
      }),
    );
    assert.deepEqual(values(n, `<${DS}>`, dct('accrualPeriodicity')), [
      '<http://purl.org/cld/freq/annual>',
    ]);
    assert.deepEqual(values(n, `<${DS}>`, dct('language')), ['"ja"', '"en"']);
    const [period = ''] = values(n, `<${DS}>`, dct('temporal'));
    assert.deepEqual(values(n, period, curie('schema', 'startDate')), ['"2025-04-01"^^date']);
    assert.deepEqual(values(n, period, curie('schema', 'endDate')), ['"2026-03"^^gYearMonth']);
    const [place = ''] = values(n, `<${DS}>`, dct('spatial'));
    assert.deepEqual(values(n, place, curie('skos', 'prefLabel')), ['"札幌市"']);
  });
});

describe('dateLiteral', () => {
  it('types years, months, dates and CKAN timestamps, and keeps anything else as text', () => {
    const show = (v: string) => {
      const t = dateLiteral(v);
      return t ? `${t.value} ${t.datatype?.split('#')[1] ?? 'plain'}` : null;
    };
    assert.deepEqual(
      [
        '2026',
        '2026-04',
        '2026-04-01',
        '2026-04-01T09:00:00.000000',
        '2026-04-01T09:00+09:00',
        '令和8年',
        '',
      ].map(show),
      [
        '2026 gYear',
        '2026-04 gYearMonth',
        '2026-04-01 date',
        '2026-04-01T09:00:00Z dateTime',
        '2026-04-01T09:00:00+09:00 dateTime',
        '令和8年 plain',
        null,
      ],
    );
  });
});
