import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';

interface ShownNode {
  code: string;
  kind: string;
  label: string;
  title: string;
  heading: string;
  body: string;
  kpis: Array<{
    code: string;
    measurement: string;
    target: { value: number | null; note: string };
  }>;
  children: ShownNode[];
}
interface ShownPlan {
  name: string;
  title: string;
  organization: { name: string } | null;
  period: { from: number; to: number; label: string };
  basic_principle: string;
  version: number;
  revisions: Array<{ version: number; kind: string; date: string; reason: string }>;
  nodes: ShownNode[];
}

const flatten = (nodes: ShownNode[]): ShownNode[] =>
  nodes.flatMap((n) => [n, ...flatten(n.children)]);

for (const backend of testBackends()) {
  describe(`the seeded plan on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let plan: ShownPlan;
    before(async () => {
      p = await backend.open();
      plan = (await p.call('s5_plan_show', {})) as ShownPlan;
    });
    after(() => p?.close());

    it('is 北海道Society5.0推進計画 for FY2021–FY2025, owned by the prefecture organization', () => {
      assert.equal(plan.title, '北海道Society5.0推進計画');
      assert.deepEqual([plan.period.from, plan.period.to], [2021, 2025]);
      assert.equal(plan.period.label, '2021年度（令和3年度）〜2025年度（令和7年度）');
      assert.equal(plan.basic_principle, '未来技術を活用した活力にあふれる北海道');
      assert.equal(plan.organization?.name, 'hokkaido');
    });

    it('has the five pillars with their 取組方針, after the urgent COVID-19 measures', () => {
      assert.deepEqual(
        plan.nodes.map((n) => [n.kind, n.title]),
        [
          ['urgent', '新型コロナウイルス感染症への対応を踏まえた喫緊の取組'],
          ['pillar', '暮らし'],
          ['pillar', '産業'],
          ['pillar', '行政'],
          ['pillar', 'データの利活用'],
          ['pillar', '基盤整備'],
        ],
      );
      assert.match(plan.nodes[1]?.body ?? '', /^北海道が抱える様々な課題/);
      assert.equal(plan.nodes[4]?.heading, 'データの共有と活用の仕組みづくり');
    });

    it('lists the urgent measures (a)–(e) and each pillar’s policy areas with their initiatives', () => {
      assert.deepEqual(
        plan.nodes.map((n) => n.children.map((c) => c.label).join('')),
        [
          '(a)(b)(c)(d)(e)',
          '(a)(b)(c)(d)(e)(f)',
          '(a)(b)(c)(d)(e)',
          '(a)(b)',
          '(a)(b)',
          '(a)(b)(c)',
        ],
      );
      const all = flatten(plan.nodes);
      assert.equal(all.filter((n) => n.kind === 'initiative').length, 47);
      const od = all.find((n) => n.code === '4a');
      assert.deepEqual(
        od?.children.map((c) => c.title),
        [
          '道内市町村へのオープンデータ支援の推進',
          '国が示した「推奨データセット」に準拠したデータの公開を推進 など',
        ],
      );
    });

    it('ships computed open-data KPIs and manual KPIs whose missing figures are explained', () => {
      const kpis = flatten(plan.nodes).flatMap((n) => n.kpis);
      assert.deepEqual(
        flatten(plan.nodes)
          .find((n) => n.code === '4a')
          ?.kpis.map((k) => k.measurement),
        Array(7).fill('computed'),
      );
      for (const k of kpis) {
        assert.equal(k.target.value, null, `${k.code} must not carry an invented figure`);
        assert.ok(k.target.note.length > 0, `${k.code} says why its target has no figure`);
      }
    });

    it('records its adoption (策定) as version 1', () => {
      assert.equal(plan.version, 1);
      assert.deepEqual(
        plan.revisions.map((r) => [r.version, r.kind, r.date]),
        [[1, 'adopted', '2021-03-30']],
      );
    });

    it('is listed by s5_plan_list', async () => {
      const list = (await p.call('s5_plan_list', {})) as Array<{ name: string }>;
      assert.deepEqual(
        list.map((x) => x.name),
        ['hokkaido-society5-plan'],
      );
    });

    it('answers not found for an unknown plan', async () => {
      await assert.rejects(p.call('s5_plan_show', { plan: 'nope' }), { code: 'not_found' });
    });
  });
}
