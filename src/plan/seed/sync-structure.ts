import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/index.ts';
import { changedKpiColumns, kpiColumns } from '../kpi-columns.ts';
import type { KpiDefinition } from '../kpi-definition.ts';
import {
  insertKpi,
  insertNode,
  listKpis,
  listNodes,
  updateKpi,
  updateNode,
} from '../repo/nodes.ts';
import { flattenNodeSeeds, type NodeSeed } from './plan-seed-format.ts';

/** A KPI of the seed file with the node it hangs on and its position there. */
export interface SeededKpi {
  nodeCode: string;
  position: number;
  def: KpiDefinition;
}

/**
 * Makes the stored nodes match the seed file: adds new ones, updates changed ones and retires
 * those no longer in the file (kept, because old reports refer to them).
 * @returns one line per change, for the plan's version history.
 */
export async function syncNodes(
  db: Database,
  planId: string,
  nodes: readonly NodeSeed[],
  stamp: string,
): Promise<string[]> {
  const existing = new Map((await listNodes(db, planId, true)).map((n) => [n.code, n]));
  const ids = new Map<string, string>();
  const changes: string[] = [];
  for (const { node, parent, position } of flattenNodeSeeds(nodes)) {
    const wanted = {
      parent_id: parent === null ? null : (ids.get(parent) ?? null),
      kind: node.kind,
      label: node.label ?? '',
      title: node.title,
      heading: node.heading ?? '',
      body: node.body ?? '',
      position,
      state: 'active',
    };
    const row = existing.get(node.code);
    existing.delete(node.code);
    if (!row) {
      const id = newId();
      await insertNode(db, {
        id,
        plan_id: planId,
        code: node.code,
        ...wanted,
        created: stamp,
        modified: stamp,
      });
      ids.set(node.code, id);
      changes.push(`node ${node.code} added`);
      continue;
    }
    ids.set(node.code, row.id);
    const differ = (Object.keys(wanted) as Array<keyof typeof wanted>).filter(
      (k) => row[k] !== wanted[k],
    );
    if (differ.length > 0) {
      await updateNode(db, row.id, { ...wanted, modified: stamp });
      changes.push(`node ${node.code}: ${differ.join(', ')}`);
    }
  }
  for (const row of [...existing.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (row.state !== 'active') continue;
    await updateNode(db, row.id, { state: 'retired', modified: stamp });
    changes.push(`node ${row.code} retired`);
  }
  return changes;
}

/**
 * Makes the seed's KPIs match the file. KPIs that staff created or edited (origin `user`) are
 * never touched by a seed, so running `s5 seed` again cannot undo their work.
 * @returns one line per change.
 */
export async function syncKpis(
  db: Database,
  planId: string,
  kpis: readonly SeededKpi[],
  stamp: string,
): Promise<string[]> {
  const nodeIds = new Map((await listNodes(db, planId, true)).map((n) => [n.code, n.id]));
  const existing = new Map((await listKpis(db, planId, true)).map((k) => [k.code, k]));
  const changes: string[] = [];
  for (const { nodeCode, position, def } of kpis) {
    const nodeId = nodeIds.get(nodeCode) ?? '';
    const row = existing.get(def.code);
    existing.delete(def.code);
    if (!row) {
      await insertKpi(db, {
        id: newId(),
        plan_id: planId,
        node_id: nodeId,
        ...kpiColumns(def),
        position,
        origin: 'seed',
        state: 'active',
        created: stamp,
        modified: stamp,
      });
      changes.push(`KPI ${def.code} added`);
      continue;
    }
    if (row.origin !== 'seed') continue;
    const differ = changedKpiColumns(row, def);
    if (row.node_id !== nodeId) differ.push('node');
    if (row.position !== position) differ.push('position');
    if (row.state !== 'active') differ.push('state');
    if (differ.length === 0) continue;
    await updateKpi(db, row.id, {
      ...kpiColumns(def),
      node_id: nodeId,
      position,
      state: 'active',
      modified: stamp,
    });
    changes.push(`KPI ${def.code}: ${differ.join(', ')}`);
  }
  for (const row of existing.values()) {
    if (row.origin !== 'seed' || row.state !== 'active') continue;
    await updateKpi(db, row.id, { state: 'retired', modified: stamp });
    changes.push(`KPI ${row.code} retired`);
  }
  return changes;
}
