import type { Database } from '../../db/index.ts';
import { badData, ngsiError } from '../errors.ts';
import {
  appendAttributes,
  deleteAttribute,
  deleteScope,
  hasChanges,
  mergeAttribute,
  mergeEntity,
  replaceAttribute,
  replaceEntity,
  stampNew,
  updateAttributes,
  type WriteStep,
} from '../model/apply-write.ts';
import { checkName, parsePatch } from '../model/parse-attribute.ts';
import { parseEntity, parseInstances } from '../model/parse-entity.ts';
import type { Entity } from '../model/types.ts';
import { instanceKey } from '../model/types.ts';
import { isUri } from '../model/uri.ts';
import { findEntity, type StoredEntity, tenantExists } from '../repo/entity-repo.ts';
import { publicTypes } from '../repo/public-types.ts';
import {
  type BrokerSettings,
  type ChangeListener,
  checkWrite,
  type NgsiCall,
  readsPublicOnly,
} from './call.ts';
import { writeEntity } from './write-entity.ts';

/** The outcome of attribute writes that may partly fail (UpdateResult, clause 5.2.18). */
export interface UpdateResult {
  updated: string[];
  notUpdated: Array<{ name: string; reason: string }>;
}

/** Entity operations of clause 5.6 / 5.7.1 over one database. */
export class EntityService {
  constructor(
    readonly db: Database,
    readonly settings: BrokerSettings,
    readonly listeners: ChangeListener[],
  ) {}

  /**
   * Create Entity (5.6.1).
   * @throws AppError BadRequestData, AlreadyExists, AccessDenied.
   */
  async create(call: NgsiCall, body: unknown): Promise<string> {
    checkWrite(call, this.settings);
    const entity = parseEntity(body, call.terms, { requireId: true, requireType: true });
    await this.write(call, entity.id, (current) => {
      if (current) throw ngsiError('AlreadyExists', `Entity ${entity.id} already exists`);
      return { op: 'created', step: stampNew(entity, iso(call)) };
    });
    return entity.id;
  }

  /**
   * Retrieve Entity (5.7.1): the stored entity, if the caller may see it.
   * @throws AppError ResourceNotFound (also for entities of private types), NonexistentTenant.
   */
  async retrieve(call: NgsiCall, id: string): Promise<StoredEntity> {
    checkId(id);
    await this.checkTenant(call);
    const entity = await findEntity(this.db, call.tenant, id);
    if (!entity || !(await this.visible(call, entity)))
      throw ngsiError('ResourceNotFound', `Entity ${id} not found`);
    return entity;
  }

