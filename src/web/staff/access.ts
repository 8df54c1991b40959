import { notAuthorized } from '../../core/errors.ts';
import type { GroupDict } from '../action-results.ts';
import type { StaffRequest } from '../auth/staff-route.ts';
import type { StaffDataset } from './staff-results.ts';

/**
 * The organizations the user may create and edit datasets in (editor or admin), as
 * `organization_list_for_user` says. Sysadmins may edit every dataset without being members.
 */
export function editableOrganizations(req: StaffRequest): Promise<GroupDict[]> {
  return req.call<GroupDict[]>('organization_list_for_user', { permission: 'create_dataset' });
}

/**
 * A dataset the user may edit, read as that user (a private dataset of another organization is
 * not found at all).
 * @throws AppError not_found when the user cannot see it, not_authorized when they may only
 *   read it.
 */
export async function editableDataset(req: StaffRequest, id: string): Promise<StaffDataset> {
  const dataset = await req.call<StaffDataset>('package_show', { id });
  if (req.actor.sysadmin) return dataset;
  const orgs = await editableOrganizations(req);
  if (!orgs.some((o) => o.id === dataset.organization?.id))
    throw notAuthorized('Only editors of the organization may edit this dataset');
  return dataset;
}

/** The staff page of a dataset. */
export function datasetHref(dataset: { name: string }): string {
  return `/staff/dataset/${encodeURIComponent(dataset.name)}`;
}

/** The staff page of a resource (its ingest status and validation report). */
export function resourceHref(resource: { id: string }): string {
  return `/staff/resource/${encodeURIComponent(resource.id)}`;
}
