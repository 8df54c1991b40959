/**
 * The datastore capability: a table of typed rows per resource behind CKAN's datastore actions,
 * and `loadRows` for loading whole files. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { datapackageShow } from './actions/datapackage-show.ts';
import { datastoreCreate } from './actions/datastore-create.ts';
import { datastoreDelete } from './actions/datastore-delete.ts';
import { datastoreExportInfo } from './actions/export-info.ts';
import { datastoreNearby } from './actions/nearby.ts';
import { datastoreSearchBbox } from './actions/nearby-bbox.ts';
import { datastoreInfo } from './actions/datastore-info.ts';
import { datastoreSearch } from './actions/datastore-search.ts';
import { datastoreSearchSql } from './actions/datastore-search-sql.ts';
import { datastoreUpsert } from './actions/datastore-upsert.ts';

/** Every datastore action, for the registry. */
export const datastoreActions: readonly AnyAction[] = [
  datapackageShow,
  datastoreCreate,
  datastoreDelete,
  datastoreExportInfo,
  datastoreInfo,
  datastoreNearby,
  datastoreSearch,
  datastoreSearchBbox,
  datastoreSearchSql,
  datastoreUpsert,
];

export {
  type Descriptor as DataPackageDescriptor,
  type ZipEntry as DataPackageZipEntry,
  zipEntries as dataPackageZipEntries,
} from './datapackage/build-descriptor.ts';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  exportMediaType,
  isExportFormat,
} from './export/export-format.ts';
export { type ExportOptions, exportTable } from './export/export-table.ts';
export type { FieldDef, IndexDef, TableMeta } from './fields/field-def.ts';
export { FIELD_TYPES, type FieldType } from './fields/field-types.ts';
export { findGeoColumns, type GeoColumns, geoIndexFields } from './geo/geo-columns.ts';
export { findTable } from './repo/table-registry.ts';
export { type LoadOptions, loadRows } from './write/load-rows.ts';
// For the catalog's resource_delete and package_delete: a deleted resource's table goes with it.
export { dropOrphanTables } from './write/drop-orphans.ts';
// For src/merged: prefecture-wide tables built from copies of member tables' rows.
export { type CopySource, copyRows, deleteCopiedRows } from './write/copy-rows.ts';
