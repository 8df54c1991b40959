import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { changedKpiColumns, kpiColumns, kpiDefinitionOf } from '../kpi-columns.ts';
import { checkKpiDefinition, type KpiDefinition, KpiFields } from '../kpi-definition.ts';
import { loadPlan, requireEditor } from '../load-plan.ts';
import { presentKpiDefinition } from '../present/present-plan.ts';
import { recordPlanChange } from '../record-change.ts';
import { findKpi, findNode, updateKpi } from '../repo/nodes.ts';
import { planParam, reasonParam, refParam } from '../schema.ts';

export const kpiUpdate = defineAction({
  name: 's5_kpi_update',
  description:
    'Change a KPI definition (e.g. enter the baseline and target from the plan text), as a new ' +
    'plan version with a reason (editors and admins of the prefecture organization, sysadmins). ' +
    'Keys left out keep their value; baseline and target merge key by key. Reports already ' +
    'published keep the definition they were graded with. A KPI changed here is no longer ' +
    'updated by `s5 seed`.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n:param kpi: KPI code or id\n' +
    ':param reason: why it changes\n:param node: move it to another node\n' +
    ':param retired: true to take it out of the plan (old reports keep it)\n' +
    ':param name, unit, direction, kind, measurement, query, baseline, target, interim_targets, …: as s5_kpi_create',
  input: KpiFields.partial().extend({
    plan: planParam,
    kpi: refParam,
    reason: reasonParam,
    node: refParam.optional(),
    retired: z.boolean().optional(),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: {
    kpi: '3b-my-number-card-rate',
    baseline: { year: 2020, value: 24.1 },
    target: { year: 2025, value: 100 },
    reason: '計画本文の目標値を入力',
  },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireEditor(access);
      const row = await findKpi(db, access.plan.id, input.kpi);
      if (!row) throw notFound('指標が見つかりません / KPI not found');
      const {
        plan: _p,
        kpi: _k,
        reason,
        node: nodeRef,
        retired,
        baseline,
        target,
        ...rest
      } = input;
      const current = kpiDefinitionOf(row);
      const def: KpiDefinition = {
        ...current,
        ...rest,
        baseline: { ...current.baseline, ...baseline },
        target: { ...current.target, ...target },
      };
      const errors = checkKpiDefinition(def, {
        from: access.plan.period_from,
        to: access.plan.period_to,
      });
      if (Object.keys(errors).length > 0) throw invalid(errors);
      let nodeId = row.node_id;
      if (nodeRef !== undefined) {
        const node = await findNode(db, access.plan.id, nodeRef);
        if (node?.state !== 'active') throw notFound('ノードが見つかりません / Node not found');
        nodeId = node.id;
      }
      const state = retired === undefined ? row.state : retired ? 'retired' : 'active';
      const changed = changedKpiColumns(row, def);
      if (nodeId !== row.node_id) changed.push('node');
      if (state !== row.state) changed.push('state');
      if (changed.length > 0) {
        await updateKpi(db, row.id, {
          ...kpiColumns(def),
          node_id: nodeId,
          state,
          origin: 'user',
          modified: toCkanTimestamp(ctx.now),
        });
        await recordPlanChange(ctx, db, access.plan, {
          kind: 'kpi',
          reason,
          changes: [`KPI ${row.code}: ${changed.join(', ')}`],
        });
      }
      const updated = await findKpi(db, access.plan.id, row.id);
      if (!updated) throw notFound('KPI not found');
      return presentKpiDefinition(updated);
    }),
});
