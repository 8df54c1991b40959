import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PlanKpiTable, PlanNodeTable } from '../../db/tables.ts';

/** A stored plan node. */
export type NodeRow = Selectable<PlanNodeTable>;
/** A stored KPI definition. */
export type KpiRow = Selectable<PlanKpiTable>;

/** The plan's nodes (active only unless asked), in document order within each parent. */
export async function listNodes(
  db: Database,
  planId: string,
  includeRetired = false,
): Promise<NodeRow[]> {
  let q = db.kysely.selectFrom('plan_node').selectAll().where('plan_id', '=', planId);
  if (!includeRetired) q = q.where('state', '=', 'active');
  return q.orderBy('position').orderBy('code').execute();
}

/** A node of the plan by id or code. */
export async function findNode(
  db: Database,
  planId: string,
  ref: string,
): Promise<NodeRow | undefined> {
  return db.kysely
    .selectFrom('plan_node')
    .selectAll()
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)]))
    .executeTakeFirst();
}

/** Inserts a node of the plan. */
export async function insertNode(db: Database, row: Insertable<PlanNodeTable>): Promise<void> {
  await db.kysely.insertInto('plan_node').values(row).execute();
}

/** Changes columns of a node. */
export async function updateNode(
  db: Database,
  id: string,
  changes: Updateable<PlanNodeTable>,
): Promise<void> {
  await db.kysely.updateTable('plan_node').set(changes).where('id', '=', id).execute();
}

/** The plan's KPIs (active only unless asked), by position. */
export async function listKpis(
  db: Database,
  planId: string,
  includeRetired = false,
): Promise<KpiRow[]> {
  let q = db.kysely.selectFrom('plan_kpi').selectAll().where('plan_id', '=', planId);
  if (!includeRetired) q = q.where('state', '=', 'active');
  return q.orderBy('position').orderBy('code').execute();
}

/** A KPI of the plan by id or code. */
export async function findKpi(
  db: Database,
  planId: string,
  ref: string,
): Promise<KpiRow | undefined> {
  return db.kysely
    .selectFrom('plan_kpi')
    .selectAll()
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)]))
    .executeTakeFirst();
}

/** Inserts a KPI definition. */
export async function insertKpi(db: Database, row: Insertable<PlanKpiTable>): Promise<void> {
  await db.kysely.insertInto('plan_kpi').values(row).execute();
}

/** Changes columns of a KPI definition. */
export async function updateKpi(
  db: Database,
  id: string,
  changes: Updateable<PlanKpiTable>,
): Promise<void> {
  await db.kysely.updateTable('plan_kpi').set(changes).where('id', '=', id).execute();
}

/** The next free KPI position under a node. */
export async function nextKpiPosition(db: Database, nodeId: string): Promise<number> {
  const r = await db.kysely
    .selectFrom('plan_kpi')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('node_id', '=', nodeId)
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
}
