import type { AppError } from '../../core/errors.ts';
import { isAppError } from '../../core/errors.ts';
import type { TermMap } from '../context/term-map.ts';
import { badData, ngsiError } from '../errors.ts';
import { appendAttributes, mergeEntity, replaceEntity, stampNew } from '../model/apply-write.ts';
import { parseEntity } from '../model/parse-entity.ts';
import { checkWrite, type NgsiCall } from './call.ts';
import type { EntityService } from './entities.ts';

export type BatchOperation = 'create' | 'upsert' | 'update' | 'delete' | 'merge';

/** BatchOperationResult (clause 5.2.16): ids that succeeded and an error per failed entity. */
export interface BatchResult {
  success: string[];
  errors: Array<{ entityId: string; error: AppError }>;
  /** Upsert: the ids that were created (201) rather than updated. */
  created: string[];
}

export interface BatchOptions {
  /** Upsert: `replace` (default) or `update`; update: `noOverwrite`. */
  mode?: 'replace' | 'update';
  noOverwrite?: boolean;
}

/**
 * Runs a batch operation (clause 5.6.7–5.6.10, 5.6.20) entity by entity, each in its own
 * transaction, so that one bad entity never blocks the others. `termsOf` gives each entity's
 * TermMap (an application/ld+json batch carries a @context per entity).
 * @throws AppError BadRequestData when the body is not a non-empty array; AccessDenied.
 */
export async function runBatch(
  service: EntityService,
  call: NgsiCall,
  op: BatchOperation,
  body: unknown,
  termsOf: (item: unknown) => Promise<TermMap>,
  options: BatchOptions = {},
): Promise<BatchResult> {
  checkWrite(call, service.settings);
  if (!Array.isArray(body) || body.length === 0)
    throw badData('A batch operation needs a non-empty JSON array');
  const result: BatchResult = { success: [], errors: [], created: [] };
  for (const item of body) {
    const entityId = idOf(item);
    try {
      if (op === 'delete') {
        if (typeof item !== 'string') throw badData('Batch delete takes an array of entity ids');
        await service.delete(call, item);
        result.success.push(item);
        continue;
      }
      const terms = await termsOf(item);
      const created = await runOne(service, { ...call, terms }, op, item, options);
      result.success.push(entityId);
      if (created) result.created.push(entityId);
    } catch (error) {
      if (!isAppError(error)) throw error;
      result.errors.push({ entityId, error });
    }
  }
  return result;
}

function idOf(item: unknown): string {
  if (typeof item === 'string') return item;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

/** One entity of a batch; returns whether it was created. */
async function runOne(
  service: EntityService,
  call: NgsiCall,
  op: Exclude<BatchOperation, 'delete'>,
  item: unknown,
  options: BatchOptions,
): Promise<boolean> {
  const now = call.now.toISOString();
  let notOverwritten: string[] = [];
  const entity = parseEntity(item, call.terms, {
    requireId: true,
    requireType: op === 'create' || op === 'upsert',
    allowNull: op === 'update' || op === 'merge',
  });
  let created = false;
  await service.write(call, entity.id, (current) => {
    if (op === 'create') {
      if (current) throw ngsiError('AlreadyExists', `Entity ${entity.id} already exists`);
      created = true;
      return { op: 'created', step: stampNew(entity, now) };
    }
    if (op === 'upsert' && !current) {
      created = true;
      return { op: 'created', step: stampNew(entity, now) };
    }
    if (!current) throw ngsiError('ResourceNotFound', `Entity ${entity.id} not found`);
    if (op === 'merge') {
      const fragment = parseEntity(item, call.terms, {
        requireId: true,
        requireType: false,
        allowNull: true,
        existing: current,
      });
      return { op: 'updated', step: mergeEntity(current, fragment, now) };
    }
    if (op === 'upsert' && options.mode !== 'update')
      return { op: 'updated', step: replaceEntity(current, entity, now) };
    const noOverwrite = op === 'update' && options.noOverwrite === true;
    const step = appendAttributes(current, entity, now, noOverwrite);
    notOverwritten = step.notUpdated.map((n) => n.name);
    return { op: 'updated', step };
  });
  // The new attributes are written; the entity is still reported for the ones kept.
  if (notOverwritten.length > 0)
    throw badData(`Not overwritten (noOverwrite): ${notOverwritten.join(', ')}`);
  return created;
}
