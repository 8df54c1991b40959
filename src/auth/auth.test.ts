import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AppError } from '../core/errors.ts';
import { hashToken } from '../core/ids.ts';
import type { Platform } from '../platform/index.ts';
import {
  createTestUsers,
  siteActor,
  testBackends,
  type TestUsers,
} from '../../test/support/backends.ts';
import {
  endSession,
  hashPassword,
  logIn,
  needsRehash,
  resumeSession,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  setPassword,
  verifyPassword,
} from './index.ts';

const PASSWORD = 'correct horse battery';
const hour = 3600 * 1000;

describe('password hashes', () => {
  it('verify the password they were made from and no other', async () => {
    const hash = await hashPassword(PASSWORD);
    assert.equal(await verifyPassword(PASSWORD, hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
  });

  it('carry scrypt, their parameters and a per-hash salt, never the password', async () => {
    const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    assert.match(a, /^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.notEqual(a, b, 'a fresh salt every time');
    assert.ok(!a.includes('horse'));
  });

  it('match a password typed in full-width letters (NFKC)', async () => {
    const hash = await hashPassword('Sapporo-2026-snow');
    assert.equal(await verifyPassword('Ｓａｐｐｏｒｏ－２０２６－ｓｎｏｗ', hash), true);
  });

  it('never match when the stored hash is malformed or has absurd parameters', async () => {
    assert.equal(await verifyPassword(PASSWORD, 'plain-text-password'), false);
    assert.equal(await verifyPassword(PASSWORD, 'scrypt$1073741824$8$1$c2FsdA==$a2V5'), false);
    assert.equal(needsRehash('scrypt$1024$8$1$c2FsdA==$a2V5'), true);
    assert.equal(needsRehash(await hashPassword(PASSWORD)), false);
  });
});

for (const backend of testBackends()) {
  describe(`logins and sessions (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    const t0 = new Date('2026-11-25T03:00:00.000Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
      await p.call(
        'user_create',
        { name: 'clerk', email: 'clerk@example.jp', password: PASSWORD },
        siteActor,
      );
      await p.call(
        'organization_member_create',
        { id: 'otaru-shi', username: 'clerk', role: 'editor' },
        siteActor,
      );
    });
    after(async () => {
      await p?.close();
    });

    it("user_create stores a scrypt hash of the password, and login gives the user's actor", async () => {
      const row = await p.db.kysely
        .selectFrom('user_password')
        .innerJoin('users', 'users.id', 'user_password.user_id')
        .select('user_password.hash')
        .where('users.name', '=', 'clerk')
        .executeTakeFirstOrThrow();
      assert.match(row.hash, /^scrypt\$/);
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      assert.ok(started);
      const session = await resumeSession(p.db, started.secret, t0);
      assert.equal(session?.actor.name, 'clerk');
      assert.deepEqual([...(session?.actor.memberships.values() ?? [])], ['editor']);
      assert.equal(session?.csrfToken, started.csrfToken);
    });

    it('user_create refuses a password shorter than 12 characters', async () => {
      await assert.rejects(
        p.call(
          'user_create',
          { name: 'short', email: 's@example.jp', password: 'elevenchars' },
          siteActor,
        ),
        (e: AppError) => e.code === 'validation' && e.fields?.password !== undefined,
      );
    });

    it('a wrong password, an unknown user and a user without a password all fail alike', async () => {
      assert.equal(await logIn(p.db, 'clerk', 'wrong password!', t0), null);
      assert.equal(await logIn(p.db, 'nobody', PASSWORD, t0), null);
      assert.equal(await logIn(p.db, 'sapporo-editor', PASSWORD, t0), null);
      assert.equal(await logIn(p.db, '', PASSWORD, t0), null);
    });

    it('keeps only the SHA-256 of the session secret', async () => {
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      assert.ok(started);
      const ids = (await p.db.kysely.selectFrom('web_session').select('id').execute()).map(
        (r) => r.id,
      );
      assert.ok(ids.includes(hashToken(started.secret)));
      assert.ok(!ids.includes(started.secret));
    });

    it('ends a session after 8 idle hours, and activity moves that limit', async () => {
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      assert.ok(started);
      assert.ok(await resumeSession(p.db, started.secret, at(SESSION_IDLE_MS - hour)));
      // Seen again 7 h in: alive 14 h after login.
      assert.ok(await resumeSession(p.db, started.secret, at(2 * SESSION_IDLE_MS - 2 * hour)));
      assert.equal(await resumeSession(p.db, started.secret, at(3 * SESSION_IDLE_MS)), null);
      // Deleted, not just refused: coming back earlier does not revive it.
      assert.equal(await resumeSession(p.db, started.secret, at(hour)), null);
    });

    it('ends a session 7 days after login however active it is', async () => {
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      assert.ok(started);
      for (let t = 0; t < SESSION_MAX_MS; t += 6 * hour) {
        assert.ok(await resumeSession(p.db, started.secret, at(t)), `alive at ${t / hour} h`);
      }
      assert.equal(await resumeSession(p.db, started.secret, at(SESSION_MAX_MS)), null);
    });

    it('logout ends the session; an unknown secret is no session', async () => {
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      assert.ok(started);
      await endSession(p.db, started.secret);
      assert.equal(await resumeSession(p.db, started.secret, t0), null);
      assert.equal(await resumeSession(p.db, 'made-up-secret', t0), null);
    });

    it("s5_user_password_change needs the current password to change one's own", async () => {
      const clerk = await resumeSession(
        p.db,
        (await logIn(p.db, 'clerk', PASSWORD, t0))?.secret ?? '',
        t0,
      );
      assert.ok(clerk);
      const ctx = p.context(clerk.actor);
      await assert.rejects(
        p.registry.call('s5_user_password_change', ctx, {
          old_password: 'not my password',
          new_password: 'a brand new passphrase',
        }),
        (e: AppError) => e.code === 'validation' && e.fields?.old_password !== undefined,
      );
      await assert.rejects(
        p.registry.call('s5_user_password_change', ctx, { new_password: 'a brand new passphrase' }),
        (e: AppError) => e.code === 'validation',
      );
    });

    it('a changed password replaces the old one and ends every session of the user', async () => {
      const started = await logIn(p.db, 'clerk', PASSWORD, t0);
      const clerk = await resumeSession(p.db, started?.secret ?? '', t0);
      assert.ok(started && clerk);
      const result = (await p.registry.call('s5_user_password_change', p.context(clerk.actor), {
        old_password: PASSWORD,
        new_password: 'a brand new passphrase',
      })) as { name: string; sessions_ended: number };
      assert.equal(result.name, 'clerk');
      assert.ok(result.sessions_ended >= 1);
      assert.equal(await resumeSession(p.db, started.secret, t0), null);
      assert.equal(await logIn(p.db, 'clerk', PASSWORD, t0), null);
      assert.ok(await logIn(p.db, 'clerk', 'a brand new passphrase', t0));
      await setPassword(p.db, clerk.actor.userId ?? '', PASSWORD, t0);
    });

    it("only a sysadmin may set another user's password, and needs no old one", async () => {
      await assert.rejects(
        p.registry.call('s5_user_password_change', p.context(users.editor), {
          id: 'clerk',
          new_password: 'taken over account!',
        }),
        (e: AppError) => e.code === 'not_authorized',
      );
      await p.registry.call('s5_user_password_change', p.context(users.sysadmin), {
        id: 'sapporo-editor',
        new_password: 'set by the administrator',
      });
      assert.ok(await logIn(p.db, 'sapporo-editor', 'set by the administrator', t0));
    });

    it('the audit log of a password change holds no password', async () => {
      const log = (await p.call(
        's5_audit_log_list',
        { action: 's5_user_password_change' },
        siteActor,
      )) as unknown;
      const text = JSON.stringify(log);
      assert.ok(text.includes('s5_user_password_change'));
      assert.ok(!text.includes('set by the administrator'));
      assert.ok(!text.includes('a brand new passphrase'));
    });
  });
}
