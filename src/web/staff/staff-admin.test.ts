import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import { type OpenStaff, openStaff } from './testing/open-staff.ts';
import { csrfOf, StaffClient } from './testing/staff-client.ts';

for (const backend of testBackends()) {
  describe(`staff pages: members, tokens and the plan (${backend.name})`, {
    skip: backend.skip,
  }, () => {
    let w: OpenStaff;
    before(async () => {
      w = await openStaff(backend);
    });
    after(async () => {
      await w?.p.close();
    });

    it('lets organization admins manage members and keeps editors out', async () => {
      const members = '/staff/organization/sapporo-shi/members';
      assert.equal((await w.as.editor.get(members)).status, 403);
      const refused = await w.as.editor.submit('/staff', members, {
        username: 'citizen',
        role: 'admin',
      });
      assert.equal(refused.status, 403);
      const page = await w.as.admin.get(members);
      assert.equal(page.status, 200);
      assert.match(page.text, /<td>sapporo-editor<\/td>/);
      const added = await w.as.admin.submit(members, members, {
        username: 'citizen',
        role: 'member',
      });
      assert.equal(added.location, `${members}?done=added`);
      const roles = async () =>
        (await w.p.call('member_list', { id: 'sapporo-shi' }, siteActor)) as Array<
          [string, string, string]
        >;
      assert.ok((await roles()).some(([id, , c]) => id === w.users.plain.userId && c === 'member'));
      await w.as.admin.submit(members, members, { username: 'citizen', role: 'editor' });
      assert.ok((await roles()).some(([id, , c]) => id === w.users.plain.userId && c === 'editor'));
      await w.as.admin.submit(members, `${members}/remove`, { username: 'citizen' });
      assert.ok(!(await roles()).some(([id]) => id === w.users.plain.userId));
      const unknown = await w.as.admin.submit(members, members, {
        username: 'nobody',
        role: 'member',
      });
      assert.equal(unknown.status, 400);
      assert.match(unknown.text, /そのユーザーは見つかりません。/);
    });

    it('creates an API token shown once, lists it without the secret and revokes it', async () => {
      const created = await w.as.editor.submit('/staff/tokens', '/staff/tokens', {
        name: 'Excel 連携',
      });
      assert.equal(created.status, 200);
      const token =
        /<p class="secret" id="token-secret">([^<]+)<\/p>/.exec(created.text)?.[1] ?? '';
      assert.match(token, /^[A-Za-z0-9_-]{40,}$/);
      const api = (t: string) =>
        w.app.request('/api/3/action/user_show', { headers: { Authorization: t } });
      const me = (await (await api(token)).json()) as { result: { name: string } };
      assert.equal(me.result.name, 'sapporo-editor');
      const list = await w.as.editor.get('/staff/tokens');
      assert.match(list.text, /<td>Excel 連携<\/td>/);
      assert.ok(!list.text.includes(token), 'the secret is never shown again');
      const jti = /<td>Excel 連携<\/td>.*?name="jti" value="([^"]+)"/s.exec(list.text)?.[1] ?? '';
      const revoked = await w.as.editor.post('/staff/tokens/revoke', {
        csrf_token: csrfOf(list.text),
        jti,
      });
      assert.equal(revoked.location, '/staff/tokens?done=revoked');
      assert.equal((await api(token)).status, 403);
    });

    it("refuses to revoke someone else's token", async () => {
      const tokens = (await w.p.call(
        'api_token_list',
        { user_id: 'sapporo-admin' },
        siteActor,
      )) as Array<{
        id: string;
      }>;
      const jti = tokens[0]?.id ?? '';
      const r = await w.as.editor.submit('/staff/tokens', '/staff/tokens/revoke', { jti });
      assert.equal(r.status, 404);
      assert.equal(
        ((await w.p.call('api_token_list', { user_id: 'sapporo-admin' }, siteActor)) as unknown[])
          .length,
        1,
      );
    });

    it('lets plan staff enter a KPI actual and an evaluation, and a reviewer publish the year', async () => {
      assert.equal((await w.as.editor.get('/staff/plan')).status, 403);
      const years = await w.as.planAdmin.get('/staff/plan');
      assert.equal(years.status, 200);
      assert.match(years.text, /href="\/staff\/plan\/2025"/);
      const entry = '/staff/plan/2025';
      const form = await w.as.planAdmin.get(entry);
      assert.match(form.text, /id="kpi-3b-my-number-card-rate-value"/);
      const saved = await w.as.planAdmin.submit(entry, `${entry}/kpi`, {
        kpi: '3b-my-number-card-rate',
        actual_value: '81.4',
        evidence_url: 'https://www.soumu.go.jp/',
        evidence_note: '総務省公表値',
        comment: '',
      });
      assert.equal(saved.status, 303);
      const bad = await w.as.planAdmin.submit(entry, `${entry}/kpi`, {
        kpi: '3b-my-number-card-rate',
        actual_value: 'たくさん',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /value="たくさん"/);
      const evaluated = await w.as.planAdmin.submit(entry, `${entry}/evaluation`, {
        node: '3b',
        text: 'カード交付率は目標に近づいた。',
      });
      assert.equal(evaluated.status, 303);
      const submitted = await w.as.planAdmin.submit(entry, `${entry}/step`, {
        step: 'submit',
        note: '',
      });
      assert.equal(submitted.location, `${entry}?done=submit`);
      const locked = await w.as.planAdmin.get(entry);
      assert.doesNotMatch(
        locked.text,
        /id="kpi-3b-my-number-card-rate-value"/,
        'no edits once submitted',
      );
      const noNote = await w.as.planAdmin.submit(entry, `${entry}/step`, {
        step: 'return',
        note: '',
      });
      assert.equal(noNote.status, 400, 'returning needs a note');
      const returned = await w.as.planAdmin.submit(entry, `${entry}/step`, {
        step: 'return',
        note: '根拠のURLを確認してください',
      });
      assert.equal(returned.location, `${entry}?done=return`);
      assert.match((await w.as.planAdmin.get(entry)).text, /id="kpi-3b-my-number-card-rate-value"/);
      for (const step of ['submit', 'review', 'publish']) {
        const r = await w.as.planAdmin.submit(entry, `${entry}/step`, { step, note: '' });
        assert.equal(r.location, `${entry}?done=${step}`, step);
      }
      const report = await new StaffClient(w.app).get('/plan/report/2025');
      assert.equal(report.status, 200);
      assert.match(report.text, /81\.4/);
      assert.match(report.text, /カード交付率は目標に近づいた。/);
    });
  });
}
