/**
 * The merged capability: one prefecture-wide table per standard schema, holding the rows of every
 * public conforming file with their publisher and source, kept current incrementally. Other
 * folders import only from here.
 */
import type { ActionRegistry, AnyAction } from '../core/action.ts';
import { mergedList } from './actions/merged-list.ts';
import { mergedRefreshAction } from './actions/merged-refresh.ts';

/** The actions of this capability, for the registry (whose catalog actions the refresh calls). */
export function mergedActions(registry: () => ActionRegistry | null): AnyAction[] {
  return [mergedList, mergedRefreshAction(registry)];
}

export type { MergedDeps } from './deps.ts';
export type { MergedMemberView, MergedTableView } from './list-merged.ts';
export {
  PUBLISHER_CODE,
  PUBLISHER_NAME,
  SOURCE_DATASET,
  SOURCE_RESOURCE,
} from './merged-columns.ts';
export { type RefreshOptions, type RefreshOutcome, refreshMerged } from './refresh-merged.ts';
export { MERGED_EXTRA } from './repo/members.ts';
export {
  mergedRefreshIdle,
  mergedWriteListener,
  scheduleMergedRefresh,
  stopMergedRefresh,
} from './schedule-refresh.ts';
