import { isAppError } from '../core/errors.ts';
import { callAsSite } from './deps.ts';
import type { ImportContext } from './import-dataset.ts';
import { addEntry, type HarvestReport } from './report.ts';
import type { RemoteListing } from './remote/search.ts';
import { activeObjects, markWithdrawn } from './repo/objects.ts';

/**
 * Withdraws (package_delete) the local copies of the source's remote datasets that are no longer
 * listed remotely (by id, or by name for a package_list), and marks their links withdrawn (a
 * dataset that comes back is restored).
 * @returns how many local datasets were deleted, and how many could not be.
 */
export async function withdrawMissing(
  ic: ImportContext,
  listed: RemoteListing,
  report: HarvestReport,
  now: string,
): Promise<{ deleted: number; failed: number }> {
  const active = await activeObjects(ic.deps.db, ic.source.id);
  const withdrawn: string[] = [];
  let deleted = 0;
  let failed = 0;
  for (const { remoteId, remoteName, localPackageId: localId } of active) {
    if ('ids' in listed ? listed.ids.has(remoteId) : listed.names.has(remoteName)) continue;
    try {
      await callAsSite(ic.deps, ic.origin, 'package_delete', { id: localId });
      deleted++;
    } catch (error) {
      // Purged locally already: nothing left to withdraw.
      if (!isAppError(error) || error.code !== 'not_found') {
        failed++;
        addEntry(report, report.errors, {
          remote_id: remoteId,
          remote_name: null,
          message: `取り下げに失敗しました / could not withdraw: ${error instanceof Error ? error.message : String(error)}`,
        });
        continue;
      }
    }
    withdrawn.push(remoteId);
  }
  await markWithdrawn(ic.deps.db, ic.source.id, withdrawn, now);
  return { deleted, failed };
}
