import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { withTransaction } from '../../db/index.ts';
import { kpiColumns } from '../kpi-columns.ts';
import {
  checkKpiDefinition,
  completeKpiDefinition,
  KpiDefinitionInput,
} from '../kpi-definition.ts';
import { loadPlan, requireEditor } from '../load-plan.ts';
import { presentKpiDefinition } from '../present/present-plan.ts';
import { recordPlanChange } from '../record-change.ts';
import { findKpi, findNode, insertKpi, nextKpiPosition } from '../repo/nodes.ts';
import { planParam, refParam } from '../schema.ts';

export const kpiCreate = defineAction({
  name: 's5_kpi_create',
  description:
    'Attach a KPI (目標指標) to a node of the plan, as a new plan version (editors and admins of ' +
    'the prefecture organization, sysadmins). Leave figures the plan does not give empty and say ' +
    'why in target.note.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n:param node: node code or id\n' +
    ':param code: stable KPI code\n:param name, name_en, unit, data_source, basis, note: texts\n' +
    ':param direction: higher or lower (is better)\n:param kind: quantitative or qualitative\n' +
    ':param measurement: manual or computed (with query: one of the computed queries)\n' +
    ':param baseline: {year, value}\n:param target: {year, value, state, note}\n' +
    ':param interim_targets: {"2023": value, …}\n:param reason: why (recorded in the history)',
  input: KpiDefinitionInput.extend({
    plan: planParam,
    node: refParam,
    reason: z.string().max(2000).optional(),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: {
    node: '3a',
    code: '3a-digital-staff-training',
    name: 'デジタル人材育成研修の受講者数（市町村職員）',
    unit: '人',
    direction: 'higher',
    target: { year: 2025, value: null, note: '数値目標は計画本文を確認して入力' },
  },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireEditor(access);
      const { plan: _p, node: nodeRef, reason, ...fields } = input;
      const node = await findNode(db, access.plan.id, nodeRef);
      if (node?.state !== 'active') throw notFound('ノードが見つかりません / Node not found');
      if (await findKpi(db, access.plan.id, fields.code))
        throw conflict({ code: ['この指標コードは使用済みです / That KPI code is already used'] });
      const def = completeKpiDefinition(fields);
      const errors = checkKpiDefinition(def, {
        from: access.plan.period_from,
        to: access.plan.period_to,
      });
      if (Object.keys(errors).length > 0) throw invalid(errors);
      const stamp = toCkanTimestamp(ctx.now);
      const id = newId();
      await insertKpi(db, {
        id,
        plan_id: access.plan.id,
        node_id: node.id,
        ...kpiColumns(def),
        position: await nextKpiPosition(db, node.id),
        origin: 'user',
        state: 'active',
        created: stamp,
        modified: stamp,
      });
      await recordPlanChange(ctx, db, access.plan, {
        kind: 'kpi',
        reason: reason || `指標の追加 / KPI added: ${def.code}`,
        changes: [`KPI ${def.code} added`],
      });
      const row = await findKpi(db, access.plan.id, id);
      if (!row) throw notFound('KPI not found');
      return presentKpiDefinition(row);
    }),
});
