/**
 * The datastore capability: a table of typed rows per resource behind CKAN's datastore actions,
 * and `loadRows` for loading whole files. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { datastoreCreate } from './actions/datastore-create.ts';
import { datastoreDelete } from './actions/datastore-delete.ts';
import { datastoreInfo } from './actions/datastore-info.ts';
import { datastoreSearch } from './actions/datastore-search.ts';
import { datastoreSearchSql } from './actions/datastore-search-sql.ts';
import { datastoreUpsert } from './actions/datastore-upsert.ts';

/** Every datastore action, for the registry. */
export const datastoreActions: readonly AnyAction[] = [
  datastoreCreate,
  datastoreDelete,
  datastoreInfo,
  datastoreSearch,
  datastoreSearchSql,
  datastoreUpsert,
];

export type { FieldDef, IndexDef, TableMeta } from './fields/field-def.ts';
export { FIELD_TYPES, type FieldType } from './fields/field-types.ts';
export { findTable } from './repo/table-registry.ts';
export { type LoadOptions, loadRows } from './write/load-rows.ts';
