import type { Attr, AttrInstances, AttributeChange, Entity } from './types.ts';
import { NGSI_NULL } from './parse-attribute.ts';
import { instanceKey } from './types.ts';

/**
 * Pure steps of entity writes: each takes the current entity (never mutated) and returns the
 * new one plus the list of attribute changes. broker/write-entity.ts persists the result.
 */
export interface WriteStep {
  entity: Entity;
  changes: AttributeChange[];
  /** Attributes (expanded names) not written, with the reason (UpdateResult.notUpdated). */
  notUpdated: Array<{ name: string; reason: string }>;
  /** Attributes (expanded names) written (UpdateResult.updated). */
  updated: string[];
  /** Types or scopes changed (entity-level change without attribute changes). */
  entityChanged?: boolean;
}

/** A deep copy of an entity's attribute maps, so steps never alter their input. */
export function cloneEntity(e: Entity): Entity {
  const attrs = new Map<string, AttrInstances>();
  for (const [name, instances] of e.attrs) attrs.set(name, new Map(instances));
  return { ...e, types: [...e.types], ...(e.scopes ? { scopes: [...e.scopes] } : {}), attrs };
}

/** A new entity with system timestamps on it and on every attribute instance. */
export function stampNew(e: Entity, now: string): WriteStep {
  const out = cloneEntity(e);
  out.createdAt = now;
  out.modifiedAt = now;
  const changes: AttributeChange[] = [];
  for (const [name, instances] of out.attrs) {
    for (const [key, attr] of instances) {
      const stamped = stampAttr(attr, now, undefined);
      instances.set(key, stamped);
      changes.push({ name, datasetId: attr.datasetId, op: 'created', current: stamped });
    }
  }
  return { entity: out, changes, notUpdated: [], updated: [...out.attrs.keys()] };
}

function stampAttr(attr: Attr, now: string, previous: Attr | undefined): Attr {
  const sub: Record<string, Attr> = {};
  for (const [k, s] of Object.entries(attr.sub)) sub[k] = stampAttr(s, now, previous?.sub[k]);
  return { ...attr, sub, createdAt: previous?.createdAt ?? now, modifiedAt: now };
}

/**
 * Append (POST …/attrs) and batch update: adds attributes, overwriting existing instances
 * unless `noOverwrite`. Types are added; scopes replace the old ones.
 */
export function appendAttributes(
  current: Entity,
  fragment: Entity,
  now: string,
  noOverwrite: boolean,
): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [] };
  addTypes(out, fragment.types, step);
  if (fragment.scopes) {
    // noOverwrite adds the new scopes to the old ones; otherwise they replace them.
    const next = noOverwrite
      ? [...new Set([...(out.scopes ?? []), ...fragment.scopes])]
      : fragment.scopes;
    setScopes(out, next, step);
  }
  for (const [name, instances] of fragment.attrs) {
    let wrote = false;
    for (const attr of instances.values()) {
      const existing = out.attrs.get(name)?.get(instanceKey(attr.datasetId));
      if (isNgsiNull(attr)) {
        if (existing) removeInstance(out, name, instanceKey(attr.datasetId), step);
        wrote = wrote || existing !== undefined;
        continue;
      }
      if (existing && noOverwrite) {
        step.notUpdated.push({ name, reason: 'The attribute exists and noOverwrite is set' });
        continue;
      }
      putInstance(out, name, attr, now, step);
      wrote = true;
    }
    if (wrote) step.updated.push(name);
  }
  return touched(step, now);
}

/**
 * Update (PATCH …/attrs): each given instance replaces the stored one or is added (as brokers
 * and the conformance suite read clause 5.6.2 since v1.6); NGSI-LD null deletes. The scope is
 * updated only where the entity has one.
 */