  /** @throws AppError ResourceNotFound, AccessDenied. */
  async delete(call: NgsiCall, id: string): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      return { op: 'deleted' };
    });
  }

  /** Append Entity Attributes (5.6.3). */
  async append(call: NgsiCall, id: string, body: unknown, noOverwrite: boolean) {
    checkWrite(call, this.settings);
    checkId(id);
    const fragment = parseFragment(body, call, id, true);
    return this.writeResult(call, id, (current) =>
      appendAttributes(current, fragment, iso(call), noOverwrite),
    );
  }

  /** Update Entity Attributes (5.6.2): only existing attributes; others are reported. */
  async update(call: NgsiCall, id: string, body: unknown): Promise<UpdateResult> {
    checkWrite(call, this.settings);
    checkId(id);
    const fragment = parseFragment(body, call, id, true);
    return this.writeResult(call, id, (current) => updateAttributes(current, fragment, iso(call)));
  }

  /**
   * Partial Attribute Update (5.6.4).
   * @throws AppError ResourceNotFound when the entity or attribute instance does not exist.
   */
  async patchAttribute(call: NgsiCall, id: string, attr: string, body: unknown): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    const name = call.terms.expand(attr);
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      const datasetId = datasetIdOf(body);
      const existing = current.attrs.get(name)?.get(instanceKey(datasetId));
      if (!existing) throw ngsiError('ResourceNotFound', `Attribute ${attr} not found`);
      const given =
        typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
      if (given !== undefined && given !== existing.type)
        throw badData(`Attribute ${attr} is a ${existing.type}, not a ${String(given)}`);
      const patch = parsePatch(attr, stripContext(body), call.terms, existing);
      const step = mergeAttribute(current, name, patch, iso(call));
      if (!step) throw ngsiError('ResourceNotFound', `Attribute ${attr} not found`);
      return { op: 'updated', step };
    });
  }

  /**
   * Replace Attribute (5.6.19).
   * @throws AppError ResourceNotFound when the entity or attribute does not exist.
   */
  async replaceAttribute(call: NgsiCall, id: string, attr: string, body: unknown): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    checkAttributeName(attr);
    const name = call.terms.expand(attr);
    const instances = parseInstances(attr, stripContext(body), call.terms);
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      if (!current.attrs.has(name))
        throw ngsiError('ResourceNotFound', `Attribute ${attr} not found`);
      return { op: 'updated', step: replaceAttribute(current, name, instances, iso(call)) };
    });
  }

  /**
   * Delete Attribute (5.6.5): one instance, or every instance with deleteAll.
   * @throws AppError ResourceNotFound when nothing matches.
   */
  async deleteAttribute(
    call: NgsiCall,
    id: string,
    attr: string,
    datasetId: string | undefined,
    deleteAll: boolean,
  ): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    if (datasetId !== undefined && !isUri(datasetId))
      throw badData(`datasetId ${datasetId} is not a URI`);
    const name = call.terms.expand(attr);
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      const step =
        attr === 'scope'
          ? deleteScope(current, iso(call))
          : deleteAttribute(current, name, datasetId, deleteAll, iso(call));
      if (!step) throw ngsiError('ResourceNotFound', `Attribute ${attr} not found`);
      return { op: 'updated', step };
    });
  }

  /** Merge Entity (5.6.17). @throws AppError ResourceNotFound, BadRequestData. */
  async merge(call: NgsiCall, id: string, body: unknown): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    checkBodyId(body, id);
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      const fragment = parseEntity(stripContext(body), call.terms, {
        requireId: false,
        requireType: false,
        allowNull: true,
        existing: current,
      });
      return { op: 'updated', step: mergeEntity(current, fragment, iso(call)) };
    });
  }

  /** Replace Entity (5.6.18). @throws AppError ResourceNotFound, BadRequestData. */
  async replace(call: NgsiCall, id: string, body: unknown): Promise<void> {
    checkWrite(call, this.settings);
    checkId(id);
    checkBodyId(body, id);
    const replacement = parseEntity(stripContext(body), call.terms, {
      requireId: false,
      requireType: true,
    });
    await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      return { op: 'updated', step: replaceEntity(current, replacement, iso(call)) };
    });
  }

  /** @throws AppError NonexistentTenant for a tenant that was never written to. */
  async checkTenant(call: NgsiCall): Promise<void> {
    if (!(await tenantExists(this.db, call.tenant)))
      throw ngsiError('NonexistentTenant', `Tenant ${call.tenant} does not exist`);
  }

  /** Whether the caller may see the entity (anonymous: all its types are public). */
  async visible(call: NgsiCall, entity: Entity): Promise<boolean> {
    if (!readsPublicOnly(call, this.settings)) return true;
    const open = new Set(await publicTypes(this.db, call.tenant));
    return entity.types.every((t) => open.has(t));
  }

  async write(
    call: NgsiCall,
    id: string,
    decide: Parameters<typeof writeEntity>[3],
  ): ReturnType<typeof writeEntity> {
    return writeEntity(
      this.db,
      this.listeners,
      { tenant: call.tenant, id, now: iso(call) },
      decide,
    );
  }

  async writeResult(
    call: NgsiCall,
    id: string,
    step: (current: StoredEntity) => WriteStep,
  ): Promise<UpdateResult> {
    const decision = await this.write(call, id, (current) => {
      if (!current) throw notFound(id);
      const s = step(current);
      return hasChanges(s) ? { op: 'updated', step: s } : { op: 'none', step: s };
    });
    const s = 'step' in decision ? decision.step : undefined;
    return { updated: s?.updated ?? [], notUpdated: s?.notUpdated ?? [] };
  }
}

function iso(call: NgsiCall): string {
  return call.now.toISOString();
}

function notFound(id: string) {
  return ngsiError('ResourceNotFound', `Entity ${id} not found`);
}

/** @throws AppError BadRequestData when an entity id in a path is not a URI. */
export function checkId(id: string): void {
  if (!isUri(id)) throw badData(`${id} is not a valid entity id (a URI)`);
}

const RESERVED_NAMES = new Set(['id', 'type', 'scope', '@context', 'createdAt', 'modifiedAt']);

/** @throws AppError BadRequestData for a reserved or malformed attribute name in a path. */
function checkAttributeName(attr: string): void {
  if (RESERVED_NAMES.has(attr)) throw badData(`${attr} is not an attribute`);
  checkName(attr);
}

function checkBodyId(body: unknown, id: string): void {
  const given =
    typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  if (given !== undefined && given !== id)
    throw badData('The id in the body differs from the id in the path');
}

function stripContext(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { '@context': _ctx, ...rest } = body as Record<string, unknown>;
  return rest;
}

function datasetIdOf(body: unknown): string | undefined {
  const d =
    typeof body === 'object' && body !== null
      ? (body as { datasetId?: unknown }).datasetId
      : undefined;
  return typeof d === 'string' ? d : undefined;
}

/** An attribute fragment (append/update): attributes only, id (if any) must match. */
function parseFragment(body: unknown, call: NgsiCall, id: string, allowNull: boolean): Entity {
  checkBodyId(body, id);
  return parseEntity(body, call.terms, { requireId: false, requireType: false, allowNull });
}
