import type { Database } from '../../db/index.ts';
import type { Broker } from '../broker/broker.ts';
import { checkWrite, type NgsiCall } from '../broker/call.ts';
import { checkId } from '../broker/entities.ts';
import { badData, ngsiError, problemOf } from '../errors.ts';
import { parseEntity } from '../model/parse-entity.ts';
import type { Entity } from '../model/types.ts';
import type { Params } from '../query/query-params.ts';
import { aggregatedAttrs, bucketsInCode } from './aggregate.ts';
import { fixedMs } from './duration.ts';
import {
  aggregateFixed,
  aggregationInputs,
  type Bucket,
  deleteAttrHistory,
  deleteInstance,
  entityInstances,
  findInstance,
  firstTime,
  instanceRow,
  replaceInstance,
} from './history-repo.ts';
import type { InstanceRow } from './tables.ts';
import { parseTemporalQuery, type TemporalQuery } from './temporal-params.ts';

/** The history of one entity as a temporal query found it. */
export interface TemporalEntity {
  entity: Entity;
  instances: InstanceRow[];
  aggregated?: ReturnType<typeof aggregatedAttrs>;
  /** Set when the instances were clipped by the instance limit: the range shown. */
  clipped?: { fromMs: number; toMs: number };
}

/**
 * The temporal API (clause 5.6.11–5.6.16, 5.7.3–5.7.4) over the history the broker's change
 * listener records. Entities are selected with the ordinary query (type, id, idPattern, q,
 * geo-query, visibility) on their current state; their history is then read per entity.
 */
export class TemporalService {
  constructor(
    readonly db: Database,
    readonly broker: Broker,
    /** Most instances returned per entity before the answer is clipped (206). */
    readonly instanceLimit: number,
  ) {}

  /** Query Temporal Evolution of Entities (5.7.4). */
  async query(
    call: NgsiCall,
    params: Params,
  ): Promise<{ list: TemporalEntity[]; tq: TemporalQuery; count?: number }> {
    const tq = parseTemporalQuery(params);
    const core = stripTemporal(params);
    const page = await this.broker.query(call, core);
    const attrs = attrSet(call, params);
    const list: TemporalEntity[] = [];
    for (const e of page.entities) list.push(await this.history(call, e, attrs, tq));
    return page.count === undefined ? { list, tq } : { list, tq, count: page.count };
  }

  /** Retrieve Temporal Evolution of an Entity (5.7.3). */
  async retrieve(call: NgsiCall, id: string, params: Params): Promise<TemporalEntity> {
    const tq = parseTemporalQuery(params);
    const entity = await this.broker.entities.retrieve(call, id);
    return this.history(call, entity, attrSet(call, params), tq);
  }

  private async history(
    call: NgsiCall,
    entity: Entity,
    attrs: ReadonlySet<string> | undefined,
    tq: TemporalQuery,
  ): Promise<TemporalEntity> {
    if (tq.mode === 'aggregatedValues' && tq.aggr) {
      // Periods start at the first instance in the range (as Stellio and the ETSI suite do).
      const start = await firstTime(this.db, call.tenant, entity.id, tq);
      if (start === undefined) return { entity, instances: [], aggregated: new Map() };
      const end = tq.toMs ?? call.now.getTime();
      const period = tq.aggr.period;
      const fixed = period ? fixedMs(period) : end - start + 1;
      let buckets: Bucket[];
      if (fixed !== undefined && fixed > 0)
        buckets = await aggregateFixed(this.db, call.tenant, entity.id, attrs, tq, start, fixed);
      else if (period) {
        const rows = await aggregationInputs(this.db, call.tenant, entity.id, attrs, tq, start);
        buckets = bucketsInCode(rows, start, period);
      } else buckets = [];
      return {
        entity,
        instances: [],
        aggregated: aggregatedAttrs(buckets, tq.aggr.methods, start, end, period),
      };
    }
    const rows = await entityInstances(
      this.db,
      call.tenant,
      entity.id,
      attrs,
      tq,
      this.instanceLimit,
    );
    if (rows.length <= this.instanceLimit) return { entity, instances: rows };
    // Clipped: the oldest `limit` instances (the newest with lastN), and the range they cover.
    const kept =
      tq.lastN === undefined
        ? rows.slice(0, this.instanceLimit)
        : rows.slice(rows.length - this.instanceLimit);
    const t = (r: InstanceRow) => timeOfRow(r, tq);
    const first = kept[0];
    const last = kept[kept.length - 1];
    return {
      entity,
      instances: kept,
      ...(first && last ? { clipped: { fromMs: t(first), toMs: t(last) } } : {}),
    };
  }

