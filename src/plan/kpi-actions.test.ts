import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../platform/index.ts';
import { buildPackage, siteActor, testBackends } from '../../test/support/backends.ts';
import { createPlanUsers, type PlanUsers, withCode } from './testing/plan-users.ts';

interface ListedKpi {
  code: string;
  measurement: string;
  node: { code: string };
  pillar: { code: string; title: string };
  current: { computable: boolean; value?: number; reason?: string; computed_at: string } | null;
}
interface Shown {
  version: number;
  revisions: Array<{
    version: number;
    kind: string;
    reason: string;
    changes: string[];
    actor: string;
  }>;
}

for (const backend of testBackends()) {
  describe(`KPI definitions and plan changes on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: PlanUsers;
    const lastRevision = async () => ((await p.call('s5_plan_show', {})) as Shown).revisions.at(-1);
    before(async () => {
      p = await backend.open();
      u = await createPlanUsers(p);
      await p.call('package_create', buildPackage({ name: 'kpi-list-data' }), siteActor);
    });
    after(() => p?.close());

    describe('s5_kpi_list', () => {
      it('lists the KPIs of a node with their pillar, and computed values from the catalog now', async () => {
        const list = (await p.call('s5_kpi_list', {
          node: '4a',
          measurement: 'computed',
        })) as ListedKpi[];
        assert.equal(list.length, 7);
        assert.ok(list.every((k) => k.node.code === '4a' && k.pillar.title === 'データの利活用'));
        const datasets = list.find((k) => k.code === '4a-datasets-published');
        assert.deepEqual([datasets?.current?.computable, datasets?.current?.value], [true, 1]);
        const standard = list.find((k) => k.code === '4a-standard-dataset-publishers');
        assert.deepEqual([standard?.current?.computable, standard?.current?.value], [true, 0]);
      });

      it('lists every KPI of the plan, manual ones without any value', async () => {
        const list = (await p.call('s5_kpi_list', {})) as ListedKpi[];
        assert.equal(list.length, 13);
        assert.ok(list.filter((k) => k.measurement === 'manual').every((k) => k.current === null));
      });

      it('answers not found for an unknown node', async () => {
        await assert.rejects(p.call('s5_kpi_list', { node: '9z' }), withCode('not_found'));
      });
    });

    describe('s5_kpi_create', () => {
      it('lets an editor attach a KPI to any node, recorded as a new plan version', async () => {
        const k = (await p.call(
          's5_kpi_create',
          {
            node: '2a.1',
            code: 'smart-agri-farms',
            name: 'スマート農業技術を導入した経営体数',
            unit: '経営体',
            baseline: { year: 2020, value: 1200 },
            target: { year: 2025, value: 3000 },
            interim_targets: { '2023': 2000 },
          },
          u.prefEditor,
        )) as { code: string; origin: string; interim_targets: Record<string, number> };
        assert.deepEqual(
          [k.code, k.origin, k.interim_targets],
          ['smart-agri-farms', 'user', { '2023': 2000 }],
        );
        const r = await lastRevision();
        assert.deepEqual(
          [r?.kind, r?.changes, r?.actor],
          ['kpi', ['KPI smart-agri-farms added'], 'pref-editor'],
        );
      });

      it('refuses a used code, an unknown query, figures on a qualitative KPI and years outside the plan', async () => {
        const base = { node: '2a', name: 'x' };
        await assert.rejects(
          p.call('s5_kpi_create', { ...base, code: 'smart-agri-farms' }, u.prefEditor),
          withCode('conflict'),
        );
        await assert.rejects(
          p.call(
            's5_kpi_create',
            { ...base, code: 'k1', measurement: 'computed', query: 'nope' },
            u.prefEditor,
          ),
          withCode('validation'),
        );
        await assert.rejects(
          p.call(
            's5_kpi_create',
            { ...base, code: 'k2', kind: 'qualitative', target: { value: 3 } },
            u.prefEditor,
          ),
          withCode('validation'),
        );
        await assert.rejects(
          p.call(
            's5_kpi_create',
            { ...base, code: 'k3', interim_targets: { '2030': 1 } },
            u.prefEditor,
          ),
          withCode('validation'),
        );
      });

      it('refuses members of the prefecture and other organizations', async () => {
        const input = { node: '2a', code: 'k4', name: 'x' };
        await assert.rejects(
          p.call('s5_kpi_create', input, u.prefMember),
          withCode('not_authorized'),
        );
        await assert.rejects(
          p.call('s5_kpi_create', input, u.cityAdmin),
          withCode('not_authorized'),
        );
      });
    });

    describe('s5_kpi_update', () => {
      it('merges the given keys, records the reason and lists what changed', async () => {
        const k = (await p.call(
          's5_kpi_update',
          { kpi: 'smart-agri-farms', target: { value: 3500 }, reason: '目標の上方修正' },
          u.prefEditor,
        )) as { target: { year: number; value: number } };
        assert.deepEqual(k.target.year, 2025);
        assert.deepEqual(k.target.value, 3500);
        const r = await lastRevision();
        assert.deepEqual(
          [r?.reason, r?.changes],
          ['目標の上方修正', ['KPI smart-agri-farms: target_value']],
        );
      });

      it('needs a reason', async () => {
        await assert.rejects(
          p.call('s5_kpi_update', { kpi: 'smart-agri-farms', unit: '件' }, u.prefEditor),
          withCode('validation'),
        );
      });

      it('retires a KPI so it leaves the plan', async () => {
        await p.call(
          's5_kpi_update',
          { kpi: 'smart-agri-farms', retired: true, reason: '重複' },
          u.prefEditor,
        );
        const list = (await p.call('s5_kpi_list', { node: '2a' })) as ListedKpi[];
        assert.deepEqual(list, []);
      });
    });

    describe('plan revisions and the rule', () => {
      it('let a reviewer record a 見直し with date and reason', async () => {
        await assert.rejects(
          p.call(
            's5_plan_revision_create',
            { date: '2024-03-29', reason: '中間見直し' },
            u.prefEditor,
          ),
          withCode('not_authorized'),
        );
        const before = ((await p.call('s5_plan_show', {})) as Shown).version;
        const r = (await p.call(
          's5_plan_revision_create',
          { date: '2024-03-29', reason: '中間見直し' },
          u.prefAdmin,
        )) as { version: number; kind: string; date: string };
        assert.deepEqual([r.version, r.kind, r.date], [before + 1, 'revision', '2024-03-29']);
      });

      it('let a reviewer change the grading rule, and refuse an inconsistent one', async () => {
        const rule = {
          grades: [{ grade: 'A', min_rate: 1, label: '達成' }],
          lowest_grade: { grade: 'B', label: '未達成' },
          qualitative: { achieved: 'A', mostly_achieved: 'B', in_progress: 'B', not_started: 'B' },
        };
        await assert.rejects(
          p.call(
            's5_plan_rule_update',
            { rule: { ...rule, qualitative: { ...rule.qualitative, achieved: 'S' } }, reason: 'x' },
            u.prefAdmin,
          ),
          withCode('validation'),
        );
        const r = (await p.call(
          's5_plan_rule_update',
          { rule, reason: '2段階評価へ' },
          u.prefAdmin,
        )) as {
          evaluation_rule: { mid_period_target: string };
        };
        assert.equal(r.evaluation_rule.mid_period_target, 'final');
        assert.equal((await lastRevision())?.kind, 'rule');
      });
    });
  });
}
