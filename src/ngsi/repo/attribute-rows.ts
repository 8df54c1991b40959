import { bboxOf, type Geometry } from '../model/geojson.ts';
import type { Attr, AttributeType } from '../model/types.ts';
import { dateTimeValue, normalizeTime } from '../query/q-eval.ts';
import type { AttributeRow } from './tables.ts';

/** The row of one attribute instance; the scalar copies feed indexed q comparisons. */
export function attributeRow(entitySeq: number, name: string, attr: Attr): AttributeRow {
  const { vkind, vnum, vtext } = scalarCopies(attr.value);
  const bbox = attr.type === 'GeoProperty' ? bboxOf(attr.value as Geometry) : undefined; // validated on parse
  const extra: Record<string, unknown> = {};
  if (Object.keys(attr.sub).length > 0) extra.sub = attr.sub;
  if (attr.members) extra.members = attr.members;
  // The column holds the time in one form (UTC, milliseconds) for q and time ranges; the
  // written form is kept for output when it differs.
  const observed = attr.observedAt === undefined ? null : normalizeTime(attr.observedAt);
  if (attr.observedAt !== undefined && observed !== attr.observedAt)
    extra.observedAt = attr.observedAt;
  const now = attr.modifiedAt ?? attr.createdAt ?? '';
  return {
    entity_seq: entitySeq,
    name,
    dataset_id: attr.datasetId ?? '',
    type: attr.type,
    value: JSON.stringify(attr.value),
    vkind,
    vnum,
    vtext,
    observed_at: observed,
    unit_code: attr.unitCode ?? null,
    extra: Object.keys(extra).length > 0 ? JSON.stringify(extra) : null,
    created_at: attr.createdAt ?? now,
    modified_at: now,
    gminx: bbox ? bbox[0] : null,
    gminy: bbox ? bbox[1] : null,
    gmaxx: bbox ? bbox[2] : null,
    gmaxy: bbox ? bbox[3] : null,
  };
}

/** vkind n (vnum), s (vtext; typed DateTimes normalised), b (vnum 0/1) or j (JSON only). */
export function scalarCopies(value: unknown): {
  vkind: string;
  vnum: number | null;
  vtext: string | null;
} {
  if (typeof value === 'number') return { vkind: 'n', vnum: value, vtext: null };
  if (typeof value === 'string') return { vkind: 's', vnum: null, vtext: value };
  if (typeof value === 'boolean') return { vkind: 'b', vnum: value ? 1 : 0, vtext: null };
  const time = dateTimeValue(value);
  if (time !== undefined) return { vkind: 's', vnum: null, vtext: time };
  return { vkind: 'j', vnum: null, vtext: null };
}

/** An attribute instance back from its row. */
export function attrFromRow(row: {
  dataset_id: string;
  type: string;
  value: string;
  observed_at: string | null;
  unit_code: string | null;
  extra: string | null;
  created_at: string;
  modified_at: string;
}): Attr {
  const extra = row.extra
    ? (JSON.parse(row.extra) as {
        sub?: Record<string, Attr>;
        members?: Record<string, unknown>;
        observedAt?: string;
      })
    : {};
  const attr: Attr = {
    type: row.type as AttributeType, // written from an AttributeType
    value: JSON.parse(row.value) as unknown,
    sub: extra.sub ?? {},
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
  if (row.dataset_id !== '') attr.datasetId = row.dataset_id;
  if (row.observed_at !== null) attr.observedAt = extra.observedAt ?? row.observed_at;
  if (row.unit_code !== null) attr.unitCode = row.unit_code;
  if (extra.members) attr.members = extra.members;
  return attr;
}
