import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../api/index.ts';
import { setPassword } from '../../auth/index.ts';
import type { Platform } from '../../platform/index.ts';
import { createTestUsers, testBackends, type TestUsers } from '../../../test/support/backends.ts';
import { csrfOf, StaffClient } from '../staff/testing/staff-client.ts';

const PASSWORD = 'correct horse battery';

/** The Set-Cookie line of a cookie, if the answer sets it. */
function setCookie(headers: Headers, name: string): string | undefined {
  return headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

for (const backend of testBackends()) {
  describe(`login, logout and CSRF (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let users: TestUsers;

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
      await setPassword(p.db, users.editor.userId ?? '', PASSWORD, p.clock.now());
      app = createApp(p);
    });
    after(async () => {
      await p?.close();
    });

    it('shows a labelled login form with a token bound to an HttpOnly cookie', async () => {
      const b = new StaffClient(app);
      const page = await b.get('/user/login');
      assert.equal(page.status, 200);
      assert.match(page.text, /<label for="login-name">ユーザー名<\/label>/);
      assert.match(page.text, /<label for="login-password">パスワード<\/label>/);
      assert.match(page.text, /autocomplete="current-password"/);
      const cookie = setCookie(page.headers, 's5_login') ?? '';
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.equal(csrfOf(page.text), b.cookies.get('s5_login'));
      assert.equal(page.headers.get('cache-control'), 'no-store');
    });

    it('refuses a wrong password and an unknown user with the same message and no session', async () => {
      const b = new StaffClient(app);
      const wrong = await b.login('sapporo-editor', 'not the password');
      const unknown = await b.login('no-such-user', PASSWORD);
      for (const answer of [wrong, unknown]) {
        assert.equal(answer.status, 400);
        assert.match(answer.text, /ユーザー名またはパスワードが正しくありません。/);
        assert.equal(setCookie(answer.headers, 's5_session'), undefined);
      }
      assert.equal(b.cookies.has('s5_session'), false);
    });

    it('logs in with a session cookie that is HttpOnly, SameSite=Lax, Path=/ and not Secure on http', async () => {
      const b = new StaffClient(app);
      const answer = await b.login('sapporo-editor', PASSWORD);
      assert.equal(answer.status, 303);
      assert.equal(answer.location, '/staff');
      const cookie = setCookie(answer.headers, 's5_session') ?? '';
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /Secure/);
      // 7 days after login (the fixed test clock), the absolute end of the session.
      assert.match(cookie, /Expires=Wed, 02 Dec 2026 03:00:00 GMT/);
      const dashboard = await b.get('/staff');
      assert.equal(dashboard.status, 200);
      assert.match(dashboard.text, /<h1>職員ページ<\/h1>/);
    });

    it('marks the session cookie Secure when the site is served over https', async () => {
      const secureApp = createApp({ ...p, config: { ...p.config, siteUrl: 'https://s5.test' } });
      const b = new StaffClient(secureApp, 'https://s5.test');
      const answer = await b.login('sapporo-editor', PASSWORD);
      assert.equal(answer.status, 303);
      assert.match(setCookie(answer.headers, 's5_session') ?? '', /; Secure/);
    });

    it('returns to a local page after login but never to another site', async () => {
      const b = new StaffClient(app);
      const form = await b.get('/user/login?came_from=%2Fstaff%2Ftokens');
      const back = await b.post('/user/login', {
        csrf_token: csrfOf(form.text),
        came_from: '/staff/tokens',
        name: 'sapporo-editor',
        password: PASSWORD,
      });
      assert.equal(back.location, '/staff/tokens');
      const c = new StaffClient(app);
      const page = await c.get('/user/login');
      const away = await c.post('/user/login', {
        csrf_token: csrfOf(page.text),
        came_from: '//evil.example/phish',
        name: 'sapporo-editor',
        password: PASSWORD,
      });
      assert.equal(away.location, '/staff');
    });

    it('answers 429 with Retry-After once the attempts per address and user are used up', async () => {
      const limited = createApp({ ...p, config: { ...p.config, loginRateLimit: 3 } });
      const b = new StaffClient(limited);
      for (let i = 0; i < 3; i++)
        assert.equal((await b.login('sapporo-editor', `wrong ${i}`)).status, 400);
      const blocked = await b.login('sapporo-editor', PASSWORD);
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('retry-after')) >= 1);
      assert.match(blocked.text, /ログインの試行が多すぎます/);
      assert.equal(b.cookies.has('s5_session'), false, 'even the right password waits');
      // Another user name from the same address is counted apart.
      assert.equal((await b.login('sapporo-admin', 'wrong')).status, 400);
    });

    it('logs out: the session ends on the server and the cookie is cleared', async () => {
      const b = new StaffClient(app);
      await b.login('sapporo-editor', PASSWORD);
      const secret = b.cookies.get('s5_session') ?? '';
      const out = await b.submit('/staff', '/user/logout', {});
      assert.equal(out.status, 303);
      assert.equal(out.location, '/');
      assert.match(setCookie(out.headers, 's5_session') ?? '', /Max-Age=0/);
      // A copy of the old cookie is worthless now.
      const replay = new StaffClient(app);
      replay.cookies.set('s5_session', secret);
      const again = await replay.get('/staff');
      assert.equal(again.status, 303);
      assert.equal(again.location, '/user/login?came_from=%2Fstaff');
    });

    it('refuses a logout without the token: a foreign page cannot log staff out', async () => {
      const b = new StaffClient(app);
      await b.login('sapporo-editor', PASSWORD);
      const refused = await b.post('/user/logout', {});
      assert.equal(refused.status, 403);
      assert.equal((await b.get('/staff')).status, 200);
    });

    describe('CSRF', () => {
      let b: StaffClient;
      let token: string;
      before(async () => {
        b = new StaffClient(app);
        await b.login('sapporo-editor', PASSWORD);
        token = csrfOf((await b.get('/staff/dataset/new')).text);
      });
      const form = (extra: Record<string, string>) => ({
        title: 'CSRF で作られるはずのないデータセット',
        name: 'csrf-victim',
        owner_org: 'sapporo-shi',
        ...extra,
      });
      const notCreated = async () => {
        const r = await b.get('/staff/dataset/csrf-victim');
        assert.equal(r.status, 404);
      };

      it('refuses a form without the token', async () => {
        const r = await b.post('/staff/dataset/new', form({}));
        assert.equal(r.status, 403);
        assert.match(r.text, /フォームの送信を受け付けられませんでした/);
        await notCreated();
      });

      it('refuses a form with a wrong token', async () => {
        const r = await b.post('/staff/dataset/new', form({ csrf_token: `${token}x` }));
        assert.equal(r.status, 403);
        await notCreated();
      });

      it("refuses another session's token", async () => {
        const other = new StaffClient(app);
        await other.login('sapporo-editor', PASSWORD);
        const theirs = csrfOf((await other.get('/staff')).text);
        assert.notEqual(theirs, token);
        const r = await b.post('/staff/dataset/new', form({ csrf_token: theirs }));
        assert.equal(r.status, 403);
        await notCreated();
      });

      it('refuses a form from a foreign Origin or Referer even with the right token', async () => {
        const r = await b.post('/staff/dataset/new', form({ csrf_token: token }), {
          origin: 'https://evil.example',
        });
        assert.equal(r.status, 403);
        // A client that sends no Origin (older browsers on same-origin POSTs): Referer decides.
        const bare = new StaffClient(app, null);
        for (const [k, v] of b.cookies) bare.cookies.set(k, v);
        const viaReferer = await bare.post('/staff/dataset/new', form({ csrf_token: token }), {
          referer: 'https://evil.example/page',
        });
        assert.equal(viaReferer.status, 403);
        await notCreated();
      });

      it('refuses a login form from a foreign Origin or without its token', async () => {
        const c = new StaffClient(app);
        const page = await c.get('/user/login');
        const foreign = await c.post(
          '/user/login',
          { csrf_token: csrfOf(page.text), name: 'sapporo-editor', password: PASSWORD },
          { origin: 'https://evil.example' },
        );
        assert.equal(foreign.status, 403);
        const fresh = new StaffClient(app);
        const noCookie = await fresh.post('/user/login', {
          csrf_token: csrfOf(page.text),
          name: 'sapporo-editor',
          password: PASSWORD,
        });
        assert.equal(noCookie.status, 403);
        assert.equal(fresh.cookies.has('s5_session'), false);
      });

      it('accepts the same form from our own origin with the token', async () => {
        const r = await b.post('/staff/dataset/new', form({ csrf_token: token }));
        assert.equal(r.status, 303);
        assert.equal(r.location, '/staff/dataset/csrf-victim?done=created');
      });
    });

    it('changes the password through the form: the old session ends, a new one continues', async () => {
      await setPassword(p.db, users.member.userId ?? '', PASSWORD, p.clock.now());
      const b = new StaffClient(app);
      const other = new StaffClient(app);
      await b.login('sapporo-member', PASSWORD);
      await other.login('sapporo-member', PASSWORD);
      const mismatch = await b.submit('/user/password', '/user/password', {
        old_password: PASSWORD,
        new_password: 'a new long passphrase',
        confirm: 'a different passphrase',
      });
      assert.equal(mismatch.status, 400);
      assert.match(mismatch.text, /確認用のパスワードが一致しません/);
      const wrong = await b.submit('/user/password', '/user/password', {
        old_password: 'not my password',
        new_password: 'a new long passphrase',
        confirm: 'a new long passphrase',
      });
      assert.equal(wrong.status, 400);
      assert.match(wrong.text, /現在のパスワードが違います/);
      const done = await b.submit('/user/password', '/user/password', {
        old_password: PASSWORD,
        new_password: 'a new long passphrase',
        confirm: 'a new long passphrase',
      });
      assert.equal(done.status, 303);
      assert.equal(done.location, '/staff?done=password');
      assert.match((await b.get('/staff?done=password')).text, /パスワードを変更しました/);
      assert.equal((await other.get('/staff')).status, 303, 'the other device is logged out');
      assert.equal((await new StaffClient(app).login('sapporo-member', PASSWORD)).status, 400);
      assert.equal(
        (await new StaffClient(app).login('sapporo-member', 'a new long passphrase')).status,
        303,
      );
    });
  });
}
