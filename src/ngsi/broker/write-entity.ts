import { type Database, withTransaction } from '../../db/index.ts';
import { ngsiError } from '../errors.ts';
import type { WriteStep } from '../model/apply-write.ts';
import type { EntityChange } from '../model/types.ts';
import { ensureTenant, findEntity, persistChange, type StoredEntity } from '../repo/entity-repo.ts';
import type { ChangeListener } from './call.ts';

/** What a write decides, given the entity as it is (undefined when it does not exist). */
export type Decision =
  | { op: 'created' | 'updated'; step: WriteStep }
  | { op: 'deleted' }
  | { op: 'none'; step?: WriteStep };

/**
 * The one path of every entity write: in one transaction, load (and lock) the entity, let
 * `decide` compute the change (pure, may throw), write it, and hand the change to the listeners
 * (history, notifications) before the commit.
 * @throws AppError AlreadyExists when a create meets an existing id; whatever `decide` throws.
 */
export async function writeEntity(
  db: Database,
  listeners: readonly ChangeListener[],
  target: { tenant: string; id: string; now: string },
  decide: (current: StoredEntity | undefined) => Decision,
): Promise<Decision> {
  return withTransaction(db, async (tx) => {
    await ensureTenant(tx, target.tenant, target.now);
    const current = await findEntity(tx, target.tenant, target.id, true);
    const decision = decide(current);
    if (decision.op === 'none') return decision;
    const change: EntityChange = {
      tenant: target.tenant,
      entityId: target.id,
      op: decision.op,
      attrs: decision.op === 'deleted' ? deletedAttrs(current) : decision.step.changes,
      at: target.now,
      ...(current ? { before: current } : {}),
      ...(decision.op === 'deleted' ? {} : { after: decision.step.entity }),
    };
    const seq = await persistChange(tx, change, current?.seq);
    if (decision.op === 'created' && seq === undefined)
      throw ngsiError('AlreadyExists', `Entity ${target.id} already exists`);
    for (const listener of listeners) await listener(tx, [change]);
    return decision;
  });
}

function deletedAttrs(current: StoredEntity | undefined): EntityChange['attrs'] {
  if (!current) return [];
  const out: EntityChange['attrs'] = [];
  for (const [name, instances] of current.attrs)
    for (const previous of instances.values())
      out.push({ name, datasetId: previous.datasetId, op: 'deleted', previous });
  return out;
}
