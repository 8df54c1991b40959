import { type RenderOptions, renderAttr } from '../model/render-entity.ts';
import type { Attr } from '../model/types.ts';
import { isoMs } from './aggregate.ts';
import type { InstanceRow } from './tables.ts';
import type { TemporalQuery } from './temporal-params.ts';
import type { TemporalEntity } from './temporal-service.ts';

/** Members holding the value list of temporalValues, per attribute type (clause 4.5.9). */
const VALUES_MEMBER: Record<string, string> = {
  Relationship: 'objects',
  LanguageProperty: 'languageMaps',
  JsonProperty: 'jsons',
  VocabProperty: 'vocabs',
  ListProperty: 'valueLists',
  ListRelationship: 'objectLists',
};

/**
 * The temporal representation of an entity (clause 4.5.7–4.5.9, 4.5.19): normalized (instances
 * with instanceId), temporalValues (`[value, time]` pairs) or aggregatedValues.
 */
export function renderTemporal(
  t: TemporalEntity,
  tq: TemporalQuery,
  o: RenderOptions,
): Record<string, unknown> {
  const e = t.entity;
  const types = e.types.map((x) => o.terms.compact(x));
  // pick/omit (clause 4.21) as for entities: `id`, `type` and expanded attribute names.
  const keep = (name: string) =>
    (!o.pick || o.pick.has(name)) && !(o.omit?.has(name) && o.omit.get(name) === undefined);
  const out: Record<string, unknown> = {};
  if (keep('id')) out.id = e.id;
  if (keep('type')) out.type = types.length === 1 ? types[0] : types;
  if (t.aggregated) {
    for (const [name, methods] of t.aggregated)
      if (keep(name)) out[o.terms.compact(name)] = { type: 'Property', ...methods };
    return out;
  }
  const byAttr = new Map<string, InstanceRow[]>();
  for (const r of t.instances) {
    const list = byAttr.get(r.attr) ?? [];
    list.push(r);
    byAttr.set(r.attr, list);
  }
  for (const [name, rows] of byAttr) {
    if (!keep(name)) continue;
    const key = o.terms.compact(name);
    if (tq.mode === 'temporalValues') {
      const first = JSON.parse(rows[0]?.body ?? '{}') as Attr;
      out[key] = {
        type: first.type,
        [VALUES_MEMBER[first.type] ?? 'values']: rows.map((r) => {
          const a = JSON.parse(r.body) as Attr; // written by instanceRow
          return [a.value, timeText(r, tq)];
        }),
      };
      continue;
    }
    out[key] = rows.map((r) => {
      const a = JSON.parse(r.body) as Attr; // written by instanceRow
      const rendered = renderAttr(a, { ...o, sysAttrs: false });
      const obj: Record<string, unknown> =
        typeof rendered === 'object' && rendered !== null && !Array.isArray(rendered)
          ? { ...(rendered as Record<string, unknown>) }
          : { value: rendered };
      obj.instanceId = r.instance_id;
      if (o.sysAttrs) {
        obj.createdAt = isoMs(r.created_ms);
        obj.modifiedAt = isoMs(r.modified_ms);
      }
      return obj;
    });
  }
  return out;
}

function timeText(r: InstanceRow, tq: TemporalQuery): string {
  const ms =
    tq.timeproperty === 'createdAt'
      ? r.created_ms
      : tq.timeproperty === 'modifiedAt'
        ? r.modified_ms
        : r.observed_ms;
  const a = JSON.parse(r.body) as Attr; // keep the observedAt text as written when it is the key
  return tq.timeproperty === 'observedAt' && a.observedAt ? a.observedAt : isoMs(ms);
}

/** `Content-Range: date-time <start>-<end>/*` of a clipped answer (clause 6.3.10). */
export function contentRange(fromMs: number, toMs: number): string {
  return `date-time ${isoMs(fromMs)}-${isoMs(toMs)}/*`;
}
