import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { Platform } from '../platform/index.ts';
import { buildPackage, siteActor, testBackends } from '../../test/support/backends.ts';
import type { ReportKpi, ReportView } from './report/report-types.ts';
import { publishYear, readStoredFile } from './testing/plan-steps.ts';
import { createPlanUsers, type PlanUsers, withCode } from './testing/plan-users.ts';

interface Dataset {
  id: string;
  name: string;
  owner_org: string;
  organization: { name: string };
  private: boolean;
  resources: Array<{ id: string; name: string; format: string; hash: string; url: string }>;
}

const kpis = (view: ReportView): ReportKpi[] => {
  const out: ReportKpi[] = [];
  const walk = (nodes: ReportView['nodes']) => {
    for (const n of nodes) {
      out.push(...n.kpis);
      walk(n.children);
    }
  };
  walk(view.nodes);
  return out;
};
const kpi = (view: ReportView, code: string) => {
  const k = kpis(view).find((x) => x.code === code);
  assert.ok(k, code);
  return k;
};

for (const backend of testBackends()) {
  describe(`publishing a year's report on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: PlanUsers;
    let published: ReportView;
    const show = (year: number, extra = {}) =>
      p.call('s5_report_show', { fiscal_year: year, ...extra }, u.anonymous) as Promise<ReportView>;

    before(async () => {
      p = await backend.open();
      u = await createPlanUsers(p);
      await p.call(
        'package_create',
        buildPackage({ name: 'sapporo-aed', resources: [{ url: 'https://example.jp/aed.csv' }] }),
        siteActor,
      );
      await p.call(
        's5_kpi_update',
        {
          kpi: '3b-my-number-card-rate',
          baseline: { year: 2020, value: 20 },
          target: { value: 100 },
          reason: '計画本文の数値を入力',
        },
        u.prefEditor,
      );
      await p.call(
        's5_kpi_value_upsert',
        { fiscal_year: 2023, kpi: '3b-my-number-card-rate', actual_value: 60 },
        u.prefEditor,
      );
      await p.call(
        's5_kpi_value_upsert',
        {
          fiscal_year: 2023,
          kpi: '5b-security-cloud',
          status: 'achieved',
          evidence_note: '〜運用中',
        },
        u.prefEditor,
      );
      await p.call(
        's5_evaluation_update',
        { fiscal_year: 2023, node: '3b', text: '交付率は着実に上昇した。' },
        u.prefEditor,
      );
      await publishYear(p, 2023, u.prefEditor, u.prefAdmin);
      published = await show(2023);
    });
    after(() => p?.close());

    describe('the report', () => {
      it('grades a KPI by its achievement rate: (60 − 20) / (100 − 20) = 50% is C', () => {
        const k = kpi(published, '3b-my-number-card-rate');
        assert.deepEqual(
          [
            k.actual.value,
            k.evaluation.target_for_year,
            k.evaluation.rate_percent,
            k.evaluation.grade,
          ],
          [60, 100, 50, 'C'],
        );
      });

      it('grades a qualitative KPI by its status', () => {
        const k = kpi(published, '5b-security-cloud');
        assert.deepEqual([k.actual.status, k.evaluation.grade], ['achieved', 'A']);
      });

      it('shows manual KPIs nobody entered as empty and not evaluable, never with a made-up value', () => {
        const k = kpi(published, '3a-online-procedures');
        assert.deepEqual(
          [k.actual.value, k.evaluation.grade, k.evaluation.reason],
          [null, null, 'no_target'],
        );
        assert.match(k.target.note, /数値目標を記載していない/);
      });

      it('freezes computed KPIs with the value the catalog gave at publication', () => {
        const k = kpi(published, '4a-datasets-published');
        assert.deepEqual([k.actual.value, k.actual.computable], [1, true]);
        assert.equal(k.actual.computed_at, '2026-11-25T03:00:00.000000');
      });

      it('freezes the standard-dataset KPIs from the coverage matrix', () => {
        const k = kpi(published, '4a-standard-dataset-conforming');
        assert.deepEqual([k.actual.value, k.actual.computable], [0, true]);
      });

      it('carries the narrative evaluation, a grade summary and the series of each KPI', () => {
        const node = published.nodes
          .find((n) => n.code === '3')
          ?.children.find((n) => n.code === '3b');
        assert.equal(node?.evaluation?.text, '交付率は着実に上昇した。');
        assert.equal(published.summary.total, kpis(published).length);
        assert.equal(published.summary.grades.C, 1);
        assert.deepEqual(
          kpi(published, '3b-my-number-card-rate').trend.map((t) => [t.fiscal_year, t.actual]),
          [
            [2021, null],
            [2022, null],
            [2023, 60],
          ],
        );
      });
    });

    describe('as open data', () => {
      let dataset: Dataset;
      before(async () => {
        dataset = (await p.call(
          'package_show',
          { id: 'hokkaido-society5-plan-fy2023' },
          u.anonymous,
        )) as Dataset;
      });

      it('is a public dataset of the prefecture with CSV (UTF-8, CP932) and JSON', () => {
        assert.equal(dataset.organization.name, 'hokkaido');
        assert.equal(dataset.private, false);
        assert.deepEqual(
          dataset.resources.map((r) => r.format),
          ['CSV', 'CSV', 'JSON'],
        );
        assert.deepEqual(published.dataset, { id: dataset.id, name: dataset.name });
      });

      it('has a UTF-8 CSV with a BOM and Japanese headers, and a CP932 CSV with the same text', async () => {
        const [utf8, sjis] = dataset.resources;
        const a = await readStoredFile(p, utf8?.hash ?? '');
        const b = await readStoredFile(p, sjis?.hash ?? '');
        assert.deepEqual([...a.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        const text = a.subarray(3).toString('utf8');
        assert.match(text, /^年度,年度（和暦）,版,施策の柱,施策,指標コード,指標名/);
        assert.match(text, /3b-my-number-card-rate,道内のマイナンバーカード交付率,%,定量/);
        // 〜 (WAVE DASH) has no CP932 code; it is written as ～ (FULLWIDTH TILDE) instead of '?'.
        assert.equal(iconv.decode(b, 'cp932'), text.replaceAll('〜', '～'));
      });

      it('has the whole report as JSON, with the KPI table', async () => {
        const json = JSON.parse(
          (await readStoredFile(p, dataset.resources[2]?.hash ?? '')).toString('utf8'),
        );
        assert.equal(json.fiscal_year, 2023);
        assert.equal(json.revision, 1);
        assert.equal(json.kpi_table.length, published.summary.total);
      });
    });

    describe('after publication', () => {
      it('refuses new values and evaluations for the published year', async () => {
        await assert.rejects(
          p.call(
            's5_kpi_value_upsert',
            { fiscal_year: 2023, kpi: '3b-my-number-card-rate', actual_value: 99 },
            u.prefEditor,
          ),
          withCode('conflict'),
        );
        await assert.rejects(
          p.call(
            's5_evaluation_update',
            { fiscal_year: 2023, node: '3b', text: '書き換え' },
            u.prefEditor,
          ),
          withCode('conflict'),
        );
      });

      it('keeps the published report unchanged when targets and the catalog change', async () => {
        await p.call(
          's5_kpi_update',
          { kpi: '3b-my-number-card-rate', target: { value: 80 }, reason: '目標値の見直し' },
          u.prefEditor,
        );
        await p.call('package_create', buildPackage({ name: 'sapporo-more' }), siteActor);
        assert.deepEqual(await show(2023), published);
      });

      it('shows later drafts with the new target and the live catalog', async () => {
        await p.call(
          's5_kpi_value_upsert',
          { fiscal_year: 2024, kpi: '3b-my-number-card-rate', actual_value: 70 },
          u.prefEditor,
        );
        const draft = (await p.call(
          's5_report_show',
          { fiscal_year: 2024 },
          u.prefEditor,
        )) as ReportView;
        const k = kpi(draft, '3b-my-number-card-rate');
        assert.deepEqual([k.evaluation.target_for_year, k.evaluation.rate_percent], [80, 83.3]);
        // sapporo-aed, sapporo-more and the published report itself, which is open data too.
        assert.equal(kpi(draft, '4a-datasets-published').actual.value, 3);
        assert.deepEqual(
          k.trend.map((t) => [t.fiscal_year, t.actual, t.published]),
          [
            [2021, null, false],
            [2022, null, false],
            [2023, 60, true],
            [2024, 70, false],
          ],
        );
      });
    });

    describe('a correction', () => {
      it('is started only by a reviewer, with a reason, on a published year', async () => {
        await assert.rejects(
          p.call('s5_report_correct', { fiscal_year: 2023, reason: '誤記' }, u.prefEditor),
          withCode('not_authorized'),
        );
        await assert.rejects(
          p.call('s5_report_correct', { fiscal_year: 2024, reason: '誤記' }, u.prefAdmin),
          withCode('conflict'),
        );
        const r = (await p.call(
          's5_report_correct',
          { fiscal_year: 2023, reason: '実績値の転記誤りを訂正' },
          u.prefAdmin,
        )) as ReportView;
        assert.deepEqual(
          [r.revision, r.status, r.correction_reason],
          [2, 'draft', '実績値の転記誤りを訂正'],
        );
      });

      it('starts from the published values, while the public still sees the published revision', async () => {
        const draft = (await p.call(
          's5_report_show',
          { fiscal_year: 2023 },
          u.prefEditor,
        )) as ReportView;
        assert.equal(kpi(draft, '3b-my-number-card-rate').actual.value, 60);
        assert.equal((await show(2023)).revision, 1);
      });

      it('once published, replaces the report and its files, keeping the old revision as superseded', async () => {
        await p.call(
          's5_kpi_value_upsert',
          { fiscal_year: 2023, kpi: '3b-my-number-card-rate', actual_value: 64 },
          u.prefEditor,
        );
        await publishYear(p, 2023, u.prefEditor, u.prefAdmin);
        const now = await show(2023);
        assert.deepEqual(
          [
            now.revision,
            now.status,
            now.correction_reason,
            kpi(now, '3b-my-number-card-rate').actual.value,
          ],
          [2, 'published', '実績値の転記誤りを訂正', 64],
        );
        assert.deepEqual(
          now.revisions.map((r) => [r.revision, r.status]),
          [
            [2, 'published'],
            [1, 'superseded'],
          ],
        );
        const old = await show(2023, { revision: 1 });
        assert.equal(old.status, 'superseded');
        assert.deepEqual(
          { ...old, status: 'published', history: [], revisions: [] },
          { ...published, history: [], revisions: [] },
        );
        const dataset = (await p.call('package_show', {
          id: 'hokkaido-society5-plan-fy2023',
        })) as Dataset;
        assert.equal(dataset.resources.length, 3);
        assert.equal(dataset.id, published.dataset?.id);
      });
    });
  });
}
