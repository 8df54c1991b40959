import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AppError } from '../core/errors.ts';
import type { Platform } from '../platform/index.ts';
import {
  createTestUsers,
  siteActor,
  testBackends,
  type TestUsers,
} from '../../test/support/backends.ts';
import { actorForToken } from './index.ts';

interface TokenDict {
  id: string;
  name: string;
  user_id: string;
  created_at: string;
  last_access: string | null;
}

for (const backend of testBackends()) {
  describe(`API token list and revoke (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
    });
    after(async () => {
      await p?.close();
    });

    it("api_token_list gives the caller's tokens without any secret", async () => {
      await p.call('api_token_create', { user: 'sapporo-editor', name: 'second' }, siteActor);
      const list = (await p.call('api_token_list', {}, users.editor)) as TokenDict[];
      assert.deepEqual(list.map((t) => t.name).sort(), ['second', 'test']);
      assert.deepEqual(Object.keys(list[0] ?? {}).sort(), [
        'created_at',
        'id',
        'last_access',
        'name',
        'user_id',
      ]);
      assert.ok(!JSON.stringify(list).includes(users.tokens.editor));
    });

    it("api_token_list refuses another user's tokens except to a sysadmin", async () => {
      await assert.rejects(
        p.call('api_token_list', { user_id: 'sapporo-admin' }, users.editor),
        (e: AppError) => e.code === 'not_authorized',
      );
      const list = (await p.call(
        'api_token_list',
        { user: 'sapporo-admin' },
        users.sysadmin,
      )) as TokenDict[];
      assert.equal(list.length, 1);
    });

    it('api_token_revoke by id stops the token at once', async () => {
      const { token } = (await p.call(
        'api_token_create',
        { user: 'sapporo-editor', name: 'to revoke' },
        siteActor,
      )) as { token: string };
      const list = (await p.call('api_token_list', {}, users.editor)) as TokenDict[];
      const jti = list.find((t) => t.name === 'to revoke')?.id ?? '';
      assert.ok(await actorForToken(p.db, token));
      assert.equal(await p.call('api_token_revoke', { jti }, users.editor), null);
      assert.equal(await actorForToken(p.db, token), null);
    });

    it('api_token_revoke by the token itself works too', async () => {
      const { token } = (await p.call(
        'api_token_create',
        { user: 'citizen', name: 'by secret' },
        siteActor,
      )) as { token: string };
      await p.call('api_token_revoke', { token }, users.plain);
      assert.equal(await actorForToken(p.db, token), null);
    });

    it("api_token_revoke does not touch another user's token and says it is not found", async () => {
      const [theirs] = (await p.call(
        'api_token_list',
        { user_id: 'sapporo-admin' },
        siteActor,
      )) as TokenDict[];
      await assert.rejects(
        p.call('api_token_revoke', { jti: theirs?.id ?? '' }, users.editor),
        (e: AppError) => e.code === 'not_found',
      );
      assert.ok(await actorForToken(p.db, users.tokens.admin));
    });
  });
}