export function updateAttributes(current: Entity, fragment: Entity, now: string): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [] };
  addTypes(out, fragment.types, step);
  if (fragment.scopes) {
    // Scope behaves like an attribute here: only an existing one is updated.
    if (out.scopes && out.scopes.length > 0) setScopes(out, fragment.scopes, step);
    else step.notUpdated.push({ name: 'scope', reason: 'The entity has no scope to update' });
  }
  for (const [name, instances] of fragment.attrs) {
    let wrote = false;
    for (const attr of instances.values()) {
      const exists = out.attrs.get(name)?.has(instanceKey(attr.datasetId)) === true;
      if (isNgsiNull(attr)) {
        if (!exists) {
          step.notUpdated.push({
            name,
            reason: 'The attribute (or that datasetId) does not exist',
          });
          continue;
        }
        removeInstance(out, name, instanceKey(attr.datasetId), step);
      } else putInstance(out, name, attr, now, step);
      wrote = true;
    }
    if (wrote) step.updated.push(name);
  }
  return touched(step, now);
}

/**
 * Partial attribute update (PATCH …/attrs/{attrId}) and merge of one attribute: the given
 * members replace the old ones, sub-attributes are merged, NGSI-LD null removes a sub-attribute.
 * Returns undefined when the attribute instance does not exist.
 */
export function mergeAttribute(
  current: Entity,
  name: string,
  patch: Attr,
  now: string,
): WriteStep | undefined {
  const existing = current.attrs.get(name)?.get(instanceKey(patch.datasetId));
  if (!existing) return undefined;
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [name] };
  if (isNgsiNull(patch)) removeInstance(out, name, instanceKey(patch.datasetId), step);
  else putInstance(out, name, mergeInstance(existing, patch), now, step);
  return touched(step, now);
}

function mergeInstance(existing: Attr, patch: Attr): Attr {
  const sub: Record<string, Attr> = { ...existing.sub };
  for (const [k, s] of Object.entries(patch.sub)) {
    if (isNgsiNull(s)) delete sub[k];
    else sub[k] = sub[k] ? mergeInstance(sub[k], s) : s;
  }
  const merged: Attr = { ...existing, type: patch.type, value: patch.value, sub };
  if (patch.observedAt !== undefined) merged.observedAt = patch.observedAt;
  if (patch.unitCode !== undefined) merged.unitCode = patch.unitCode;
  if (patch.members) merged.members = { ...existing.members, ...patch.members };
  return merged;
}

/** Whether an attribute (as parsed) is the NGSI-LD null. */
export function isNgsiNull(a: Attr): boolean {
  return a.value === NGSI_NULL;
}

/**
 * Merge (PATCH /entities/{id}): attributes are merged into existing ones or added; NGSI-LD null
 * removes an attribute (instance); types are added, scopes replaced.
 */
export function mergeEntity(current: Entity, fragment: Entity, now: string): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [] };
  addTypes(out, fragment.types, step);
  if (fragment.scopes) setScopes(out, fragment.scopes, step);
  for (const [name, instances] of fragment.attrs) {
    for (const attr of instances.values()) {
      const key = instanceKey(attr.datasetId);
      const existing = out.attrs.get(name)?.get(key);
      if (isNgsiNull(attr)) {
        if (existing) removeInstance(out, name, key, step);
        continue;
      }
      putInstance(out, name, existing ? mergeInstance(existing, attr) : attr, now, step);
    }
    step.updated.push(name);
  }
  return touched(step, now);
}

/** Replace attribute (PUT …/attrs/{attrId}): the given instances replace the old ones. */
export function replaceAttribute(
  current: Entity,
  name: string,
  instances: AttrInstances,
  now: string,
): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [name] };
  for (const attr of instances.values()) putInstance(out, name, attr, now, step);
  return touched(step, now);
}

