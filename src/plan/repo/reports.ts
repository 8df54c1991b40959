import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PlanReportEventTable, PlanReportTable } from '../../db/tables.ts';

/** A stored report revision. */
export type ReportRow = Selectable<PlanReportTable>;
/** A stored status event. */
export type ReportEventRow = Selectable<PlanReportEventTable>;

/** Every revision of the plan's reports (all years, or one), newest revision first per year. */
export async function listReports(
  db: Database,
  planId: string,
  fiscalYear?: number,
): Promise<ReportRow[]> {
  let q = db.kysely.selectFrom('plan_report').selectAll().where('plan_id', '=', planId);
  if (fiscalYear !== undefined) q = q.where('fiscal_year', '=', fiscalYear);
  return q.orderBy('fiscal_year').orderBy('revision', 'desc').execute();
}

/** Inserts a report revision. */
export async function insertReport(db: Database, row: Insertable<PlanReportTable>): Promise<void> {
  await db.kysely.insertInto('plan_report').values(row).execute();
}

/** Changes columns of a report revision (use `transitionReport` for its status). */
export async function updateReport(
  db: Database,
  id: string,
  changes: Updateable<PlanReportTable>,
): Promise<void> {
  await db.kysely.updateTable('plan_report').set(changes).where('id', '=', id).execute();
}

/**
 * Moves a report from one status to another only if it is still in the first: a concurrent
 * transition loses instead of overwriting. Returns false when the status had changed.
 */
export async function transitionReport(
  db: Database,
  id: string,
  from: string,
  changes: Updateable<PlanReportTable>,
): Promise<boolean> {
  const r = await db.kysely
    .updateTable('plan_report')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Appends a status event with the next sequence number of the report. */
export async function appendEvent(
  db: Database,
  row: Omit<Insertable<PlanReportEventTable>, 'seq'>,
): Promise<void> {
  const last = await db.kysely
    .selectFrom('plan_report_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('report_id', '=', row.report_id)
    .executeTakeFirst();
  const seq = last?.seq === null || last?.seq === undefined ? 1 : Number(last.seq) + 1;
  await db.kysely
    .insertInto('plan_report_event')
    .values({ ...row, seq })
    .execute();
}

/** The status events of reports, oldest first. */
export async function listEvents(
  db: Database,
  reportIds: readonly string[],
): Promise<ReportEventRow[]> {
  if (reportIds.length === 0) return [];
  return db.kysely
    .selectFrom('plan_report_event')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('seq')
    .execute();
}
