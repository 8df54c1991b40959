import {
  type HarvestedFields,
  type HarvestedResource,
  SCALAR_FIELDS,
  sameValue,
} from './harvested-fields.ts';

type ResourceFields = Omit<HarvestedResource, 'remote_id'>;

/** A resource of the local dataset: harvested (remoteId) or added locally (remoteId null). */
export interface LocalResource {
  localId: string;
  remoteId: string | null;
  fields: ResourceFields;
}

/** The local dataset as the merge sees it (extras without the harvester's bookkeeping keys). */
export interface LocalDataset {
  scalars: Record<(typeof SCALAR_FIELDS)[number], string>;
  tags: string[];
  extras: Record<string, string>;
  resources: LocalResource[];
}

/** A field the harvest left as the local editor set it although the remote says otherwise. */
export interface KeptField {
  field: string;
  /** `local_fields` (declared local) or `edited` (changed locally since the last harvest). */
  reason: 'local_fields' | 'edited';
}

/** A resource to write: localId null = new; remoteId null = added locally, passed through. */
export interface MergedResource {
  localId: string | null;
  remoteId: string | null;
  fields: ResourceFields;
}

export interface MergeResult {
  scalars: Record<(typeof SCALAR_FIELDS)[number], string>;
  tags: string[];
  extras: Record<string, string>;
  /** In the order to write. */
  resources: MergedResource[];
  kept: KeptField[];
  /** False when the result equals the local dataset: nothing to write. */
  changed: boolean;
}

/**
 * Decides each field of an update: a field declared local (source or dataset list) or edited
 * locally since the last harvest (its local value differs from what the harvest last wrote) keeps
 * its local value; keys only the local side has (extras, resources added by an editor) stay;
 * everything else takes the remote value. Without a record of the last harvest (`previous`
 * null) only declared-local fields and local-only keys are kept.
 */
export function mergeLocal(
  remote: HarvestedFields,
  previous: HarvestedFields | null,
  local: LocalDataset,
  localFields: ReadonlySet<string>,
): MergeResult {
  const d = flattenHarvested(remote);
  const s = previous ? flattenHarvested(previous) : null;
  const l = flattenLocal(local);
  const keys = new Set([...d.keys(), ...(s?.keys() ?? []), ...l.keys()]);
  const merged = new Map<string, unknown>();
  const kept: KeptField[] = [];
  for (const key of keys) {
    const [lv, sv, dv] = [l.get(key), s?.get(key), d.get(key)];
    let value: unknown;
    let reason: KeptField['reason'] | null = null;
    if (isDeclaredLocal(key, localFields)) {
      value = lv;
      reason = 'local_fields';
    } else if (dv === undefined && sv === undefined) {
      value = lv;
    } else if (s !== null && !sameValue(lv, sv)) {
      value = lv;
      reason = 'edited';
    } else {
      value = dv;
    }
    if (reason && !sameValue(lv, dv)) kept.push({ field: key, reason });
    if (value !== undefined) merged.set(key, value);
  }
  const result = unflatten(merged, remote, local);
  const changed =
    !sameMaps(merged, l) ||
    !sameValue(
      result.resources.map((r) => r.remoteId ?? r.localId),
      local.resources.map((r) => r.remoteId ?? r.localId),
    );
  return { ...result, kept: kept.sort((a, b) => (a.field < b.field ? -1 : 1)), changed };
}

function isDeclaredLocal(key: string, localFields: ReadonlySet<string>): boolean {
  if (localFields.has(key)) return true;
  const group = key.split('.', 1)[0] ?? key;
  return group !== key && localFields.has(group);
}

function flattenHarvested(f: HarvestedFields): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const field of SCALAR_FIELDS) out.set(field, f[field]);
  out.set('tags', f.tags);
  for (const [key, value] of Object.entries(f.extras)) out.set(`extras.${key}`, value);
  for (const r of f.resources) out.set(`resources.${r.remote_id}`, resourceFields(r));
  return out;
}

function flattenLocal(local: LocalDataset): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const field of SCALAR_FIELDS) out.set(field, local.scalars[field]);
  out.set('tags', local.tags);
  for (const [key, value] of Object.entries(local.extras)) out.set(`extras.${key}`, value);
  for (const r of local.resources) {
    if (r.remoteId !== null) out.set(`resources.${r.remoteId}`, r.fields);
  }
  return out;
}

function resourceFields(r: ResourceFields): ResourceFields {
  return { name: r.name, url: r.url, description: r.description, format: r.format };
}

function unflatten(merged: Map<string, unknown>, remote: HarvestedFields, local: LocalDataset) {
  const scalars = { ...local.scalars };
  for (const field of SCALAR_FIELDS) {
    const v = merged.get(field);
    scalars[field] = typeof v === 'string' ? v : '';
  }
  const tagValue = merged.get('tags');
  const tags = Array.isArray(tagValue) ? tagValue.filter((t) => typeof t === 'string') : [];
  const extras: Record<string, string> = {};
  for (const [key, value] of merged) {
    if (key.startsWith('extras.') && typeof value === 'string') extras[key.slice(7)] = value;
  }
  const localByRemote = new Map(
    local.resources.flatMap((r) => (r.remoteId === null ? [] : [[r.remoteId, r] as const])),
  );
  const order = [
    ...remote.resources.map((r) => r.remote_id),
    ...local.resources.flatMap((r) => (r.remoteId === null ? [] : [r.remoteId])),
  ];
  const resources: MergedResource[] = [];
  const placed = new Set<string>();
  for (const remoteId of order) {
    const value = merged.get(`resources.${remoteId}`);
    if (placed.has(remoteId) || !isResourceFields(value)) continue;
    placed.add(remoteId);
    resources.push({
      localId: localByRemote.get(remoteId)?.localId ?? null,
      remoteId,
      fields: value,
    });
  }
  for (const r of local.resources) if (r.remoteId === null) resources.push(r);
  return { scalars, tags, extras, resources };
}

function isResourceFields(value: unknown): value is ResourceFields {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return ['name', 'url', 'description', 'format'].every((k) => typeof v[k] === 'string');
}

function sameMaps(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!sameValue(value, b.get(key))) return false;
  return true;
}
