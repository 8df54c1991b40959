import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PlanEvaluationTable, PlanKpiValueTable } from '../../db/tables.ts';

/** A stored KPI value of a report revision. */
export type KpiValueRow = Selectable<PlanKpiValueTable>;
/** A stored narrative evaluation of a report revision. */
export type EvaluationRow = Selectable<PlanEvaluationTable>;

/** The KPI values of one report revision. */
export async function listValues(db: Database, reportId: string): Promise<KpiValueRow[]> {
  return db.kysely
    .selectFrom('plan_kpi_value')
    .selectAll()
    .where('report_id', '=', reportId)
    .execute();
}

/** Inserts or replaces the value of a KPI in a report revision. */
export async function upsertValue(db: Database, row: Insertable<PlanKpiValueTable>): Promise<void> {
  const { report_id, kpi_id, ...rest } = row;
  const updated = await db.kysely
    .updateTable('plan_kpi_value')
    .set(rest)
    .where('report_id', '=', report_id)
    .where('kpi_id', '=', kpi_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.kysely.insertInto('plan_kpi_value').values(row).execute();
}

/** The narrative evaluations of one report revision. */
export async function listEvaluations(db: Database, reportId: string): Promise<EvaluationRow[]> {
  return db.kysely
    .selectFrom('plan_evaluation')
    .selectAll()
    .where('report_id', '=', reportId)
    .execute();
}

/** Inserts or replaces the evaluation of a node in a report revision. */
export async function upsertEvaluation(
  db: Database,
  row: Insertable<PlanEvaluationTable>,
): Promise<void> {
  const { report_id, node_id, ...rest } = row;
  const updated = await db.kysely
    .updateTable('plan_evaluation')
    .set(rest)
    .where('report_id', '=', report_id)
    .where('node_id', '=', node_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.kysely.insertInto('plan_evaluation').values(row).execute();
}

/** Copies the values and evaluations of one revision into a new one (a correction starts from them). */
export async function copyEntries(db: Database, fromReport: string, toReport: string) {
  for (const v of await listValues(db, fromReport))
    await db.kysely
      .insertInto('plan_kpi_value')
      .values({ ...v, report_id: toReport })
      .execute();
  for (const e of await listEvaluations(db, fromReport))
    await db.kysely
      .insertInto('plan_evaluation')
      .values({ ...e, report_id: toReport })
      .execute();
}
