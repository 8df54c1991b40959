import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '../../src/core/action.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { type Config, loadConfig } from '../../src/core/config.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { openPlatform, type Platform } from '../../src/platform/index.ts';

/** The project's default seed (Hokkaido), used by every catalog test. */
export const SEED_DIR = path.resolve(import.meta.dirname, '../../seed/hokkaido');

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend is skipped, or undefined when it runs. */
  skip: string | undefined;
  /** A fresh, migrated and seeded platform on an empty database of this backend. */
  open(options?: { seed?: boolean; clockStart?: string }): Promise<Platform>;
}

const PG_URL = process.env.S5_TEST_DATABASE_URL;

/** Upload limit in tests: small, so that the limit itself can be tested. */
export const TEST_UPLOAD_LIMIT = 64 * 1024;

/**
 * SQLite always; PostgreSQL when S5_TEST_DATABASE_URL is set. Each PostgreSQL platform gets
 * its own schema so test files can run in parallel against one database.
 */
export function testBackends(): Backend[] {
  return [
    {
      name: 'sqlite',
      skip: undefined,
      open: (o) => openOn({ kind: 'sqlite', file: ':memory:' }, o),
    },
    {
      name: 'postgres',
      skip: PG_URL ? undefined : 'S5_TEST_DATABASE_URL is not set (see README: Tests)',
      open: async (o) => {
        const url = PG_URL ?? '';
        const schema = `s5_test_${randomBytes(6).toString('hex')}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.end();
        const u = new URL(url);
        u.searchParams.set('options', `-c search_path=${schema}`);
        const platform = await openOn({ kind: 'postgres', url: u.toString() }, o);
        return withCleanup(platform, async () => {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        });
      },
    },
  ];
}

export function testConfig(database: Config['database']): Config {
  const base = loadConfig({
    S5_SEED_DIR: SEED_DIR,
    S5_LOG_LEVEL: 'silent',
    S5_SITE_URL: 'http://s5.test',
    S5_DATA_DIR: mkdtempSync(path.join(tmpdir(), 's5-test-')),
    S5_MAX_UPLOAD_BYTES: String(TEST_UPLOAD_LIMIT),
  });
  return { ...base, database };
}

async function openOn(
  database: Config['database'],
  o: { seed?: boolean; clockStart?: string } = {},
) {
  return openPlatform(testConfig(database), {
    log: silentLogger,
    clock: fixedClock(o.clockStart ?? '2026-11-25T03:00:00.000Z'),
    seed: o.seed ?? true,
  });
}

function withCleanup(platform: Platform, cleanup: () => Promise<void>): Platform {
  return {
    ...platform,
    close: async () => {
      await platform.close();
      await cleanup();
    },
  };
}

/** Test users: one per role the rules distinguish, in 札幌市 unless noted. */
export interface TestUsers {
  sysadmin: Actor;
  admin: Actor;
  editor: Actor;
  member: Actor;
  /** Editor of 函館市: a logged-in user of another organization. */
  otherOrgEditor: Actor;
  /** Logged in, member of nothing. */
  plain: Actor;
  tokens: Record<'sysadmin' | 'admin' | 'editor' | 'member' | 'otherOrgEditor' | 'plain', string>;
}

const SITE: Actor = { userId: null, name: 'site', sysadmin: true, memberships: new Map() };

/** Creates the test users with tokens and memberships through the actions themselves. */
export async function createTestUsers(p: Platform): Promise<TestUsers> {
  const { actorForToken } = await import('../../src/catalog/index.ts');
  const make = async (name: string, sysadmin = false) => {
    await p.call('user_create', { name, email: `${name}@example.jp`, sysadmin }, SITE);
    const { token } = (await p.call('api_token_create', { user: name, name: 'test' }, SITE)) as {
      token: string;
    };
    return token;
  };
  const tokens = {
    sysadmin: await make('root', true),
    admin: await make('sapporo-admin'),
    editor: await make('sapporo-editor'),
    member: await make('sapporo-member'),
    otherOrgEditor: await make('hakodate-editor'),
    plain: await make('citizen'),
  };
  await p.call(
    'organization_member_create',
    { id: 'sapporo-shi', username: 'sapporo-admin', role: 'admin' },
    SITE,
  );
  await p.call(
    'organization_member_create',
    { id: 'sapporo-shi', username: 'sapporo-editor', role: 'editor' },
    SITE,
  );
  await p.call(
    'organization_member_create',
    { id: 'sapporo-shi', username: 'sapporo-member', role: 'member' },
    SITE,
  );
  await p.call(
    'organization_member_create',
    { id: 'hakodate-shi', username: 'hakodate-editor', role: 'editor' },
    SITE,
  );
  const actor = async (t: string) => {
    const a = await actorForToken(p.db, t);
    if (!a) throw new Error('test token did not resolve');
    return a;
  };
  return {
    sysadmin: await actor(tokens.sysadmin),
    admin: await actor(tokens.admin),
    editor: await actor(tokens.editor),
    member: await actor(tokens.member),
    otherOrgEditor: await actor(tokens.otherOrgEditor),
    plain: await actor(tokens.plain),
    tokens,
  };
}

/** A dataset input with sensible defaults for 札幌市. */
export function buildPackage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `dataset-${randomBytes(4).toString('hex')}`,
    title: 'テストデータセット',
    owner_org: 'sapporo-shi',
    license_id: 'cc-by-4.0',
    ...overrides,
  };
}

export { SITE as siteActor };
