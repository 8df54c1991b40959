import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PlanRevisionTable, PlanTable } from '../../db/tables.ts';

/** A stored plan. */
export type PlanRow = Selectable<PlanTable>;
/** A stored plan version. */
export type PlanRevisionRow = Selectable<PlanRevisionTable>;

/** A plan by id or name. */
export async function findPlan(db: Database, ref: string): Promise<PlanRow | undefined> {
  return db.kysely
    .selectFrom('plan')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
}

/** Every plan, oldest period first. */
export async function listPlans(db: Database): Promise<PlanRow[]> {
  return db.kysely.selectFrom('plan').selectAll().orderBy('period_from').orderBy('name').execute();
}

/** True when no plan has been loaded yet. */
export async function noPlanExists(db: Database): Promise<boolean> {
  return (
    (await db.kysely.selectFrom('plan').select('id').limit(1).executeTakeFirst()) === undefined
  );
}

/** Inserts a plan. */
export async function insertPlan(db: Database, row: Insertable<PlanTable>): Promise<void> {
  await db.kysely.insertInto('plan').values(row).execute();
}

/** Changes columns of a plan. */
export async function updatePlan(
  db: Database,
  id: string,
  changes: Updateable<PlanTable>,
): Promise<void> {
  await db.kysely.updateTable('plan').set(changes).where('id', '=', id).execute();
}

/** Inserts a version record of a plan. */
export async function insertRevision(
  db: Database,
  row: Insertable<PlanRevisionTable>,
): Promise<void> {
  await db.kysely.insertInto('plan_revision').values(row).execute();
}

/** The plan's versions, oldest first. */
export async function listRevisions(db: Database, planId: string): Promise<PlanRevisionRow[]> {
  return db.kysely
    .selectFrom('plan_revision')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('version')
    .execute();
}
