import { toCkanTimestamp } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { type Database, withTransaction } from '../../db/index.ts';
import { DEFAULT_EVALUATION_RULE } from '../evaluate/evaluation-rule.ts';
import { jstDate } from '../fiscal-year.ts';
import { checkKpiDefinition, completeKpiDefinition } from '../kpi-definition.ts';
import { findPlan, insertPlan, insertRevision, listRevisions, updatePlan } from '../repo/plans.ts';
import { flattenNodeSeeds, type PlanSeed } from './plan-seed-format.ts';
import { readPlanSeed } from './read-plan-seed.ts';
import { type SeededKpi, syncKpis, syncNodes } from './sync-structure.ts';

/** What `seedPlan` did. */
export interface PlanSeedSummary {
  plan: string;
  title: string;
  created: boolean;
  nodes: number;
  kpis: number;
  version: number;
  /** Changes recorded as a new version (0 on a first load or when nothing changed). */
  changes: number;
}

/**
 * Loads the plan named in `<seedDir>/seed.json` (key `plan`), or brings a loaded plan in line
 * with its file: every change becomes a new plan version with the list of what changed, and
 * revisions (見直し) new in the file are recorded. Idempotent; one transaction.
 * @returns null when seed.json names no plan.
 * @throws AppError validation when the plan file is malformed.
 */
export async function seedPlan(
  db: Database,
  seedDir: string,
  now: Date,
): Promise<PlanSeedSummary | null> {
  const loaded = readPlanSeed(seedDir);
  if (!loaded) return null;
  const { plan: seed, prefectureCode, file } = loaded;
  const kpis = seededKpis(seed, file);
  const stamp = toCkanTimestamp(now);
  const fields = {
    title: seed.title,
    title_en: seed.title_en,
    org_code: prefectureCode,
    period_from: seed.period.from,
    period_to: seed.period.to,
    basic_principle: seed.basic_principle,
    description: seed.description,
    office: seed.office,
    source: seed.source,
    adopted: seed.adopted ?? null,
    evaluation_rule: JSON.stringify(seed.evaluation_rule ?? DEFAULT_EVALUATION_RULE),
  };
  return withTransaction(db, async (tx) => {
    const before = await findPlan(tx, seed.name);
    const planId = before?.id ?? newId();
    if (!before)
      await insertPlan(tx, {
        id: planId,
        name: seed.name,
        ...fields,
        version: 0,
        created: stamp,
        modified: stamp,
      });
    const changes = before
      ? (Object.keys(fields) as Array<keyof typeof fields>)
          .filter((k) => before[k] !== fields[k])
          .map((k) => `plan: ${k}`)
      : [];
    changes.push(...(await syncNodes(tx, planId, seed.nodes, stamp)));
    changes.push(...(await syncKpis(tx, planId, kpis, stamp)));
    let version = before?.version ?? 0;
    const record = async (kind: string, date: string, reason: string, list: string[]) => {
      version += 1;
      await insertRevision(tx, {
        id: newId(),
        plan_id: planId,
        version,
        kind,
        date,
        reason,
        changes: JSON.stringify(list),
        actor: null,
        created: stamp,
      });
    };
    const known = await listRevisions(tx, planId);
    for (const r of seed.revisions)
      if (!known.some((k) => k.kind === r.kind && k.date === r.date && k.reason === r.reason))
        await record(r.kind, r.date, r.reason, []);
    if (!before && version === 0)
      await record(
        'structure',
        jstDate(now),
        'シードファイルから読み込み / Loaded from the seed file',
        [],
      );
    if (before && changes.length > 0)
      await record('structure', jstDate(now), 'シードファイルの更新 / Seed file updated', changes);
    if (!before || version !== before.version)
      await updatePlan(tx, planId, { ...fields, version, modified: stamp });
    return {
      plan: seed.name,
      title: seed.title,
      created: !before,
      nodes: flattenNodeSeeds(seed.nodes).length,
      kpis: kpis.length,
      version,
      changes: before ? changes.length : 0,
    };
  });
}

/** The file's KPIs, completed and checked. @throws AppError validation naming the KPI. */
function seededKpis(seed: PlanSeed, file: string): SeededKpi[] {
  const out: SeededKpi[] = [];
  for (const { node } of flattenNodeSeeds(seed.nodes)) {
    for (const [position, input] of (node.kpis ?? []).entries()) {
      const def = completeKpiDefinition(input);
      const errors = checkKpiDefinition(def, seed.period);
      const first = Object.entries(errors)[0];
      if (first)
        throw new AppError(
          'validation',
          `seed: ${file}: KPI ${def.code}: ${first[0]}: ${first[1].join('; ')}`,
        );
      out.push({ nodeCode: node.code, position, def });
    }
  }
  return out;
}
