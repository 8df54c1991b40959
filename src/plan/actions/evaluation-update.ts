import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { text } from '../../core/ckan-params.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { fiscalYearOf } from '../fiscal-year.ts';
import { checkFiscalYear, loadPlan, requireEditor } from '../load-plan.ts';
import { openDraft } from '../report/working-revision.ts';
import { findNode } from '../repo/nodes.ts';
import { upsertEvaluation } from '../repo/values.ts';
import { fiscalYearParam, planParam, refParam } from '../schema.ts';

export const evaluationUpdate = defineAction({
  name: 's5_evaluation_update',
  description:
    'Write the narrative evaluation (点検・評価) of a measure, pillar or initiative for a fiscal ' +
    "year (editors and admins of the prefecture organization, sysadmins). Goes into the draft of the year's report; " +
    'a submitted or published year is refused.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n' +
    ':param fiscal_year: 年度\n:param node: node code or id (e.g. 4a)\n:param text: the evaluation',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    node: refParam,
    text: text(20_000),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: {
    fiscal_year: 2024,
    node: '4a',
    text: '道内市町村へのオープンデータ支援を継続し、公開市町村数は前年度から増加した。',
  },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireEditor(access);
      checkFiscalYear(access.plan, input.fiscal_year, fiscalYearOf(ctx.now));
      const node = await findNode(db, access.plan.id, input.node);
      if (node?.state !== 'active') throw notFound('ノードが見つかりません / Node not found');
      const report = await openDraft(ctx, db, access, input.fiscal_year);
      const row = {
        report_id: report.id,
        node_id: node.id,
        text: input.text,
        updated: toCkanTimestamp(ctx.now),
        updated_by: ctx.actor.name,
      };
      await upsertEvaluation(db, row);
      return {
        fiscal_year: input.fiscal_year,
        revision: report.revision,
        status: report.status,
        node: { id: node.id, code: node.code, title: node.title },
        evaluation: { text: row.text, updated: row.updated, updated_by: row.updated_by },
      };
    }),
});
