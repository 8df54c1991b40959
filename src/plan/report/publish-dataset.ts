import { z } from 'zod';
import { type ActionContext, ActionRegistry } from '../../core/action.ts';
import { AppError, conflict } from '../../core/errors.ts';
import { catalogActions } from '../../catalog/index.ts';
import { Upload } from '../../files/index.ts';
import { fiscalYearTitle } from '../fiscal-year.ts';
import type { PlanAccess } from '../load-plan.ts';
import { encodeCp932, encodeUtf8Bom, kpiTableCsv } from './encode-table.ts';
import { kpiTable } from './report-table.ts';
import type { ReportContent } from './report-types.ts';

/** What a publication adds to the report: which revision, why, and when. */
export interface PublicationFacts {
  revision: number;
  correction_reason: string;
  published_at: string;
}

/** The dataset a report is published as, and its three files. */
export interface PublishedDataset {
  id: string;
  name: string;
  resources: Array<{ id: string; name: string; url: string; format: string }>;
}

/**
 * The upload limit guards against what people send; these files are generated from the plan's
 * own rows, so they get a bound of their own rather than failing a site with a small limit.
 */
const GENERATED_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** The catalog's own actions, so the report dataset is written by the same rules as any other. */
let catalog: ActionRegistry | null = null;
const catalogRegistry = () => {
  catalog ??= new ActionRegistry(catalogActions);
  return catalog;
};

const PackageShape = z.object({
  id: z.string(),
  name: z.string(),
  owner_org: z.string(),
  resources: z.array(z.looseObject({ id: z.string(), s5_report_part: z.unknown().optional() })),
});
const ResourceShape = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  format: z.string(),
});

/**
 * Creates or updates the catalog dataset of a fiscal year's report, owned by the prefecture:
 * the KPI table as CSV in UTF-8 (with BOM) and in CP932, and the whole report as JSON. Runs the
 * catalog's package and resource actions as the caller, inside the caller's transaction.
 * @throws AppError conflict when the dataset name is taken by another organization.
 */
export async function publishReportDataset(
  ctx: ActionContext,
  access: PlanAccess,
  content: ReportContent,
  facts: PublicationFacts,
  knownDatasetId: string | null,
): Promise<PublishedDataset> {
  const org = access.org;
  if (!org)
    throw conflict({
      plan: [
        '計画を所管する都道府県の組織がカタログにありません / The prefecture organization is not in the catalog',
      ],
    });
  const registry = catalogRegistry();
  const base = `${content.plan.name}-fy${content.fiscal_year}`;
  const rows = kpiTable(content, { revision: facts.revision });
  const csv = kpiTableCsv(rows);
  const json = JSON.stringify({ ...content, ...facts, kpi_table: rows }, null, 2);
  const parts = [
    {
      part: 'csv_utf8',
      file: `${base}-kpi-utf8.csv`,
      name: '目標指標の実績と評価（CSV・UTF-8）',
      description:
        '文字コード UTF-8（BOM付き）。 / KPI table, CSV in UTF-8 with a byte order mark.',
      format: 'CSV',
      mimetype: 'text/csv',
      bytes: encodeUtf8Bom(csv),
    },
    {
      part: 'csv_cp932',
      file: `${base}-kpi-sjis.csv`,
      name: '目標指標の実績と評価（CSV・Shift_JIS）',
      description:
        '文字コード Shift_JIS（CP932）。CP932 にない文字は「?」になります。正本は UTF-8 版です。 / ' +
        'KPI table, CSV in CP932; characters CP932 lacks become "?" (the UTF-8 file is complete).',
      format: 'CSV',
      mimetype: 'text/csv',
      bytes: encodeCp932(csv),
    },
    {
      part: 'json',
      file: `${base}-report.json`,
      name: '点検・評価結果（JSON）',
      description:
        '施策の柱・施策ごとの点検・評価、目標指標、年度推移を含む報告全体。 / The whole report: structure, evaluations, KPIs and series.',
      format: 'JSON',
      mimetype: 'application/json',
      bytes: new TextEncoder().encode(json),
    },
  ];
  const title = `${content.plan.title} 点検・評価結果 ${fiscalYearTitle(content.fiscal_year)}`;
  const fields = {
    title,
    notes: describe(content, facts),
    license_id: 'cc-by-4.0',
    tags: [{ name: 'Society5.0' }, { name: '計画' }, { name: '進捗評価' }],
    extras: [
      { key: 's5_plan', value: content.plan.name },
      { key: 'fiscal_year', value: String(content.fiscal_year) },
      { key: 'revision', value: String(facts.revision) },
    ],
  };
  const existing = await findDataset(ctx, registry, knownDatasetId ?? base);
  if (existing && existing.owner_org !== org.id)
    throw conflict({
      name: [
        `データセット名 ${base} は他の組織が使用しています / ${base} belongs to another organization`,
      ],
    });
  const pkg = existing
    ? PackageShape.parse(
        await registry.call('package_patch', ctx, {
          id: existing.id,
          ...fields,
          private: false,
          state: 'active',
        }),
      )
    : PackageShape.parse(
        await registry.call('package_create', ctx, { name: base, owner_org: org.id, ...fields }),
      );
  const resources: PublishedDataset['resources'] = [];
  for (const p of parts) {
    const stored = await ctx.files.put(oneChunk(p.bytes), GENERATED_FILE_MAX_BYTES);
    const resource = {
      name: p.name,
      description: p.description,
      format: p.format,
      mimetype: p.mimetype,
      upload: new Upload(stored, p.file, p.mimetype),
      s5_report_part: p.part,
    };
    const old = pkg.resources.find((r) => r.s5_report_part === p.part);
    const saved = ResourceShape.parse(
      old
        ? await registry.call('resource_update', ctx, { id: old.id, ...resource })
        : await registry.call('resource_create', ctx, { package_id: pkg.id, ...resource }),
    );
    resources.push({ id: saved.id, name: saved.name, url: saved.url, format: saved.format });
  }
  return { id: pkg.id, name: pkg.name, resources };
}

async function findDataset(ctx: ActionContext, registry: ActionRegistry, ref: string) {
  try {
    return PackageShape.parse(await registry.call('package_show', ctx, { id: ref }));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

function describe(content: ReportContent, facts: PublicationFacts): string {
  const grades = [
    ...content.rule.grades.map((g) => `${g.grade}: ${g.label}`),
    `${content.rule.lowest_grade.grade}: ${content.rule.lowest_grade.label}`,
  ].join('、');
  const correction =
    facts.revision > 1
      ? `\n\n第${facts.revision}版（訂正）: ${facts.correction_reason} / Revision ${facts.revision} (correction).`
      : '';
  return (
    `${content.plan.title}の${fiscalYearTitle(content.fiscal_year)}の点検・評価結果です。` +
    '目標指標ごとに基準値・目標値・実績値・達成率・評価を収録しています。' +
    `達成率 =（実績値 − 基準値）÷（目標値 − 基準値）。評価区分: ${grades}。` +
    '数値の記載がない目標やデータが不足する指標は「評価不能」とし、その理由を記載しています。' +
    `CSV は UTF-8（BOM付き）と Shift_JIS（CP932）、JSON には施策ごとの点検・評価と年度推移も含みます。${correction}\n\n` +
    `Progress report of ${content.plan.title_en || content.plan.title} for FY${content.fiscal_year}: ` +
    'baseline, target, actual, achievement rate and grade of every KPI, as CSV (UTF-8 with BOM; ' +
    'CP932) and JSON (with the narrative evaluations and the series over the years).'
  );
}
