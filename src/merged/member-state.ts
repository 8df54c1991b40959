import type { FieldType } from '../datastore/index.ts';

/**
 * A member of a merged table as the catalog shows it now: a resource of an active public dataset
 * whose latest loaded version conforms to the schema, with the datastore table that version made.
 */
export interface MemberState {
  readonly schemaId: string;
  readonly resourceId: string;
  readonly packageId: string;
  readonly version: number;
  readonly tableModified: string;
  readonly tableRows: number;
  /** The publishing organization's 全国地方公共団体コード (null for one without a code). */
  readonly publisherCode: string | null;
  readonly publisherName: string;
}

/** Which column of a member's table fills which schema field of the merged table. */
export interface MemberColumn {
  /** The schema field (項目名), a column of the merged table. */
  readonly field: string;
  /** The member table's column. */
  readonly source: string;
  /** The member column's type, which the merged column must be able to hold. */
  readonly type: FieldType;
}

/** A member as copied: its state then, its column mapping and the rows copied. */
export interface StoredMember extends MemberState {
  readonly columns: readonly MemberColumn[];
  readonly rowCount: number;
}