  /**
   * Create or Update Temporal Representation of an Entity (5.6.11): every instance is written
   * through the broker in time order (so the entity ends with the newest values and each
   * instance lands in history). Returns whether the entity was created.
   */
  async upsert(call: NgsiCall, body: unknown): Promise<{ id: string; created: boolean }> {
    checkWrite(call, this.broker.settings);
    const raw = objectBody(body);
    const head = parseEntity(
      { id: raw.id, type: raw.type, ...(raw.scope === undefined ? {} : { scope: raw.scope }) },
      call.terms,
      { requireId: true, requireType: true },
    );
    let created = false;
    try {
      await this.broker.entities.retrieve(call, head.id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.broker.entities.create(call, {
        id: raw.id,
        type: raw.type,
        ...(raw.scope === undefined ? {} : { scope: raw.scope }),
      });
      created = true;
    }
    await this.addInstances(call, head.id, raw);
    return { id: head.id, created };
  }

  /** Add Attributes to Temporal Representation of an Entity (5.6.12). */
  async addAttributes(call: NgsiCall, id: string, body: unknown): Promise<void> {
    checkWrite(call, this.broker.settings);
    checkId(id);
    await this.broker.entities.retrieve(call, id);
    await this.addInstances(call, id, objectBody(body));
  }

  private async addInstances(call: NgsiCall, id: string, raw: Record<string, unknown>) {
    const items: Array<{ name: string; instance: unknown; at: string }> = [];
    for (const [name, value] of Object.entries(raw)) {
      if (['id', 'type', 'scope', '@context', 'createdAt', 'modifiedAt'].includes(name)) continue;
      for (const instance of Array.isArray(value) ? value : [value]) {
        const at = (instance as { observedAt?: unknown } | null)?.observedAt;
        items.push({ name, instance: stripInstanceId(instance), at: String(at ?? '') });
      }
    }
    // Validate everything before the first write, so a bad instance writes nothing.
    for (const it of items)
      parseEntity({ [it.name]: it.instance }, call.terms, { requireId: false, requireType: false });
    items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const it of items)
      await this.broker.entities.append(call, id, { [it.name]: it.instance }, false);
  }

  /** Delete Attribute from Temporal Representation (5.6.13). */
  async deleteAttribute(
    call: NgsiCall,
    id: string,
    attr: string,
    datasetId: string | undefined,
    deleteAll: boolean,
  ): Promise<void> {
    checkWrite(call, this.broker.settings);
    await this.broker.entities.retrieve(call, id);
    const name = call.terms.expand(attr);
    const n = await deleteAttrHistory(
      this.db,
      call.tenant,
      id,
      name,
      deleteAll ? undefined : (datasetId ?? ''),
    );
    if (n === 0) throw ngsiError('ResourceNotFound', `Attribute ${attr} has no history`);
  }

  /** Modify Attribute instance in Temporal Representation (5.6.14). */
  async patchInstance(
    call: NgsiCall,
    id: string,
    attr: string,
    instanceId: string,
    body: unknown,
  ): Promise<void> {
    checkWrite(call, this.broker.settings);
    await this.broker.entities.retrieve(call, id);
    const name = call.terms.expand(attr);
    const row = await findInstance(this.db, call.tenant, id, name, instanceId);
    if (!row) throw ngsiError('ResourceNotFound', `Instance ${instanceId} not found`);
    const raw = objectBody(body);
    const wanted = Object.keys(raw).filter((k) => k !== '@context');
    if (wanted.length !== 1 || call.terms.expand(wanted[0] ?? '') !== name)
      throw badData(`The body must hold exactly the attribute ${attr}`);
    const fragment = parseEntity({ [attr]: stripInstanceId(raw[wanted[0] ?? '']) }, call.terms, {
      requireId: false,
      requireType: false,
    });
    const parsed = [...(fragment.attrs.get(name)?.values() ?? [])][0];
    if (!parsed) throw badData('No attribute instance in the body');
    const now = call.now.getTime();
    const next = instanceRow(call.tenant, id, name, parsed, row.created_ms);
    await replaceInstance(this.db, {
      ...next,
      instance_id: row.instance_id,
      created_ms: row.created_ms,
      modified_ms: now,
    });
  }

  /** Delete Attribute instance from Temporal Representation (5.6.15). */
  async deleteInstance(call: NgsiCall, id: string, attr: string, instanceId: string) {
    checkWrite(call, this.broker.settings);
    await this.broker.entities.retrieve(call, id);
    const row = await findInstance(this.db, call.tenant, id, call.terms.expand(attr), instanceId);
    if (!row) throw ngsiError('ResourceNotFound', `Instance ${instanceId} not found`);
    await deleteInstance(this.db, instanceId);
  }
}

function timeOfRow(r: InstanceRow, tq: TemporalQuery): number {
  return tq.timeproperty === 'createdAt'
    ? r.created_ms
    : tq.timeproperty === 'modifiedAt'
      ? r.modified_ms
      : r.observed_ms;
}

function stripTemporal(params: Params): Params {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (['timerel', 'timeAt', 'endTimeAt', 'timeproperty', 'lastN'].includes(k)) continue;
    if (['aggrMethods', 'aggrPeriodDuration', 'options', 'format'].includes(k)) continue;
    out[k] = v;
  }
  return out;
}

function attrSet(call: NgsiCall, params: Params): ReadonlySet<string> | undefined {
  if (!params.attrs) return undefined;
  return new Set(
    params.attrs
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '')
      .map((a) => call.terms.expand(a)),
  );
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw ngsiError('InvalidRequest', 'The body must be a JSON object');
  return body as Record<string, unknown>; // a plain object, checked just above
}

function stripInstanceId(instance: unknown): unknown {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return instance;
  const { instanceId: _id, ...rest } = instance as Record<string, unknown>;
  return rest;
}

function isNotFound(error: unknown): boolean {
  return problemOf(error) === 'ResourceNotFound';
}
