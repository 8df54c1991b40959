import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { SEED_DIR, testBackends } from '../../../test/support/backends.ts';
import { seedPlan } from '../index.ts';
import { createPlanUsers, type PlanUsers, withCode } from '../testing/plan-users.ts';

interface Shown {
  version: number;
  revisions: Array<{
    version: number;
    kind: string;
    date: string;
    reason: string;
    changes: string[];
  }>;
  nodes: Array<{
    code: string;
    title: string;
    children: Array<{ code: string; kpis: Array<{ code: string; name: string }> }>;
  }>;
}

/** A copy of the default seed folder whose plan file `edit` may change. */
function seedCopy(edit: (plan: Record<string, unknown> & { nodes: PlanNode[] }) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-plan-seed-'));
  cpSync(SEED_DIR, dir, { recursive: true });
  const file = path.join(dir, 'plan', 'hokkaido-society5-plan.json');
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  edit(plan);
  writeFileSync(file, JSON.stringify(plan));
  return dir;
}
interface PlanNode {
  code: string;
  title: string;
  kpis?: Array<Record<string, unknown>>;
  children?: PlanNode[];
}
const find = (nodes: PlanNode[], code: string): PlanNode | undefined =>
  nodes.flatMap((n) => [n, ...(n.children ?? [])]).find((n) => n.code === code);

for (const backend of testBackends()) {
  describe(`loading the plan seed on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: PlanUsers;
    const now = new Date('2026-11-25T03:00:00Z');
    before(async () => {
      p = await backend.open();
      u = await createPlanUsers(p);
    });
    after(() => p?.close());

    it('changes nothing when the same file is loaded again', async () => {
      const s = await seedPlan(p.db, SEED_DIR, now);
      assert.deepEqual([s?.created, s?.version, s?.changes], [false, 1, 0]);
    });

    it('records a changed file as a new version listing what changed, and new 見直し', async () => {
      await p.call(
        's5_kpi_update',
        { kpi: '3b-my-number-card-rate', target: { value: 100 }, reason: '本文の目標値' },
        u.prefEditor,
      );
      const dir = seedCopy((plan) => {
        const od = find(plan.nodes, '4a');
        if (od) od.title = 'オープンデータの推進（改）';
        const b3 = find(plan.nodes, '3b');
        if (b3?.kpis?.[0]) b3.kpis[0].name = 'seed must not overwrite staff edits';
        const covid = plan.nodes[0];
        if (covid) covid.children = covid.children?.filter((c) => c.code !== 'covid-e');
        plan.revisions = [
          ...(plan.revisions as unknown[]),
          { kind: 'revision', date: '2024-03-29', reason: '中間見直し' },
        ];
      });
      const s = await seedPlan(p.db, dir, now);
      assert.equal(s?.created, false);
      const plan = (await p.call('s5_plan_show', {})) as Shown;
      assert.deepEqual(
        plan.revisions.slice(-2).map((r) => [r.kind, r.reason, r.changes]),
        [
          ['revision', '中間見直し', []],
          [
            'structure',
            'シードファイルの更新 / Seed file updated',
            ['node 4a: title', 'node covid-e retired', 'node covid-e.1 retired'],
          ],
        ],
      );
      assert.equal(plan.version, 4);
      assert.deepEqual(
        plan.nodes[0]?.children.map((c) => c.code),
        ['covid-a', 'covid-b', 'covid-c', 'covid-d'],
      );
      const b3 = plan.nodes.find((n) => n.code === '3')?.children.find((c) => c.code === '3b');
      assert.equal(b3?.kpis[0]?.name, '道内のマイナンバーカード交付率');
    });

    it('names the file and the place of a mistake in it', async () => {
      const dir = seedCopy((plan) => {
        plan.period = { from: 2021 };
      });
      await assert.rejects(
        seedPlan(p.db, dir, now),
        (e: unknown) =>
          withCode('validation')(e) && /hokkaido-society5-plan\.json: period\.to/.test(String(e)),
      );
    });

    it('refuses a computed KPI naming an unknown query', async () => {
      const dir = seedCopy((plan) => {
        const od = find(plan.nodes, '4a');
        if (od?.kpis?.[0]) od.kpis[0].query = 'made_up';
      });
      await assert.rejects(seedPlan(p.db, dir, now), /KPI 4a-municipalities-publishing: query/);
    });
  });
}
