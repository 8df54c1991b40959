import type { Actor } from '../core/action.ts';
import { toBool } from '../db/index.ts';
import type { PackageRow } from './repo/packages.ts';

/**
 * Object-level authorization, in one place so every path (show, search, lists, resources)
 * applies the same rules: private and draft datasets are visible only to members of their
 * organization and to sysadmins; deleted ones only to those who may edit them.
 */
export function canReadPackage(actor: Actor, pkg: PackageRow): boolean {
  if (actor.sysadmin) return true;
  const capacity = actor.memberships.get(pkg.owner_org);
  if (pkg.state === 'deleted') return capacity === 'admin' || capacity === 'editor';
  if (pkg.state === 'draft') return capacity !== undefined;
  if (toBool(pkg.private)) return capacity !== undefined;
  return true;
}

/** May create and edit datasets of the organization (CKAN: editor or admin). */
export function canEditInOrg(actor: Actor, orgId: string): boolean {
  if (actor.sysadmin) return true;
  const capacity = actor.memberships.get(orgId);
  return capacity === 'admin' || capacity === 'editor';
}

/** May manage the organization's members. */
export function canAdminOrg(actor: Actor, orgId: string): boolean {
  return actor.sysadmin || actor.memberships.get(orgId) === 'admin';
}

/** May see the organization's member list. */
export function canSeeMembers(actor: Actor, orgId: string): boolean {
  return actor.sysadmin || actor.memberships.has(orgId);
}

/** Organization ids whose private datasets the actor may see, or 'all'. */
export function readableOrgIds(actor: Actor): string[] | 'all' {
  return actor.sysadmin ? 'all' : [...actor.memberships.keys()];
}

/** Organization ids whose drafts and deleted datasets the actor may see, or 'all'. */
export function editableOrgIds(actor: Actor): string[] | 'all' {
  if (actor.sysadmin) return 'all';
  return [...actor.memberships]
    .filter(([, c]) => c === 'admin' || c === 'editor')
    .map(([id]) => id);
}
