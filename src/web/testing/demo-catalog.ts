import { createReadStream } from 'node:fs';
import path from 'node:path';
import { siteActor } from '../../catalog/index.ts';
import { Upload } from '../../files/index.ts';
import { enqueueIngest, runQueuedJob } from '../../ingest/index.ts';
import type { Platform } from '../../platform/index.ts';

const REAL_CSV = path.resolve(import.meta.dirname, '../../../test/fixtures/real-csv');

/** What the demo catalog made, for tests to aim at. */
export interface DemoCatalog {
  aed: { name: string; resourceId: string };
  toilet: { name: string; resourceId: string };
  /** The prefecture-wide merged AED dataset, when the merged capability is installed. */
  mergedAed: string | undefined;
}

/**
 * Uploads a real CSV fixture as a new resource of a dataset and loads it into the datastore,
 * as `s5 import` does. Returns the resource id.
 */
export async function importFixture(p: Platform, datasetId: string, file: string): Promise<string> {
  const name = path.basename(file);
  const stored = await p.files.put(
    createReadStream(path.join(REAL_CSV, file)),
    p.site.maxUploadBytes,
  );
  const created = (await p.call(
    'resource_create',
    { package_id: datasetId, name, upload: new Upload(stored, name, 'text/csv') },
    siteActor,
  )) as { id: string };
  // Through the queue, as `s5 import` does: the job's end also refreshes the dataset's search
  // entry (its standard-dataset facet).
  const deps = { db: p.db, files: p.files, now: () => p.clock.now() };
  const job = await enqueueIngest(deps, created.id, 'demo');
  const ran = await runQueuedJob(deps, job.id);
  if (!ran?.result) throw ran?.error ?? new Error(`ingest job ${job.id} did not run`);
  return created.id;
}

/**
 * A small, realistic catalog for portal tests, screenshots and the bench: two standard datasets
 * loaded from real municipal CSV files (AED with coordinates; public toilets), a few plain
 * datasets, and a plan with two published yearly reports.
 */
export async function buildDemoCatalog(p: Platform): Promise<DemoCatalog> {
  const aed = (await p.call(
    'package_create',
    {
      name: 'sapporo-aed',
      title: 'AED設置箇所一覧',
      owner_org: 'sapporo-shi',
      license_id: 'cc-by-4.0',
      notes:
        '市内の公共施設に設置している **AED（自動体外式除細動器）** の一覧です。\n\n' +
        '- 設置場所、住所、緯度・経度\n- 利用可能な曜日・時間\n\n' +
        '詳しくは [自治体標準オープンデータセット](https://www.digital.go.jp/resources/open_data/municipal-standard-data-set-test) をご覧ください。',
      tags: [{ name: '防災' }, { name: '医療' }],
      groups: [{ name: 'ishikari' }],
    },
    siteActor,
  )) as { id: string; name: string };
  const aedRid = await importFixture(p, aed.id, 'yaizu_222127_aed.csv');
  const toilet = (await p.call(
    'package_create',
    {
      name: 'hakodate-public-toilet',
      title: '公衆トイレ一覧',
      owner_org: 'hakodate-shi',
      license_id: 'cc-by-4.0',
      notes: '市が管理する公衆トイレの所在地と設備（多機能トイレ、おむつ交換台など）です。',
      tags: [{ name: '観光' }, { name: '福祉' }],
      groups: [{ name: 'oshima' }],
    },
    siteActor,
  )) as { id: string; name: string };
  const toiletRid = await importFixture(p, toilet.id, 'yaizu_222127_public_toilet.csv');
  // A second AED publisher, so the prefecture-wide merged AED table has two municipalities.
  const hakodateAed = (await p.call(
    'package_create',
    {
      name: 'hakodate-aed',
      title: 'AED設置箇所一覧',
      owner_org: 'hakodate-shi',
      license_id: 'cc-by-4.0',
      tags: [{ name: '防災' }],
      groups: [{ name: 'oshima' }],
    },
    siteActor,
  )) as { id: string };
  await importFixture(p, hakodateAed.id, 'yaizu_222127_aed.csv');
  const plain: Array<[string, string, string, string, string]> = [
    ['obihiro-evacuation', '指定緊急避難場所一覧', 'obihiro-shi', 'tokachi', '防災'],
    ['asahikawa-population', '地域・年齢別人口', 'asahikawa-shi', 'kamikawa', '統計'],
    ['kushiro-events', 'イベント一覧', 'kushiro-shi', 'kushiro', '観光'],
    ['hokkaido-budget', '予算・決算', 'hokkaido', 'ishikari', '財政'],
  ];
  for (const [name, title, org, group, tag] of plain) {
    await p.call(
      'package_create',
      {
        name,
        title,
        owner_org: org,
        license_id: 'cc-by-4.0',
        notes: `${title}のデータです。`,
        tags: [{ name: tag }],
        groups: [{ name: group }],
        resources: [{ url: `https://example.jp/${name}.csv`, name: `${title}.csv`, format: 'CSV' }],
      },
      siteActor,
    );
  }
  await publishDemoPlan(p);
  return {
    aed: { name: aed.name, resourceId: aedRid },
    toilet: { name: toilet.name, resourceId: toiletRid },
    mergedAed: await refreshMerged(p),
  };
}

/** Builds the merged tables now (they follow writes asynchronously); the AED one's name. */
async function refreshMerged(p: Platform): Promise<string | undefined> {
  if (!p.registry.has('s5_merged_refresh')) return undefined;
  await p.call('s5_merged_refresh', { schema: 'r01-aed' }, siteActor);
  const merged = (await p.call('s5_merged_list', { schema: 'r01-aed' })) as {
    results: Array<{ package_name: string }>;
  };
  return merged.results[0]?.package_name;
}

/** Enters figures for one KPI in FY2023 and FY2024 and publishes both years' reports. */
async function publishDemoPlan(p: Platform): Promise<void> {
  const kpi = '3b-my-number-card-rate';
  await p.call(
    's5_kpi_update',
    {
      kpi,
      baseline: { year: 2020, value: 20 },
      target: { value: 100 },
      reason: '計画本文の数値を入力',
    },
    siteActor,
  );
  const values: Array<[number, number]> = [
    [2021, 38.5],
    [2022, 55.1],
    [2023, 67.0],
    [2024, 73.2],
  ];
  for (const [year, value] of values) {
    await p.call(
      's5_kpi_value_upsert',
      { fiscal_year: year, kpi, actual_value: value, evidence_url: 'https://www.soumu.go.jp/' },
      siteActor,
    );
    await p.call(
      's5_evaluation_update',
      { fiscal_year: year, node: '3b', text: 'マイナンバーカードの交付率は着実に上昇した。' },
      siteActor,
    );
    for (const step of ['s5_report_submit', 's5_report_review', 's5_report_publish']) {
      await p.call(step, { fiscal_year: year }, siteActor);
    }
  }
}
