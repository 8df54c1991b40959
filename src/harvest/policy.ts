import type { Actor } from '../core/action.ts';

/**
 * Who may manage a harvest source (create, change, delete, run): sysadmins and admins of the
 * local organization its datasets go to — the people who answer for that organization's data.
 */
export function canManageSource(actor: Actor, localOrgId: string): boolean {
  return actor.sysadmin || actor.memberships.get(localOrgId) === 'admin';
}

/** Who may see a source and its jobs: sysadmins and members of its local organization. */
export function canSeeSource(actor: Actor, localOrgId: string): boolean {
  return actor.sysadmin || actor.memberships.has(localOrgId);
}

/** Organization ids whose sources the actor may see, or 'all'. */
export function visibleOrgIds(actor: Actor): string[] | 'all' {
  return actor.sysadmin ? 'all' : [...actor.memberships.keys()];
}
