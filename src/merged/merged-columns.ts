import type { CopySource, FieldDef, FieldType } from '../datastore/index.ts';
import type { FieldRule, StandardSchema } from '../schemas/index.ts';
import type { MemberColumn, MemberState } from './member-state.ts';

/** 公開者の全国地方公共団体コード: the code of the organization that published the row. */
export const PUBLISHER_CODE = '公開者_全国地方公共団体コード';
/** 公開者の名称: that organization's title. */
export const PUBLISHER_NAME = '公開者_名称';
/** 出典データセットID: the member dataset the row was copied from. */
export const SOURCE_DATASET = '出典_データセットID';
/** 出典リソースID: the member resource the row was copied from (indexed: removals use it). */
export const SOURCE_RESOURCE = '出典_リソースID';

const PROVENANCE_HEAD: readonly FieldDef[] = [
  { id: PUBLISHER_CODE, type: 'text', info: { label: PUBLISHER_CODE, notes: 'publisher code' } },
  { id: PUBLISHER_NAME, type: 'text', info: { label: PUBLISHER_NAME, notes: 'publisher name' } },
];
const PROVENANCE_TAIL: readonly FieldDef[] = [
  { id: SOURCE_DATASET, type: 'text', info: { label: SOURCE_DATASET, notes: 'source dataset id' } },
  {
    id: SOURCE_RESOURCE,
    type: 'text',
    info: { label: SOURCE_RESOURCE, notes: 'source resource id' },
  },
];

/**
 * The column type a schema rule gives when no member says otherwise; the same choice as the
 * ingest's typing of standard fields (src/ingest/infer-types.ts), whose integers are int4 or int8.
 */
export function typeOfRule(rule: FieldRule): FieldType {
  switch (rule) {
    case 'integer':
      return 'int8';
    case 'number':
      return 'numeric';
    case 'latitude':
    case 'longitude':
      return 'float8';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'datetime':
      return 'timestamp';
    default:
      return 'text';
  }
}

const INTEGERS: ReadonlySet<FieldType> = new Set(['int4', 'int8']);
const NUMBERS: ReadonlySet<FieldType> = new Set(['int4', 'int8', 'numeric', 'float8']);

/**
 * The narrowest type holding values of every given type: one type stays itself, whole numbers
 * widen to int8, numbers to float8 (numeric when one is numeric: exact decimals), anything else
 * mixed to text, which holds every value's text.
 */
export function unifyTypes(types: readonly FieldType[]): FieldType {
  const set = new Set(types);
  const [only] = set;
  if (set.size === 1 && only !== undefined) return only;
  if (set.size === 0) return 'text';
  const all = (within: ReadonlySet<FieldType>) => [...set].every((t) => within.has(t));
  if (all(INTEGERS)) return 'int8';
  if (all(NUMBERS)) return set.has('numeric') ? 'numeric' : 'float8';
  return 'text';
}

/**
 * The fields of a schema's merged table: the publisher's code and name, the schema's fields in
 * its order (each typed to hold its rule's type and every member column mapped to it), then the
 * source dataset and resource ids.
 */
export function mergedFields(
  schema: StandardSchema,
  members: ReadonlyArray<readonly MemberColumn[]>,
): FieldDef[] {
  const typesOf = new Map<string, FieldType[]>();
  for (const columns of members) {
    for (const c of columns) typesOf.set(c.field, [...(typesOf.get(c.field) ?? []), c.type]);
  }
  const fields = schema.fields.map((f) => ({
    id: f.name,
    type: unifyTypes([typeOfRule(f.s5.rule), ...(typesOf.get(f.name) ?? [])]),
    info: { label: f.name, notes: f.s5.nameEn },
  }));
  return [...PROVENANCE_HEAD, ...fields, ...PROVENANCE_TAIL];
}

/**
 * Whether an existing merged table can take rows for `wanted` without being rebuilt: the same
 * field ids in the same order, each existing type already holding the wanted one.
 */
export function fieldsAccept(existing: readonly FieldDef[], wanted: readonly FieldDef[]): boolean {
  if (existing.length !== wanted.length) return false;
  return existing.every((f, i) => {
    const w = wanted[i];
    return w !== undefined && f.id === w.id && unifyTypes([f.type, w.type]) === f.type;
  });
}

/**
 * Maps a member table's columns to schema fields: by the validator's column mapping (file column
 * order, which is the table's field order after an ingest), and for a field id that is itself a
 * schema item name. Each schema field takes at most one column; columns outside the schema are
 * left out of the merged table.
 */
export function mapMemberColumns(
  schema: StandardSchema,
  memberFields: readonly FieldDef[],
  mapping: ReadonlyArray<string | null> | null,
): MemberColumn[] {
  const names = new Set(schema.fields.map((f) => f.name));
  const byField = new Map<string, MemberColumn>();
  const used = new Set<string>();
  const take = (field: string | null | undefined, source: FieldDef) => {
    if (!field || !names.has(field) || byField.has(field) || used.has(source.id)) return;
    byField.set(field, { field, source: source.id, type: source.type });
    used.add(source.id);
  };
  // Positions only mean something while the table still has the loaded file's columns.
  if (mapping && mapping.length === memberFields.length) {
    memberFields.forEach((f, i) => {
      take(mapping[i], f);
    });
  }
  for (const f of memberFields) take(f.id, f);
  return schema.fields.flatMap((f) => {
    const c = byField.get(f.name);
    return c ? [c] : [];
  });
}

/** Where each field of the merged table takes its value when a member's rows are copied. */
export function copySources(
  fields: readonly FieldDef[],
  member: MemberState,
  columns: readonly MemberColumn[],
): CopySource[] {
  const sourceOf = new Map(columns.map((c) => [c.field, c.source]));
  return fields.map((f): CopySource => {
    if (f.id === PUBLISHER_CODE) return { value: member.publisherCode };
    if (f.id === PUBLISHER_NAME) return { value: member.publisherName };
    if (f.id === SOURCE_DATASET) return { value: member.packageId };
    if (f.id === SOURCE_RESOURCE) return { value: member.resourceId };
    const source = sourceOf.get(f.id);
    return source === undefined ? { empty: true } : { column: source };
  });
}

/** The indexes of a merged table: its source resource (removals) and publisher (filters). */
export function mergedIndexes(): string[][] {
  return [[SOURCE_RESOURCE], [PUBLISHER_CODE]];
}
