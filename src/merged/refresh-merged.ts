import { findTable } from '../datastore/index.ts';
import { getSchema, listSchemas, type StandardSchema } from '../schemas/index.ts';
import type { MergedDeps } from './deps.ts';
import { diffMembers, isEmptyDiff } from './diff-members.ts';
import { ensureMergedTable, matchVisibility } from './ensure-dataset.ts';
import type { MemberState, StoredMember } from './member-state.ts';
import { listCurrentMembers, listStoredMembers } from './repo/members.ts';
import {
  findPackageState,
  findPrefecture,
  listMergedTables,
  type MergedTableRow,
  type Prefecture,
} from './repo/merged-tables.ts';
import { refreshSchema, type SchemaRefresh } from './refresh-schema.ts';

/** Which merged tables to refresh, and whether to rebuild them from scratch. */
export interface RefreshOptions {
  /** A schema id, number or slug; all schemas when absent. */
  readonly schema?: string;
  /** Recopy every member even when nothing changed. */
  readonly rebuild?: boolean;
}

/** The outcome for one schema that has (or now gets) a merged table. */
export interface RefreshOutcome extends Partial<SchemaRefresh> {
  readonly schemaId: string;
  readonly packageId: string | null;
  readonly resourceId: string | null;
  /** `refreshed`, `unchanged`, `deleted` (an administrator deleted the dataset) or `failed`. */
  readonly status: 'refreshed' | 'unchanged' | 'deleted' | 'failed';
  readonly error?: string;
}

/**
 * Refreshes the merged tables: for each schema with a public conforming member (or a merged
 * table already), the dataset is made if missing and the rows brought up to date member by
 * member (see refreshSchema). A schema whose membership did not change costs two reads. One
 * schema failing does not stop the others: its outcome says `failed`, and it is logged.
 * @throws AppError not_found for an unknown schema.
 */
export async function refreshMerged(
  deps: MergedDeps,
  options: RefreshOptions = {},
): Promise<RefreshOutcome[]> {
  const schemas = options.schema === undefined ? listSchemas() : [getSchema(options.schema)];
  const current = await listCurrentMembers(deps.db);
  const stored = await listStoredMembers(deps.db);
  const tables = new Map((await listMergedTables(deps.db)).map((t) => [t.schemaId, t]));
  let prefecture: Promise<Prefecture | undefined> | undefined;
  // Looked up once, and only when a dataset has to be made.
  const owner = () => {
    prefecture ??= findPrefecture(deps.db);
    return prefecture;
  };
  const outcomes: RefreshOutcome[] = [];
  for (const schema of schemas) {
    const id = schema.s5.id;
    const members = current.filter((m) => m.schemaId === id);
    const table = tables.get(id);
    if (!table && members.length === 0) continue;
    try {
      const outcome = await refreshOne(deps, schema, table, owner, {
        members,
        stored: stored.filter((m) => m.schemaId === id),
        rebuild: options.rebuild ?? false,
      });
      outcomes.push(outcome);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.error('merged table refresh failed', { schema: id, error: message });
      outcomes.push(failed(id, table ?? null, message));
    }
  }
  return outcomes;
}

async function refreshOne(
  deps: MergedDeps,
  schema: StandardSchema,
  known: MergedTableRow | undefined,
  owner: () => Promise<Prefecture | undefined>,
  at: { members: MemberState[]; stored: StoredMember[]; rebuild: boolean },
): Promise<RefreshOutcome> {
  let table = known;
  const pkg = table ? await findPackageState(deps.db, table.packageId) : undefined;
  // Made now (first member, or the dataset row vanished): its table has to be built.
  const made = !table || !pkg;
  if (!table || !pkg) {
    const prefecture = await owner();
    if (!prefecture) {
      deps.log.warn('no prefecture organization: merged tables are not made', {
        schema: schema.s5.id,
      });
      return failed(schema.s5.id, null, 'no prefecture organization (code NN000C) in the catalog');
    }
    table = await ensureMergedTable(deps, schema, prefecture);
  } else if (pkg.state === 'deleted') {
    return { ...ids(schema.s5.id, table), status: 'deleted' };
  }
  // Nothing changed and the table is there: leave it without opening a transaction.
  const quiet =
    !at.rebuild &&
    !made &&
    isEmptyDiff(diffMembers(at.stored, at.members)) &&
    (await findTable(deps.db, table.resourceId)) !== undefined;
  if (quiet) {
    await matchVisibility(deps, table, at.members.length);
    return { ...ids(schema.s5.id, table), status: 'unchanged', members: at.members.length };
  }
  const result = await refreshSchema(deps.db, schema, table, {
    rebuild: at.rebuild,
    now: deps.now(),
  });
  await matchVisibility(deps, table, result.members);
  return { ...ids(schema.s5.id, table), ...result, status: 'refreshed' };
}

function ids(schemaId: string, t: MergedTableRow) {
  return { schemaId, packageId: t.packageId, resourceId: t.resourceId };
}

function failed(schemaId: string, t: MergedTableRow | null, error: string): RefreshOutcome {
  return {
    schemaId,
    packageId: t?.packageId ?? null,
    resourceId: t?.resourceId ?? null,
    status: 'failed',
    error,
  };
}
