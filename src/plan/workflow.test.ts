import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';
import { createPlanUsers, type PlanUsers, withCode } from './testing/plan-users.ts';

interface ReportState {
  fiscal_year: number;
  revision: number | null;
  status: string;
  history: Array<{
    from_status: string | null;
    to_status: string;
    actor: string | null;
    note: string;
    at: string;
  }>;
}

const YEAR = 2024;

for (const backend of testBackends()) {
  describe(`the yearly report workflow on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: PlanUsers;
    const enter = (actor: PlanUsers[keyof PlanUsers], input: Record<string, unknown>) =>
      p.call('s5_kpi_value_upsert', { fiscal_year: YEAR, ...input }, actor);
    const step = (name: string, actor: PlanUsers[keyof PlanUsers], extra = {}) =>
      p.call(name, { fiscal_year: YEAR, ...extra }, actor) as Promise<ReportState>;

    before(async () => {
      p = await backend.open();
      u = await createPlanUsers(p);
    });
    after(() => p?.close());

    describe('entering values', () => {
      it('lets an editor of the prefecture enter a value, opening the draft of the year', async () => {
        const r = (await enter(u.prefEditor, {
          kpi: '3b-my-number-card-rate',
          actual_value: 73.2,
          evidence_url: 'https://www.soumu.go.jp/kojinbango_card/',
        })) as {
          revision: number;
          status: string;
          value: { actual_value: number; updated_by: string };
        };
        assert.deepEqual(
          [r.revision, r.status, r.value.actual_value, r.value.updated_by],
          [1, 'draft', 73.2, 'pref-editor'],
        );
      });

      it('keeps the keys an update leaves out', async () => {
        const r = (await enter(u.prefEditor, {
          kpi: '3b-my-number-card-rate',
          comment: '速報値',
        })) as {
          value: { actual_value: number; evidence_url: string; comment: string };
        };
        assert.deepEqual(
          [r.value.actual_value, r.value.evidence_url, r.value.comment],
          [73.2, 'https://www.soumu.go.jp/kojinbango_card/', '速報値'],
        );
      });

      it('refuses anonymous callers, members and editors of a municipality', async () => {
        const input = { kpi: '3b-my-number-card-rate', actual_value: 1 };
        await assert.rejects(enter(u.anonymous, input), withCode('not_authorized'));
        await assert.rejects(enter(u.prefMember, input), withCode('not_authorized'));
        await assert.rejects(enter(u.cityAdmin, input), withCode('not_authorized'));
      });

      it('refuses a value s5 computes, a status for a number and a number for a status', async () => {
        await assert.rejects(
          enter(u.prefEditor, { kpi: '4a-datasets-published', actual_value: 5 }),
          withCode('validation'),
        );
        await assert.rejects(
          enter(u.prefEditor, { kpi: '3b-my-number-card-rate', status: 'achieved' }),
          withCode('validation'),
        );
        await assert.rejects(
          enter(u.prefEditor, { kpi: '5b-security-cloud', actual_value: 1 }),
          withCode('validation'),
        );
      });

      it('refuses a year outside the plan period and a link that is not http(s)', async () => {
        await assert.rejects(
          p.call(
            's5_kpi_value_upsert',
            { fiscal_year: 2019, kpi: '3b-my-number-card-rate', actual_value: 1 },
            u.prefEditor,
          ),
          withCode('validation'),
        );
        await assert.rejects(
          enter(u.prefEditor, {
            kpi: '3b-my-number-card-rate',
            evidence_url: 'javascript:alert(1)',
          }),
          withCode('validation'),
        );
      });

      it('takes a qualitative status and a narrative evaluation of a measure', async () => {
        await enter(u.prefEditor, {
          kpi: '5b-security-cloud',
          status: 'in_progress',
          evidence_note: '運用中',
        });
        const e = (await p.call(
          's5_evaluation_update',
          { fiscal_year: YEAR, node: '4a', text: '公開市町村数は増加した。' },
          u.prefEditor,
        )) as { evaluation: { text: string; updated: string; updated_by: string } };
        assert.deepEqual(e.evaluation, {
          text: '公開市町村数は増加した。',
          updated: e.evaluation.updated,
          updated_by: 'pref-editor',
        });
      });

      it('shows the draft to editors and not to the public', async () => {
        const draft = (await p.call(
          's5_report_show',
          { fiscal_year: YEAR },
          u.prefEditor,
        )) as ReportState;
        assert.deepEqual([draft.revision, draft.status], [1, 'draft']);
        await assert.rejects(
          p.call('s5_report_show', { fiscal_year: YEAR }, u.anonymous),
          withCode('not_found'),
        );
        await assert.rejects(
          p.call('s5_report_show', { fiscal_year: YEAR }, u.prefMember),
          withCode('not_found'),
        );
      });
    });

    describe('moving the report along', () => {
      it('lets an editor submit, after which the year can no longer be edited', async () => {
        const s = await step('s5_report_submit', u.prefEditor, { note: '入力完了' });
        assert.equal(s.status, 'submitted');
        await assert.rejects(
          enter(u.prefEditor, { kpi: '3b-my-number-card-rate', actual_value: 80 }),
          withCode('conflict'),
        );
      });

      it('refuses review by an editor, and submitting twice', async () => {
        await assert.rejects(step('s5_report_review', u.prefEditor), withCode('not_authorized'));
        await assert.rejects(step('s5_report_submit', u.prefEditor), withCode('conflict'));
      });

      it('lets a reviewer return it to draft with a note, so it can be edited again', async () => {
        await assert.rejects(step('s5_report_return', u.prefAdmin), withCode('validation'));
        const s = await step('s5_report_return', u.prefAdmin, { note: '根拠を追記してください' });
        assert.equal(s.status, 'draft');
        await enter(u.prefEditor, { kpi: '3b-my-number-card-rate', evidence_note: '総務省公表値' });
      });

      it('refuses publishing what has not been reviewed', async () => {
        await step('s5_report_submit', u.prefEditor);
        await assert.rejects(step('s5_report_publish', u.prefAdmin), withCode('conflict'));
      });

      it('lets only a reviewer review and publish', async () => {
        assert.equal((await step('s5_report_review', u.prefAdmin)).status, 'reviewed');
        await assert.rejects(step('s5_report_publish', u.prefEditor), withCode('not_authorized'));
        await assert.rejects(step('s5_report_publish', u.cityAdmin), withCode('not_authorized'));
        assert.equal((await step('s5_report_publish', u.prefAdmin)).status, 'published');
      });

      it('records who moved the report to each status, and when', async () => {
        const r = (await p.call(
          's5_report_show',
          { fiscal_year: YEAR },
          u.anonymous,
        )) as ReportState;
        assert.deepEqual(
          r.history.map((h) => [h.from_status, h.to_status, h.actor, h.note]),
          [
            [null, 'draft', 'pref-editor', ''],
            ['draft', 'submitted', 'pref-editor', '入力完了'],
            ['submitted', 'draft', 'pref-admin', '根拠を追記してください'],
            ['draft', 'submitted', 'pref-editor', ''],
            ['submitted', 'reviewed', 'pref-admin', ''],
            ['reviewed', 'published', 'pref-admin', ''],
          ],
        );
        assert.ok(r.history.every((h) => /^\d{4}-\d\d-\d\dT/.test(h.at)));
      });

      it('lists the year as published for everyone', async () => {
        const years = (await p.call('s5_report_list', {}, u.anonymous)) as Array<{
          fiscal_year: number;
          status: string;
          published_revision: number | null;
        }>;
        assert.deepEqual(
          years.map((y) => [y.fiscal_year, y.status]),
          [
            [2021, 'not_published'],
            [2022, 'not_published'],
            [2023, 'not_published'],
            [2024, 'published'],
            [2025, 'not_published'],
          ],
        );
      });
    });
  });

  describe(`fiscal years that have not begun on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: PlanUsers;
    before(async () => {
      p = await backend.open({ clockStart: '2023-06-01T00:00:00Z' });
      u = await createPlanUsers(p);
    });
    after(() => p?.close());

    it('are refused: no value can be entered for the future', async () => {
      await assert.rejects(
        p.call(
          's5_kpi_value_upsert',
          { fiscal_year: 2024, kpi: '3b-my-number-card-rate', actual_value: 1 },
          u.prefEditor,
        ),
        withCode('validation'),
      );
    });
  });
}
