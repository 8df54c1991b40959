import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createApp } from '../../../api/index.ts';
import { setPassword } from '../../../auth/index.ts';
import { drainQueue } from '../../../ingest/index.ts';
import type { Platform } from '../../../platform/index.ts';
import {
  type Backend,
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
} from '../../../../test/support/backends.ts';
import { STAFF_PASSWORD } from './staff-demo.ts';
import { StaffClient } from './staff-client.ts';

/** A platform with the test users logged in to the staff area, each in their own browser. */
export interface OpenStaff {
  p: Platform;
  app: Hono;
  users: TestUsers;
  /** 札幌市's editor, admin and member, 函館市's editor, and an admin of the prefecture (plan). */
  as: Record<'editor' | 'admin' | 'other' | 'member' | 'planAdmin', StaffClient>;
  /** Runs the queued ingest jobs, as the server's queue runner would. */
  runQueue(): Promise<void>;
}

/**
 * Opens a platform on `backend` with the test users (passwords set), logs them in, and adds a
 * private and a public dataset of 札幌市 and a private one of 函館市.
 */
export async function openStaff(backend: Backend): Promise<OpenStaff> {
  const p = await backend.open();
  const users = await createTestUsers(p);
  await p.call(
    'user_create',
    { name: 'pref-admin', email: 'pref@example.jp', password: STAFF_PASSWORD },
    siteActor,
  );
  await p.call(
    'organization_member_create',
    { id: 'hokkaido', username: 'pref-admin', role: 'admin' },
    siteActor,
  );
  for (const u of [users.editor, users.admin, users.otherOrgEditor, users.member])
    await setPassword(p.db, u.userId ?? '', STAFF_PASSWORD, p.clock.now());
  const app = createApp(p);
  const login = async (name: string) => {
    const client = new StaffClient(app);
    assert.equal((await client.login(name, STAFF_PASSWORD)).status, 303, name);
    return client;
  };
  const as = {
    editor: await login('sapporo-editor'),
    admin: await login('sapporo-admin'),
    other: await login('hakodate-editor'),
    member: await login('sapporo-member'),
    planAdmin: await login('pref-admin'),
  };
  for (const input of [
    { name: 'sapporo-private', title: '札幌の非公開データ', private: true },
    { name: 'sapporo-public', title: '札幌の公開データ' },
    { name: 'hakodate-private', owner_org: 'hakodate-shi', private: true },
  ])
    await p.call('package_create', buildPackage(input), siteActor);
  return {
    p,
    app,
    users,
    as,
    runQueue: () => drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() }, p.log),
  };
}
