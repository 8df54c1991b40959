import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import { HOSTILE } from '../testing/hostile.ts';
import { type OpenStaff, openStaff } from './testing/open-staff.ts';
import { csrfOf, StaffClient } from './testing/staff-client.ts';
import { DEFECTIVE_CSV, fillMissingPlaces } from './testing/staff-demo.ts';

const DEFECTIVE = DEFECTIVE_CSV;

/** Markup that would run script if it reached the page unescaped. */
const DANGEROUS = [
  /<script(?![^>]*\bsrc="\/static\/)/i,
  /<img[^>]*onerror/i,
  /<svg[^>]*onload/i,
  /href="\s*javascript:/i,
];
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A multipart form with the CSRF token, as the upload form sends it. */
function uploadForm(token: string, file: Uint8Array, fileName: string, extra = {}): FormData {
  const form = new FormData();
  form.set('csrf_token', token);
  for (const [k, v] of Object.entries(extra)) form.set(k, String(v));
  form.set('upload', new File([file], fileName, { type: 'text/csv' }));
  return form;
}

for (const backend of testBackends()) {
  describe(`staff pages: datasets, uploads and reports (${backend.name})`, {
    skip: backend.skip,
  }, () => {
    let w: OpenStaff;
    before(async () => {
      w = await openStaff(backend);
    });
    after(async () => {
      await w?.p.close();
    });

    it('sends anonymous visitors of every staff page to the login form', async () => {
      const anonymous = new StaffClient(w.app);
      for (const page of [
        '/staff',
        '/staff/dataset/new',
        '/staff/dataset/sapporo-public',
        '/staff/dataset/sapporo-public/edit',
        '/staff/dataset/sapporo-public/resource/new',
        '/staff/resource/any-id',
        '/staff/resource/any-id/edit',
        '/staff/resource/any-id/fixed.csv',
        '/staff/organization/sapporo-shi/members',
        '/staff/tokens',
        '/staff/plan',
        '/staff/plan/2025',
        '/user/password',
      ]) {
        const r = await anonymous.get(page);
        assert.equal(r.status, 303, page);
        assert.equal(r.location, `/user/login?came_from=${encodeURIComponent(page)}`);
      }
      const post = await anonymous.post('/staff/dataset/new', {
        name: 'anonymous-dataset',
        title: 'x',
        owner_org: 'sapporo-shi',
      });
      assert.equal(post.status, 303);
      assert.match(post.location ?? '', /^\/user\/login/);
      await assert.rejects(w.p.call('package_show', { id: 'anonymous-dataset' }, siteActor));
    });

    it("lists the user's organizations with their role and their private datasets, not others'", async () => {
      const r = await w.as.editor.get('/staff');
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(
        r.text,
        /<a href="\/organization\/sapporo-shi">札幌市<\/a><\/td><td>編集者<\/td>/,
      );
      assert.match(r.text, /href="\/staff\/dataset\/sapporo-private"/);
      assert.match(r.text, /非公開/);
      assert.doesNotMatch(r.text, /hakodate-private/);
      // The header shows who is logged in, with a logout form carrying the token.
      assert.match(r.text, /<a class="lang-switch" href="\/staff">sapporo-editor<\/a>/);
      assert.match(r.text, /<form class="logout-form" method="post" action="\/user\/logout">/);
    });

    it('creates a private dataset from the form, with tags split at commas and 読点', async () => {
      const r = await w.as.editor.submit('/staff/dataset/new', '/staff/dataset/new', {
        title: '登別市 公衆トイレ一覧',
        name: 'staff-toilets',
        notes: '市内の公衆トイレです。',
        owner_org: 'sapporo-shi',
        license_id: 'cc-by-4.0',
        tags: '観光、福祉, トイレ',
        groups: ['ishikari', 'iburi'],
        private: 'true',
      });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/staff/dataset/staff-toilets?done=created');
      const d = (await w.p.call('package_show', { id: 'staff-toilets' }, siteActor)) as {
        private: boolean;
        tags: Array<{ name: string }>;
        groups: Array<{ name: string }>;
        notes: string;
      };
      assert.equal(d.private, true);
      assert.deepEqual(d.tags.map((t) => t.name).sort(), ['トイレ', '福祉', '観光'].sort());
      assert.deepEqual(d.groups.map((g) => g.name).sort(), ['iburi', 'ishikari']);
      const page = await w.as.editor.get(r.location ?? '');
      assert.match(page.text, /データセットを作成しました（非公開）/);
    });

    it('refuses a form larger than the body limit without creating anything', async () => {
      const r = await w.as.editor.submit('/staff/dataset/new', '/staff/dataset/new', {
        title: 'x',
        name: 'too-large-form',
        owner_org: 'sapporo-shi',
        notes: 'あ'.repeat(w.p.config.maxBodyBytes),
      });
      assert.equal(r.status, 400);
      await assert.rejects(w.p.call('package_show', { id: 'too-large-form' }, siteActor));
    });

    it('shows refused fields next to the form and keeps what was typed', async () => {
      const r = await w.as.editor.submit('/staff/dataset/new', '/staff/dataset/new', {
        title: '名前が不正なデータセット',
        name: 'Not a valid name!',
        owner_org: 'sapporo-shi',
      });
      assert.equal(r.status, 400);
      assert.match(r.text, /<div class="form-errors" role="alert"/);
      assert.match(r.text, /<a href="#ds-name">URL 名: /);
      assert.match(r.text, /id="ds-name" name="name" type="text" value="not a valid name!"/);
      assert.match(r.text, /aria-invalid="true" aria-describedby="ds-name-hint ds-name-error"/);
      assert.match(r.text, /value="名前が不正なデータセット"/);
    });

    it("hides another organization's private dataset (404) and refuses editing a public one (403)", async () => {
      assert.equal((await w.as.other.get('/staff/dataset/sapporo-private')).status, 404);
      assert.equal((await w.as.other.get('/staff/dataset/sapporo-private/edit')).status, 404);
      assert.equal((await w.as.other.get('/staff/dataset/sapporo-public')).status, 403);
      assert.equal((await w.as.member.get('/staff/dataset/sapporo-public')).status, 403);
      const edit = await w.as.other.submit('/staff', '/staff/dataset/sapporo-public/edit', {
        title: '乗っ取り',
        name: 'sapporo-public',
      });
      assert.equal(edit.status, 403);
      const hide = await w.as.other.submit('/staff', '/staff/dataset/sapporo-public/visibility', {
        private: 'true',
      });
      assert.equal(hide.status, 403);
      const d = (await w.p.call('package_show', { id: 'sapporo-public' })) as {
        title: string;
        private: boolean;
      };
      assert.equal(d.title, '札幌の公開データ');
      assert.equal(d.private, false);
    });

    describe('upload → report → fixed file → publish', () => {
      let resourceId = '';

      it('uploads a file, queues its ingest and follows the job only when asked to', async () => {
        const form = await w.as.editor.get('/staff/dataset/staff-toilets/resource/new');
        assert.match(form.text, /enctype="multipart\/form-data"/);
        assert.match(form.text, /<label for="res-file">アップロードするファイル<\/label>/);
        const r = await w.as.editor.post(
          '/staff/dataset/staff-toilets/resource/new',
          uploadForm(csrfOf(form.text), readFileSync(DEFECTIVE), '登別市公衆トイレ.csv', {
            watch: '1',
          }),
        );
        assert.equal(r.status, 303);
        const match = /^\/staff\/resource\/([^?]+)\?watch=1$/.exec(r.location ?? '');
        assert.ok(match, r.location);
        resourceId = match[1] ?? '';
        const watching = await w.as.editor.get(r.location ?? '');
        assert.match(watching.text, /<meta http-equiv="refresh" content="2"\/>/);
        assert.match(watching.text, /待機中/);
        const still = await w.as.editor.get(`/staff/resource/${resourceId}`);
        assert.doesNotMatch(still.text, /http-equiv="refresh"/);
      });

      it('shows the validation report: row, column, message and suggested fix per issue', async () => {
        await w.runQueue();
        const r = await w.as.editor.get(`/staff/resource/${resourceId}?watch=1`);
        assert.equal(r.status, 200);
        assert.doesNotMatch(r.text, /http-equiv="refresh"/, 'a finished job stops the refresh');
        assert.match(r.text, /完了/);
        assert.match(r.text, /不適合/);
        assert.match(r.text, /標準データセット「公衆トイレ一覧」として検証しました。/);
        assert.match(
          r.text,
          /<td class="sev-error">エラー<\/td><td>4<\/td><td>15（設置位置）<\/td><td>必須項目「設置位置」が空欄です。<\/td><td>「設置位置」を入力してください。<\/td>/,
        );
        assert.match(
          r.text,
          /<td class="sev-error">エラー<\/td><td>10<\/td><td>15（設置位置）<\/td>/,
        );
        assert.match(r.text, /見つかった問題（6 件）/);
      });

      it('downloads the automatically fixed file as UTF-8 CSV with CRLF line ends', async () => {
        const r = await w.as.editor.get(`/staff/resource/${resourceId}/fixed.csv`);
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
        assert.match(
          r.headers.get('content-disposition') ?? '',
          /filename\*=UTF-8''%E7%99%BB%E5%88%A5%E5%B8%82%E5%85%AC%E8%A1%86%E3%83%88%E3%82%A4%E3%83%AC-fixed\.csv/,
        );
        const original = readFileSync(DEFECTIVE, 'utf8');
        assert.ok(!original.includes('\r\n'), 'the fixture uses LF');
        const lines = r.text.split('\r\n').filter((l) => l !== '');
        assert.equal(lines.length, 11, 'header and 10 rows');
        assert.equal(lines[0], original.split('\n')[0]);
        assert.equal((await w.as.other.get(`/staff/resource/${resourceId}`)).status, 404);
        assert.equal(
          (await w.as.other.get(`/staff/resource/${resourceId}/fixed.csv`)).status,
          404,
          "another organization's editor cannot read a private dataset's file",
        );
      });

      it('accepts the corrected file in place of the old one and then reports it conforming', async () => {
        const fixed = (await w.as.editor.get(`/staff/resource/${resourceId}/fixed.csv`)).text;
        const corrected = fillMissingPlaces(fixed);
        const form = await w.as.editor.get(`/staff/resource/${resourceId}/edit`);
        const r = await w.as.editor.post(
          `/staff/resource/${resourceId}/edit`,
          uploadForm(
            csrfOf(form.text),
            new TextEncoder().encode(corrected),
            '登別市公衆トイレ.csv',
            {
              name: '登別市公衆トイレ.csv',
            },
          ),
        );
        assert.equal(r.status, 303);
        await w.runQueue();
        const page = await w.as.editor.get(`/staff/resource/${resourceId}`);
        assert.match(textOf(page.text), /標準データセットへの適合 ◎ 適合 /);
        assert.match(page.text, /エラー 0 件/);
        assert.match(textOf(page.text), /版 2（/);
      });

      it('publishes the dataset: anyone can then find it, and withdrawing hides it again', async () => {
        const search = async () =>
          ((await w.p.call('package_search', { q: '登別市' })) as { count: number }).count;
        assert.equal(await search(), 0);
        const r = await w.as.editor.submit(
          '/staff/dataset/staff-toilets',
          '/staff/dataset/staff-toilets/visibility',
          {
            private: 'false',
          },
        );
        assert.equal(r.location, '/staff/dataset/staff-toilets?done=published');
        assert.equal(await search(), 1);
        const page = await w.as.editor.get(r.location ?? '');
        assert.match(page.text, /データセットを公開しました。/);
        assert.match(page.text, /<a href="\/dataset\/staff-toilets">公開ページを見る<\/a>/);
        await w.as.editor.submit(
          '/staff/dataset/staff-toilets',
          '/staff/dataset/staff-toilets/visibility',
          {
            private: 'true',
          },
        );
        assert.equal(await search(), 0);
      });

      it('lists the ingest on the dashboard among recent jobs', async () => {
        const r = await w.as.editor.get('/staff');
        const jobs = r.text.slice(r.text.indexOf('id="recent-jobs"'));
        assert.match(jobs, new RegExp(`href="/staff/resource/${resourceId}">登別市公衆トイレ.csv`));
        assert.match(jobs, /完了/);
      });
    });

    it('escapes hostile titles, notes and names on every staff page', async () => {
      const created = await w.as.editor.submit('/staff/dataset/new', '/staff/dataset/new', {
        title: HOSTILE.title,
        name: 'hostile-staff',
        notes: HOSTILE.notes,
        owner_org: 'sapporo-shi',
        tags: 'x',
      });
      assert.equal(created.status, 303);
      const form = await w.as.editor.get('/staff/dataset/hostile-staff/resource/new');
      const upload = await w.as.editor.post(
        '/staff/dataset/hostile-staff/resource/new',
        uploadForm(
          csrfOf(form.text),
          new TextEncoder().encode(`名称,備考\r\n${HOSTILE.cell},"<b>項目</b>"\r\n`),
          `${HOSTILE.resourceName}.csv`,
          { name: HOSTILE.resourceName },
        ),
      );
      assert.equal(upload.status, 303);
      await w.runQueue();
      const token = await w.as.editor.submit('/staff/tokens', '/staff/tokens', {
        name: HOSTILE.title,
      });
      const pages = [
        await w.as.editor.get('/staff'),
        await w.as.editor.get('/staff/dataset/hostile-staff'),
        await w.as.editor.get('/staff/dataset/hostile-staff/edit'),
        await w.as.editor.get(upload.location ?? ''),
        token,
        await w.as.editor.get('/staff/tokens'),
      ];
      for (const page of pages) {
        assert.equal(page.status, 200);
        for (const pattern of DANGEROUS) assert.doesNotMatch(page.text, pattern);
      }
      assert.match(
        pages[1]?.text ?? '',
        /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;/,
      );
    });
  });
}
