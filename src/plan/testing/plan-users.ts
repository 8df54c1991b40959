import assert from 'node:assert/strict';
import type { Actor } from '../../core/action.ts';
import { AppError, type AppErrorCode } from '../../core/errors.ts';
import type { Platform } from '../../platform/index.ts';
import { siteActor } from '../../../test/support/backends.ts';

/** Users the plan's rules tell apart: the prefecture's admin, editor and member, and outsiders. */
export interface PlanUsers {
  sysadmin: Actor;
  /** Admin of the prefecture organization: a reviewer. */
  prefAdmin: Actor;
  /** Editor of the prefecture organization: enters values. */
  prefEditor: Actor;
  /** Member of the prefecture organization: reads only what the public reads. */
  prefMember: Actor;
  /** Admin of a municipality (札幌市): no say over the prefecture's plan. */
  cityAdmin: Actor;
  anonymous: Actor;
}

/** Creates the plan's test users through the catalog's own actions. */
export async function createPlanUsers(p: Platform): Promise<PlanUsers> {
  const { actorForToken } = await import('../../catalog/index.ts');
  const make = async (name: string, org: string | null, role: string, sysadmin = false) => {
    await p.call('user_create', { name, email: `${name}@example.jp`, sysadmin }, siteActor);
    if (org)
      await p.call('organization_member_create', { id: org, username: name, role }, siteActor);
    const { token } = (await p.call('api_token_create', { user: name, name: 't' }, siteActor)) as {
      token: string;
    };
    const actor = await actorForToken(p.db, token);
    if (!actor) throw new Error('test token did not resolve');
    return actor;
  };
  return {
    sysadmin: await make('plan-root', null, '', true),
    prefAdmin: await make('pref-admin', 'hokkaido', 'admin'),
    prefEditor: await make('pref-editor', 'hokkaido', 'editor'),
    prefMember: await make('pref-member', 'hokkaido', 'member'),
    cityAdmin: await make('sapporo-boss', 'sapporo-shi', 'admin'),
    anonymous: { userId: null, name: null, sysadmin: false, memberships: new Map() },
  };
}

/** For assert.rejects: the error is an AppError with this code (its message shown otherwise). */
export function withCode(code: AppErrorCode) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code, e.message);
    return true;
  };
}
