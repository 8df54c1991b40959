/**
 * The schemas capability: the standard dataset schemas (`schemas/standard/`), header recognition,
 * the validator, the fixer and the report renderer. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { schemaList } from './actions/schema-list.ts';
import { schemaShow } from './actions/schema-show.ts';
import { tableValidate } from './actions/table-validate.ts';

/** The actions of this capability, for the registry. */
export const schemaActions: AnyAction[] = [schemaList, schemaShow, tableValidate];

export type { SchemaSummary } from './actions/schema-list.ts';
export { MAX_VALIDATE_BYTES } from './actions/table-validate.ts';
export { type TableSchema, toTableSchema } from './catalog/export-table-schema.ts';
export {
  getSchema,
  listSchemas,
  loadSchemasFrom,
  STANDARD_SCHEMA_DIR,
} from './catalog/load-schemas.ts';
export {
  type FixChange,
  type FixOptions,
  type FixResult,
  fixTable,
  fixTableToFile,
} from './fix/fix-table.ts';
export { openTable, openTableFile } from './read/index.ts';
export type { ByteSource, OpenedTable, OpenTableOptions } from './read/index.ts';
export { type Recognition, recognizeHeader } from './recognize/recognize-header.ts';
export { type RenderOptions, renderReportText } from './report/render-text.ts';
export type { FieldRule, SchemaField, StandardSchema } from './schema-format.ts';
export type {
  Bilingual,
  IssueSeverity,
  ReportIssue,
  ValidateOptions,
  ValidationProgress,
  ValidationReport,
} from './validate/report-types.ts';
export { type ValidateBytesOptions, validateBytes } from './validate/validate-bytes.ts';
export { validateFile } from './validate/validate-file.ts';
export { validateTable } from './validate/validate-table.ts';
