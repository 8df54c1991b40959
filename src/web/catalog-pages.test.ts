import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteActor, testBackends } from '../../test/support/backends.ts';
import { type OpenPortal, openPortal } from './testing/open-portal.ts';

/** The visible text of a snippet of HTML, tags removed and entities left as they are. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const count = (html: string, needle: string) => html.split(needle).length - 1;

for (const backend of testBackends()) {
  describe(`portal catalog pages (${backend.name})`, { skip: backend.skip }, () => {
    let w: OpenPortal;
    before(async () => {
      w = await openPortal(backend);
      // Enough datasets for a second search page.
      for (let i = 0; i < 21; i++) {
        await w.p.call(
          'package_create',
          { name: `paging-${i}`, title: `ページ送り試験 ${i}`, owner_org: 'otaru-shi' },
          siteActor,
        );
      }
    });
    after(async () => {
      await w?.p.close();
    });

    it('home shows the search box, counts, recent datasets, standard datasets and 14 振興局', async () => {
      const { status, text } = await w.get('/');
      assert.equal(status, 200);
      assert.match(text, /<search><form class="search-form" action="\/dataset" method="get">/);
      const all = (await w.p.call('package_search', { rows: 0 })) as { count: number };
      assert.match(textOf(text), new RegExp(`データセット数 ${all.count} `));
      const recent = text.slice(
        text.indexOf('id="recent-heading"'),
        text.indexOf('id="standard-heading"'),
      );
      assert.equal(count(recent, 'class="dataset-item"'), 5);
      // The AED entry point selects both generations of the standard (current and legacy).
      assert.match(
        text,
        /<a href="\/dataset\?s5_schema=a08-aed&amp;s5_schema=r01-aed">AED設置箇所一覧<\/a>/,
      );
      assert.equal(count(text, 'href="/group/'), 14);
    });

    it('search finds a dataset by a two-character word and lists publisher, formats and date', async () => {
      const { text } = await w.get(`/dataset?q=${encodeURIComponent('設置')}`);
      const expected = (await w.p.call('package_search', { q: '設置', rows: 0 })) as {
        count: number;
      };
      assert.ok(expected.count >= 2);
      assert.match(textOf(text), new RegExp(`${expected.count} 件のデータセット`));
      assert.match(text, /<a href="\/dataset\/sapporo-aed">AED設置箇所一覧<\/a>/);
      assert.match(text, /<a href="\/organization\/sapporo-shi">札幌市<\/a>/);
      assert.match(text, /<span class="format">CSV<\/span>/);
      assert.match(text, /2026年11月25日/);
    });

    it('a facet value in the URL narrows the results, and its link removes it again', async () => {
      const { text } = await w.get('/dataset?organization=hakodate-shi');
      assert.match(textOf(text), /2 件のデータセット/);
      assert.match(text, /href="\/dataset\/hakodate-public-toilet"/);
      assert.equal(text.includes('href="/dataset/sapporo-aed"'), false);
      assert.match(text, /<a class="chip" href="\/dataset"/);
    });

    it('values of one facet are alternatives, so two organizations give both datasets', async () => {
      const { text } = await w.get('/dataset?organization=hakodate-shi&organization=sapporo-shi');
      const countOf = async (org: string) =>
        (
          (await w.p.call('package_search', { fq: `organization:${org}`, rows: 0 })) as {
            count: number;
          }
        ).count;
      const both = (await countOf('hakodate-shi')) + (await countOf('sapporo-shi'));
      assert.ok(both >= 3);
      assert.match(textOf(text), new RegExp(` ${both} 件のデータセット`));
    });

    it('a standard-dataset entry point on the home page lists the datasets whose files match it', async () => {
      const home = await w.get('/');
      const href = /<a href="(\/dataset\?s5_schema=a08-aed[^"]*)">/.exec(home.text)?.[1];
      assert.ok(href, 'AED entry point');
      const { text } = await w.get(href.replaceAll('&amp;', '&'));
      const expected = (await w.p.call('package_search', {
        fq: 's5_schema:(a08-aed OR r01-aed)',
        rows: 0,
      })) as { count: number };
      assert.equal(expected.count, 2);
      assert.match(textOf(text), / 2 件のデータセット/);
      assert.match(text, /href="\/dataset\/sapporo-aed"/);
      assert.match(text, /href="\/dataset\/hakodate-aed"/);
      assert.equal(text.includes('href="/dataset/hakodate-public-toilet"'), false);
    });

    it('offers a standard-dataset facet titled by schema, whose link narrows the results', async () => {
      const all = await w.get('/dataset');
      const facet = all.text.slice(all.text.indexOf('id="facet-s5_schema"'));
      assert.match(facet, /^id="facet-s5_schema">標準データセット<\/h3>/);
      assert.match(
        facet,
        /<a href="\/dataset\?s5_schema=r01-aed"><span class="facet-name">AED設置箇所一覧 — 旧様式（推奨データセット）<\/span><span class="facet-count">2<\/span>/,
      );
      const narrowed = await w.get('/dataset?s5_schema=a13-public_toilet');
      assert.match(textOf(narrowed.text), / 1 件のデータセット/);
      assert.match(narrowed.text, /href="\/dataset\/hakodate-public-toilet"/);
      assert.match(
        narrowed.text,
        /<a class="chip" href="\/dataset" aria-label="条件を外す: 標準データセット 公衆トイレ一覧">/,
      );
    });

    it('names the standard-dataset facet and its conformance levels in English when asked', async () => {
      const { text } = await w.get('/dataset?lang=en');
      assert.match(text, /<h3 id="facet-s5_schema">Standard dataset<\/h3>/);
      assert.match(text, /<span class="facet-name">AED locations — Legacy format<\/span>/);
      assert.match(text, /<span class="facet-name">Conforming with warnings<\/span>/);
    });

    it('pages through results with plain links and keeps the query in them', async () => {
      const first = await w.get(`/dataset?q=${encodeURIComponent('ページ送り')}`);
      const second = await w.get(`/dataset?q=${encodeURIComponent('ページ送り')}&page=2`);
      assert.equal(count(first.text, 'class="dataset-item"'), 20);
      assert.equal(count(second.text, 'class="dataset-item"'), 1);
      assert.match(
        first.text,
        /href="\/dataset\?q=%E3%83%9A%E3%83%BC%E3%82%B8%E9%80%81%E3%82%8A&amp;page=2" rel="next"/,
      );
    });

    it('sorts by title when asked', async () => {
      const { text } = await w.get(
        '/dataset?sort=title&organization=sapporo-shi&organization=hakodate-shi',
      );
      assert.ok(text.indexOf('AED設置箇所一覧') < text.indexOf('公衆トイレ一覧'));
      assert.match(text, /<option value="title" selected="">/);
    });

    it('answers a malformed search with a 400 page naming the problem', async () => {
      const { status, text } = await w.get('/dataset?tags=%22');
      assert.equal(status, 200, 'quoted values are escaped, so a quote is just a value');
      assert.match(textOf(text), /0 件のデータセット/);
    });

    it('dataset page shows metadata, the conformance badge and the validation summary', async () => {
      const { status, text } = await w.get('/dataset/sapporo-aed');
      assert.equal(status, 200);
      assert.match(text, /<h1>AED設置箇所一覧<\/h1>/);
      assert.match(text, /<strong>AED（自動体外式除細動器）<\/strong>/);
      assert.match(textOf(text), /適合（警告あり） AED設置箇所一覧（r01-aed）/);
      assert.match(textOf(text), /エラー 0 件、警告 4 件、お知らせ 76 件/);
      assert.match(text, /href="\/group\/ishikari">石狩振興局<\/a>/);
    });

    it('previews 20 of the 82 rows, and the last page holds rows 81–82', async () => {
      const first = await w.get('/dataset/sapporo-aed');
      const last = await w.get(`/dataset/sapporo-aed?resource=${w.demo.aed.resourceId}&ppage=5`);
      assert.match(textOf(first.text), /全 82 行中 1〜20 行目/);
      assert.match(textOf(last.text), /全 82 行中 81〜82 行目/);
      const body = last.text.slice(
        last.text.indexOf('<tbody>', last.text.indexOf('preview-table')),
      );
      assert.equal(count(body.slice(0, body.indexOf('</tbody>')), '<tr>'), 2);
    });

    it('sorts the preview by a column from the URL and marks the column header', async () => {
      const { text } = await w.get(
        `/dataset/sapporo-aed?resource=${w.demo.aed.resourceId}&psort=${encodeURIComponent('NO')}&pdir=desc`,
      );
      assert.match(text, /<th scope="col" aria-sort="descending">/);
      const numbers = [...text.matchAll(/<td>222127<\/td><td>(\d{10})<\/td>/g)].map((m) => m[1]);
      assert.equal(numbers.length, 20);
      assert.deepEqual(numbers, [...numbers].sort().reverse());
      assert.equal(numbers.includes('0000000001'), false);
    });

    it('filters the preview with words from the URL', async () => {
      const { text } = await w.get(
        `/dataset/sapporo-aed?resource=${w.demo.aed.resourceId}&pq=${encodeURIComponent('消防')}`,
      );
      assert.match(textOf(text), /全 [1-9] 行中/);
      assert.match(text, /消防防災センター/);
      assert.equal(text.includes('市役所本館'), false);
    });

    it('offers every export format, and its CSV link downloads the same rows', async () => {
      const { text } = await w.get('/dataset/sapporo-aed');
      const rid = w.demo.aed.resourceId;
      for (const f of ['csv', 'csv&amp;bom=true', 'csv-cp932', 'tsv', 'json', 'geojson', 'xlsx']) {
        assert.ok(text.includes(`href="/datastore/dump/${rid}?format=${f}"`), f);
      }
      const csv = await w.app.request(`/datastore/dump/${rid}?format=csv`);
      assert.equal(csv.status, 200);
      assert.equal((await csv.text()).trim().split('\n').length, 83);
    });

    it('names the API call that returns the previewed rows, and that call answers them', async () => {
      const { text } = await w.get('/dataset/sapporo-aed');
      const m = /http:\/\/s5\.test(\/api\/3\/action\/datastore_search\?[^"]+)"/.exec(text);
      assert.ok(m?.[1], 'datastore_search link');
      const res = await w.app.request(m[1].replaceAll('&amp;', '&'));
      const body = (await res.json()) as { result: { records: unknown[]; total: number } };
      assert.deepEqual([body.result.records.length, body.result.total], [20, 82]);
    });

    it('puts a map with its script only on pages of tables with coordinates', async () => {
      const aed = await w.get('/dataset/sapporo-aed');
      const plain = await w.get('/dataset/obihiro-evacuation');
      assert.match(
        aed.text,
        /<div id="map" class="map" data-geojson="\/datastore\/dump\/[^"]+\?format=geojson"/,
      );
      assert.match(aed.text, /<script type="module" src="\/static\/map\.js\?v=/);
      assert.equal(plain.text.includes('<script'), false);
      assert.equal((await w.get('/')).text.includes('<script'), false);
    });

    it('answers an unknown dataset with the HTML 404 page', async () => {
      const { status, text } = await w.get('/dataset/no-such-dataset');
      assert.equal(status, 404);
      assert.match(text, /<h1>ページが見つかりません<\/h1>/);
    });

    it('a merged prefecture-wide dataset filters its table by municipality', async (t) => {
      if (!w.demo.mergedAed) return t.skip('the merged capability is not installed');
      const all = await w.get(`/dataset/${w.demo.mergedAed}`);
      const one = await w.get(`/dataset/${w.demo.mergedAed}?pmuni=${encodeURIComponent('函館市')}`);
      assert.match(
        all.text,
        /<option value="函館市">函館市<\/option><option value="札幌市">札幌市<\/option>/,
      );
      assert.match(textOf(all.text), /全 164 行中 1〜20 行目/);
      assert.match(textOf(one.text), /全 82 行中 1〜20 行目/);
      assert.match(one.text, /data-filter-field="公開者_名称" data-filter-value="函館市"/);
      assert.match(
        (await w.get('/')).text,
        new RegExp(`href="/dataset/${w.demo.mergedAed}">全域統合データ（164）`),
      );
    });

    it('lists all 180 organizations by 振興局 with their dataset counts', async () => {
      const { text } = await w.get('/organization');
      assert.equal(count(text, 'href="/organization/'), 180);
      assert.match(text, /<h2 id="region-ishikari">石狩振興局<\/h2>/);
    });

    it('an organization page shows its datasets and its standard-dataset coverage', async () => {
      const { text } = await w.get('/organization/sapporo-shi');
      assert.match(text, /href="\/dataset\/sapporo-aed"/);
      assert.match(text, /<td>011002<\/td>/);
      assert.match(textOf(text), /AED設置箇所一覧 ○ 適合（警告あり） 82/);
    });

    it('a 振興局 page lists its municipalities and the datasets published there', async () => {
      const { text } = await w.get('/group/oshima');
      assert.match(text, /href="\/organization\/hakodate-shi">函館市<\/a>/);
      assert.match(text, /href="\/dataset\/hakodate-public-toilet"/);
      assert.equal(text.includes('href="/dataset/sapporo-aed"'), false);
    });

    it('the coverage page has a row per publisher and marks published cells with words', async () => {
      const all = await w.get('/coverage');
      const region = await w.get('/coverage?region=oshima&generation=current');
      assert.match(textOf(all.text), /（180 団体 × 17 データセット）/);
      assert.match(
        all.text,
        /<th scope="row"><a href="\/organization\/sapporo-shi">札幌市<\/a><\/th>/,
      );
      assert.match(
        all.text,
        /<td class="lv-warn"><span aria-hidden="true">○<\/span><span class="visually-hidden">適合（警告あり）<\/span><\/td>/,
      );
      assert.match(textOf(region.text), /（11 団体 × 17 データセット）/);
      // 函館市's toilet file (a real one) misses required columns of the current format.
      assert.match(
        region.text,
        /<td class="lv-bad"><span aria-hidden="true">△<\/span><span class="visually-hidden">不適合<\/span>/,
      );
    });
  });
}