/** Replace entity (PUT /entities/{id}) and upsert with replace: everything but id is new. */
export function replaceEntity(current: Entity, replacement: Entity, now: string): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = {
    entity: out,
    changes: [],
    notUpdated: [],
    updated: [],
    entityChanged: true,
  };
  out.types = replacement.types.length > 0 ? [...replacement.types] : out.types;
  if (replacement.scopes) out.scopes = replacement.scopes;
  else delete out.scopes;
  for (const [name, instances] of current.attrs) {
    for (const key of instances.keys()) {
      if (!replacement.attrs.get(name)?.has(key)) removeInstance(out, name, key, step);
    }
  }
  for (const [name, instances] of replacement.attrs) {
    for (const attr of instances.values()) putInstance(out, name, attr, now, step);
    step.updated.push(name);
  }
  return touched(step, now);
}

/**
 * Delete attribute (DELETE …/attrs/{attrId}): one instance (by datasetId, default instance
 * when none), or all with `deleteAll`. Returns undefined when nothing matched.
 */
export function deleteAttribute(
  current: Entity,
  name: string,
  datasetId: string | undefined,
  deleteAll: boolean,
  now: string,
): WriteStep | undefined {
  const instances = current.attrs.get(name);
  if (!instances) return undefined;
  const keys = deleteAll ? [...instances.keys()] : [instanceKey(datasetId)];
  if (!keys.every((k) => instances.has(k))) return undefined;
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [name] };
  for (const key of keys) removeInstance(out, name, key, step);
  return touched(step, now);
}

function addTypes(e: Entity, types: readonly string[], step: WriteStep): void {
  for (const t of types) {
    if (e.types.includes(t)) continue;
    e.types.push(t);
    step.entityChanged = true;
  }
}

function setScopes(e: Entity, scopes: string[], step: WriteStep): void {
  if (JSON.stringify(e.scopes ?? []) === JSON.stringify(scopes)) return;
  if (scopes.length > 0) e.scopes = scopes;
  else delete e.scopes;
  step.entityChanged = true;
}

/**
 * Purge with drop / keep (clause 5.6.21): removes the named attributes (drop), or every other
 * attribute (keep), all instances.
 */
export function dropAttributes(
  current: Entity,
  names: ReadonlySet<string>,
  keep: boolean,
  now: string,
): WriteStep {
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: [] };
  for (const [name, instances] of current.attrs) {
    if (names.has(name) === keep) continue;
    for (const key of instances.keys()) removeInstance(out, name, key, step);
    step.updated.push(name);
  }
  return touched(step, now);
}

/** Removes the entity's scope (DELETE …/attrs/scope); undefined when it has none. */
export function deleteScope(current: Entity, now: string): WriteStep | undefined {
  if (!current.scopes || current.scopes.length === 0) return undefined;
  const out = cloneEntity(current);
  const step: WriteStep = { entity: out, changes: [], notUpdated: [], updated: ['scope'] };
  setScopes(out, [], step);
  return touched(step, now);
}

/** Whether a step changed anything that must be written. */
export function hasChanges(step: WriteStep): boolean {
  return step.changes.length > 0 || step.entityChanged === true;
}

function putInstance(e: Entity, name: string, attr: Attr, now: string, step: WriteStep): void {
  let instances = e.attrs.get(name);
  if (!instances) {
    instances = new Map();
    e.attrs.set(name, instances);
  }
  const key = instanceKey(attr.datasetId);
  const previous = instances.get(key);
  const stamped = stampAttr(attr, now, previous);
  instances.set(key, stamped);
  step.changes.push({
    name,
    datasetId: attr.datasetId,
    op: previous ? 'updated' : 'created',
    ...(previous ? { previous } : {}),
    current: stamped,
  });
}

function removeInstance(e: Entity, name: string, key: string, step: WriteStep): void {
  const instances = e.attrs.get(name);
  const previous = instances?.get(key);
  if (!instances || !previous) return;
  instances.delete(key);
  if (instances.size === 0) e.attrs.delete(name);
  step.changes.push({ name, datasetId: previous.datasetId, op: 'deleted', previous });
}

function touched(step: WriteStep, now: string): WriteStep {
  if (hasChanges(step)) step.entity.modifiedAt = now;
  return step;
}
