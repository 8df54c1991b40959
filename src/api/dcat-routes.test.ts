import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import {
  canonical,
  objects,
  type ParsedFormat,
  parseRdf,
  subjectsOfType,
  type Triple,
} from '../dcat/testing/parse-rdf.ts';
import { Upload } from '../files/index.ts';
import { drainQueue } from '../ingest/index.ts';
import { mergedRefreshIdle } from '../merged/index.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { createApp } from './index.ts';

const AED = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv/yaizu_222127_aed.csv');
const SITE = 'http://s5.test';
const HOSTILE_TITLE = 'Evil "title" <script>alert(1)</script> """ \\ \n\r\t 🚑 札幌';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

const FORMATS: ReadonlyArray<[string, ParsedFormat, string]> = [
  ['ttl', 'ttl', 'text/turtle; charset=utf-8'],
  ['jsonld', 'jsonld', 'application/ld+json; charset=utf-8'],
  ['xml', 'xml', 'application/rdf+xml; charset=utf-8'],
  ['rdf', 'xml', 'application/rdf+xml; charset=utf-8'],
];

interface Created {
  id: string;
  name: string;
}

for (const backend of testBackends()) {
  describe(`DCAT endpoints (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let users: TestUsers;
    let open: Created;
    let hostile: Created;
    let privateDs: Created;
    let draft: Created;
    let deleted: Created;
    let aed: { dataset: string; resource: string };

    const create = async (overrides: Record<string, unknown>, actor = siteActor) =>
      (await p.call('package_create', buildPackage(overrides), actor)) as Created;
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.request(url, { headers });
    const parse = async (url: string, format: ParsedFormat): Promise<Triple[]> => {
      const res = await get(url);
      assert.equal(res.status, 200, `${url}: ${res.status}`);
      return parseRdf(format, await res.text());
    };
    const ds = (id: string) => `<${SITE}/dataset/${id}>`;
    /** What an anonymous package_search sees: exactly what DCAT must list. */
    const publicDatasets = async () => {
      const r = (await p.call('package_search', { rows: 1000 })) as { results: Created[] };
      return r.results.map((d) => ds(d.id)).sort();
    };
    // Writes start background refreshes of the merged standard tables (src/merged), which are
    // public datasets too: wait for them so that the catalog holds still while it is compared.
    const settle = () => mergedRefreshIdle(p.db);

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
      app = createApp(p);
      open = await create({
        title: '札幌市AED設置箇所一覧',
        notes: '市内のAED',
        maintainer: '保健福祉局',
        maintainer_email: 'hoken@example.jp',
        tags: [{ name: '防災' }],
        resources: [{ url: 'https://example.jp/aed.csv', name: 'AED CSV', format: 'CSV' }],
      });
      hostile = await create({ title: HOSTILE_TITLE, owner_org: 'hakodate-shi' });
      privateDs = await create({ title: '非公開データ', private: true });
      draft = await create({ title: '下書きデータ', state: 'draft' }, users.editor);
      deleted = await create({ title: '削除済みデータ' });
      await p.call('package_delete', { id: deleted.id }, siteActor);
      aed = await publishAed();
      await settle();
    });
    after(() => p?.close());

    /** Uploads the 焼津市 AED file to a public 帯広市 dataset and ingests it (r01-aed). */
    async function publishAed() {
      const pkg = await create({ title: '帯広市AED', owner_org: 'obihiro-shi' });
      const bytes = new Uint8Array(readFileSync(AED));
      const stored = await p.files.put(
        (async function* () {
          yield bytes;
        })(),
        10_000_000,
      );
      const res = (await p.call(
        'resource_create',
        { package_id: pkg.id, name: 'AED', upload: new Upload(stored, 'aed.csv', 'text/csv') },
        siteActor,
      )) as { id: string };
      await p.call('s5_resource_ingest', { id: res.id }, users.sysadmin);
      await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });
      return { dataset: pkg.id, resource: res.id };
    }

    for (const [ext, parser, type] of FORMATS) {
      it(`serves /catalog.${ext} as ${type} that parses, with the public datasets and their publishers`, async () => {
        const res = await get(`/catalog.${ext}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), type);
        const t = await parseRdf(parser, await res.text());
        assert.deepEqual(subjectsOfType(t, `${DCAT}Catalog`), [`<${SITE}>`]);
        const listed = objects(t, `<${SITE}>`, `${DCAT}dataset`).sort();
        assert.deepEqual(listed, await publicDatasets());
        for (const known of [open.id, hostile.id, aed.dataset])
          assert.ok(listed.includes(ds(known)));
        assert.deepEqual(objects(t, ds(open.id), `${DCT}title`), ['"札幌市AED設置箇所一覧"']);
        assert.deepEqual(objects(t, ds(hostile.id), `${DCT}title`), [
          JSON.stringify(HOSTILE_TITLE),
        ]);
        const publisher = objects(t, ds(open.id), `${DCT}publisher`)[0] ?? '';
        assert.deepEqual(objects(t, publisher, `${FOAF}name`), ['"札幌市"']);
        assert.deepEqual(objects(t, publisher, `${DCT}identifier`), ['"011002"']);
        // The catalog's own publisher is the prefecture, 北海道 (010006).
        const catalogPublisher = objects(t, `<${SITE}>`, `${DCT}publisher`)[0] ?? '';
        assert.deepEqual(objects(t, catalogPublisher, `${DCT}identifier`), ['"010006"']);
      });
    }

    it('states the same graph in Turtle, JSON-LD and RDF/XML', async () => {
      const graphs = await Promise.all(
        FORMATS.map(async ([ext, parser]) => canonical(await parse(`/catalog.${ext}`, parser))),
      );
      assert.ok(graphs.every((g) => g === graphs[0]));
    });

    it('never shows a private, draft or deleted dataset in any format', async () => {
      for (const [ext] of FORMATS) {
        const body = await (await get(`/catalog.${ext}`)).text();
        for (const hidden of [privateDs, draft, deleted]) {
          assert.ok(!body.includes(hidden.id), `${ext} shows ${hidden.name}`);
        }
        for (const title of ['非公開データ', '下書きデータ', '削除済みデータ']) {
          assert.ok(!body.includes(title), `${ext} shows ${title}`);
        }
      }
    });

    it('answers 404 for the DCAT document of a private, draft or deleted dataset', async () => {
      for (const hidden of [privateDs, draft, deleted]) {
        for (const ext of ['ttl', 'jsonld', 'rdf']) {
          const res = await get(`/dataset/${hidden.id}.${ext}`, {
            Authorization: users.tokens.sysadmin,
          });
          assert.equal(res.status, 404, `${hidden.name}.${ext}`);
        }
      }
    });

    it('says the ingested AED file conforms to the standard schema it matched', async () => {
      const t = await parse(`/dataset/${aed.dataset}.ttl`, 'ttl');
      const dist = `<${SITE}/dataset/${aed.dataset}/resource/${aed.resource}>`;
      assert.deepEqual(objects(t, ds(aed.dataset), `${DCAT}distribution`), [dist]);
      const [standard = ''] = objects(t, dist, `${DCT}conformsTo`);
      assert.equal(standard, `<${SITE}/api/3/action/s5_schema_show?id=r01-aed&format=tableschema>`);
      assert.deepEqual(objects(t, standard, `${DCT}identifier`), ['"r01-aed"']);
      const [publisher = ''] = objects(t, ds(aed.dataset), `${DCT}publisher`);
      assert.deepEqual(objects(t, publisher, `${DCT}identifier`), ['"012076"']);
      // The standard URI serves the schema: the object can be dereferenced.
      const schema = await get(standard.slice(SITE.length + 1, -1));
      assert.equal(((await schema.json()) as { success: boolean }).success, true);
    });

    it('serves /dataset/{id or name}.{ttl,jsonld,xml,rdf} with the dataset, its distribution and contact', async () => {
      for (const [ext, parser, type] of FORMATS) {
        for (const ref of [open.id, open.name]) {
          const res = await get(`/dataset/${ref}.${ext}`);
          assert.equal(res.headers.get('content-type'), type);
          const t = await parseRdf(parser, await res.text());
          assert.deepEqual(subjectsOfType(t, `${DCAT}Dataset`), [ds(open.id)]);
          const [dist = ''] = objects(t, ds(open.id), `${DCAT}distribution`);
          assert.deepEqual(objects(t, dist, `${DCAT}accessURL`), ['<https://example.jp/aed.csv>']);
          assert.deepEqual(objects(t, dist, `${DCT}format`), ['"CSV"']);
          const [contact = ''] = objects(t, ds(open.id), `${DCAT}contactPoint`);
          assert.deepEqual(objects(t, contact, 'http://www.w3.org/2006/vcard/ns#hasEmail'), [
            '<mailto:hoken@example.jp>',
          ]);
        }
      }
    });

    it('negotiates /catalog by Accept header and sends browsers to the portal', async () => {
      const json = await get('/catalog', { Accept: 'application/ld+json' });
      assert.equal(json.headers.get('content-type'), 'application/ld+json; charset=utf-8');
      assert.ok((await parseRdf('jsonld', await json.text())).length > 0);
      const xml = await get('/catalog', { Accept: 'application/rdf+xml;q=0.9, text/turtle;q=0.5' });
      assert.equal(xml.headers.get('content-type'), 'application/rdf+xml; charset=utf-8');
      const browser = await get('/catalog', { Accept: 'text/html,*/*;q=0.8' });
      assert.deepEqual([browser.status, browser.headers.get('location')], [303, '/']);
      assert.equal((await get('/catalog', { Accept: 'application/json' })).status, 406);
    });

    it('refuses a bad page or modified_since with a 409 validation envelope', async () => {
      for (const query of ['page=0', 'page=abc', 'modified_since=yesterday']) {
        const res = await get(`/catalog.ttl?${query}`);
        assert.equal(res.status, 409, query);
        const body = (await res.json()) as { success: boolean; error: { __type: string } };
        assert.deepEqual([body.success, body.error.__type], [false, 'Validation Error']);
      }
    });

    it('uses S5_SITE_URL for every URI it mints', async () => {
      const other = createApp({ ...p, site: { ...p.site, siteUrl: 'https://data.example.jp' } });
      const t = await parseRdf('ttl', await (await other.request('/catalog.ttl')).text());
      assert.deepEqual(subjectsOfType(t, `${DCAT}Catalog`), ['<https://data.example.jp>']);
      assert.ok(
        objects(t, '<https://data.example.jp>', `${DCAT}dataset`).includes(
          `<https://data.example.jp/dataset/${open.id}>`,
        ),
      );
    });

    describe('with 150 more datasets and a later change', () => {
      let total = 0;
      let changedAt = '';
      before(async () => {
        for (let i = 0; i < 150; i++) await create({ name: `bulk-${i}`, title: `一括 ${i}` });
        const clock = p.clock;
        if ('advance' in clock && typeof clock.advance === 'function') clock.advance(86_400_000);
        changedAt = p.clock.now().toISOString();
        await p.call('package_patch', { id: open.id, notes: '更新しました' }, siteActor);
        await settle();
        total = (await publicDatasets()).length;
        assert.ok(total >= 153);
      });

      it('pages by 100 with hydra:PagedCollection links, as ckanext-dcat', async () => {
        const first = await parse('/catalog.ttl?page=1', 'ttl');
        const current = `<${SITE}/catalog.ttl?page=1>`;
        assert.deepEqual(subjectsOfType(first, `${HYDRA}PagedCollection`), [current]);
        assert.deepEqual(objects(first, current, `${HYDRA}totalItems`), [
          `"${total}"^^<http://www.w3.org/2001/XMLSchema#integer>`,
        ]);
        assert.deepEqual(objects(first, current, `${HYDRA}itemsPerPage`), [
          '"100"^^<http://www.w3.org/2001/XMLSchema#integer>',
        ]);
        assert.deepEqual(objects(first, current, `${HYDRA}next`), [`"${SITE}/catalog.ttl?page=2"`]);
        assert.deepEqual(objects(first, current, `${HYDRA}last`), [`"${SITE}/catalog.ttl?page=2"`]);
        assert.deepEqual(objects(first, current, `${HYDRA}previous`), []);
        assert.equal(objects(first, `<${SITE}>`, `${DCAT}dataset`).length, 100);
        const second = await parse('/catalog.ttl?page=2', 'ttl');
        const page2 = `<${SITE}/catalog.ttl?page=2>`;
        assert.deepEqual(objects(second, page2, `${HYDRA}previous`), [
          `"${SITE}/catalog.ttl?page=1"`,
        ]);
        assert.deepEqual(objects(second, page2, `${HYDRA}next`), []);
        const both = new Set([
          ...objects(first, `<${SITE}>`, `${DCAT}dataset`),
          ...objects(second, `<${SITE}>`, `${DCAT}dataset`),
        ]);
        assert.equal(both.size, total);
      });

      it('streams the whole catalog without page, every dataset once and no paging', async () => {
        const t = await parse('/catalog.jsonld', 'jsonld');
        const listed = objects(t, `<${SITE}>`, `${DCAT}dataset`);
        assert.equal(listed.length, total);
        assert.equal(new Set(listed).size, total);
        assert.equal(subjectsOfType(t, `${DCAT}Dataset`).length, total);
        assert.deepEqual(subjectsOfType(t, `${HYDRA}PagedCollection`), []);
        // Each publisher is described once although many datasets share it.
        assert.equal(
          objects(t, `<${SITE}/organization/${await orgId('sapporo-shi')}>`, `${FOAF}name`).length,
          1,
        );
      });

      it('keeps only datasets modified since modified_since, in the page links too', async () => {
        const since = encodeURIComponent(changedAt);
        const t = await parse(`/catalog.xml?modified_since=${since}&page=1`, 'xml');
        assert.deepEqual(objects(t, `<${SITE}>`, `${DCAT}dataset`), [ds(open.id)]);
        const current = `<${SITE}/catalog.xml?modified_since=${since}&page=1>`;
        assert.deepEqual(objects(t, current, `${HYDRA}totalItems`), [
          '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
        ]);
        // The catalog's dct:modified is its newest change.
        const [modified = ''] = objects(t, `<${SITE}>`, `${DCT}modified`);
        assert.ok(modified.startsWith(`"${changedAt.slice(0, 19)}`), modified);
      });
    });

    async function orgId(name: string): Promise<string> {
      return ((await p.call('organization_show', { id: name })) as { id: string }).id;
    }
  });
}
