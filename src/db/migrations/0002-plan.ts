import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The plan (Society5.0推進計画): its structure and KPIs as data, its version history, and the
 * yearly reports (per fiscal year and revision) with KPI values, evaluations and status events.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const real = dialect === 'postgres' ? sql`double precision` : sql`real`;

  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('basic_principle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adopted', 'text')
    .addColumn('evaluation_rule', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actor', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_revision_version_uq', ['plan_id', 'version'])
    .execute();

  await db.schema
    .createTable('plan_node')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('plan_node.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_node_code_uq', ['plan_id', 'code'])
    .execute();

  await db.schema
    .createTable('plan_kpi')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('measurement', 'text', (c) => c.notNull())
    .addColumn('query', 'text')
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', real)
    .addColumn('target_year', 'integer')
    .addColumn('target_value', real)
    .addColumn('target_state', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interim_targets', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('data_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_kpi_code_uq', ['plan_id', 'code'])
    .execute();
  await db.schema.createIndex('plan_kpi_node_idx').on('plan_kpi').column('node_id').execute();

  await db.schema
    .createTable('plan_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('correction_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan_version', 'integer')
    .addColumn('snapshot', 'text')
    .addColumn('dataset_id', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_report_revision_uq', ['plan_id', 'fiscal_year', 'revision'])
    .execute();

  await db.schema
    .createTable('plan_report_event')
    .addColumn('report_id', 'text', (c) =>
      c.notNull().references('plan_report.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_report_event_pk', ['report_id', 'seq'])
    .execute();

  await db.schema
    .createTable('plan_kpi_value')
    .addColumn('report_id', 'text', (c) =>
      c.notNull().references('plan_report.id').onDelete('cascade'),
    )
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('plan_kpi.id'))
    .addColumn('actual_value', real)
    .addColumn('status', 'text')
    .addColumn('evidence_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_resource_id', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('computed_at', 'text')
    .addColumn('updated', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('plan_kpi_value_pk', ['report_id', 'kpi_id'])
    .execute();

  await db.schema
    .createTable('plan_evaluation')
    .addColumn('report_id', 'text', (c) =>
      c.notNull().references('plan_report.id').onDelete('cascade'),
    )
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('plan_evaluation_pk', ['report_id', 'node_id'])
    .execute();
}
