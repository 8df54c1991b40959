import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { toCkanTimestamp } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { type Database, withTransaction } from '../db/index.ts';
import { findGroup, upsertGroup } from './repo/groups.ts';
import { packageIdsOfOrg } from './repo/packages.ts';
import { reindexPackages } from './repo/search-index.ts';
import { englishTitle, type MunicipalitySeed, SeedFile } from './seed-format.ts';

export interface SeedSummary {
  prefecture: string;
  organizations: number;
  groups: number;
}

/**
 * Loads a prefecture's publishers from a seed folder: the prefecture and its municipalities as
 * organizations, its regions (振興局 for Hokkaido) as groups. Idempotent: running it again
 * updates titles and attributes in place and never duplicates; all in one transaction.
 * @throws AppError validation when the seed files are malformed (naming file and row).
 */
export async function seedCatalog(db: Database, seedDir: string, now: Date): Promise<SeedSummary> {
  const seed = readSeed(seedDir);
  const municipalities = readMunicipalities(seedDir, seed);
  const created = toCkanTimestamp(now);
  return withTransaction(db, async (tx) => {
    const regionIds = new Map<string, string>();
    for (const r of seed.regions) {
      const id = await upsertGroup(tx, {
        id: newId(),
        name: r.name,
        title: r.title,
        title_en: r.title_en,
        description: `${seed.prefecture.title}の${r.title}管内の市町村が公開するデータ`,
        image_url: '',
        is_organization: false,
        type: 'group',
        state: 'active',
        created,
        code: null,
        region_group_id: null,
        extras: JSON.stringify({ kind: seed.regionKind.ja, reading: r.reading }),
      });
      regionIds.set(r.title, id);
    }
    const orgIds: string[] = [];
    orgIds.push(
      await upsertGroup(tx, {
        id: newId(),
        name: seed.prefecture.name,
        title: seed.prefecture.title,
        title_en: seed.prefecture.title_en,
        description: seed.prefecture.description,
        image_url: '',
        is_organization: true,
        type: 'organization',
        state: 'active',
        created,
        code: seed.prefecture.code,
        region_group_id: null,
        extras: JSON.stringify({ kind: '都道府県', reading: seed.prefecture.reading }),
      }),
    );
    for (const m of municipalities) {
      const regionId = regionIds.get(m.regionTitle);
      if (!regionId) {
        throw new AppError(
          'validation',
          `seed: ${m.title} (${m.code}) names an unknown region "${m.regionTitle}"`,
        );
      }
      orgIds.push(
        await upsertGroup(tx, {
          id: newId(),
          name: m.name,
          title: m.title,
          title_en: englishTitle(m.name, m.kind),
          description: '',
          image_url: '',
          is_organization: true,
          type: 'organization',
          state: 'active',
          created,
          code: m.code,
          region_group_id: regionId,
          extras: JSON.stringify({ kind: m.kind, reading: m.reading, ...m.extras }),
        }),
      );
    }
    // Titles feed the search text of every dataset of an organization.
    for (const id of orgIds) await reindexPackages(tx, await packageIdsOfOrg(tx, id));
    return {
      prefecture: seed.prefecture.title,
      organizations: orgIds.length,
      groups: regionIds.size,
    };
  });
}

/** True when the database has no organizations yet (a fresh install). */
export async function catalogIsEmpty(db: Database): Promise<boolean> {
  const row = await db.kysely.selectFrom('groups').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** The prefecture organization's name and code from a seed folder (e.g. to scope checks). */
export async function prefectureOf(db: Database, seedDir: string) {
  const seed = readSeed(seedDir);
  const org = await findGroup(db, seed.prefecture.name, true);
  return { ...seed.prefecture, id: org?.id ?? null };
}

function readSeed(seedDir: string): SeedFile {
  const file = path.join(seedDir, 'seed.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `seed: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = SeedFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('validation', `seed: ${file}: ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) {
    const e = result.errors[0];
    throw new AppError('validation', `seed: ${file} row ${(e?.row ?? 0) + 2}: ${e?.message}`);
  }
  return result.data;
}

const CODE = '全国地方公共団体コード';

function readMunicipalities(seedDir: string, seed: SeedFile): MunicipalitySeed[] {
  const rows = readCsv(path.join(seedDir, seed.municipalities));
  const readings = new Map(
    readCsv(path.join(seedDir, seed.readings)).map((r) => [r[CODE] ?? '', r]),
  );
  const regionColumn = seed.regionKind.ja;
  return rows.map((row, i) => {
    const code = row[CODE] ?? '';
    const reading = readings.get(code);
    const where = `${seed.municipalities} row ${i + 2}`;
    if (!/^\d{6}$/.test(code))
      throw new AppError('validation', `seed: ${where}: ${CODE} must be 6 digits`);
    if (!reading?.name)
      throw new AppError(
        'validation',
        `seed: ${where}: no reading/name for ${code} in ${seed.readings}`,
      );
    const extras: Record<string, string> = {};
    if (row.広域圏) extras.wide_area = row.広域圏;
    const population = Object.keys(row).find((k) => k.startsWith('人口'));
    if (population && row[population]) {
      extras.population = row[population] ?? '';
      extras.population_source = population;
    }
    const area = Object.keys(row).find((k) => k.startsWith('面積'));
    if (area && row[area]) extras.area_km2 = row[area] ?? '';
    return {
      code,
      title: row.市町村名 ?? '',
      kind: row.種別 ?? '',
      regionTitle: row[regionColumn] ?? '',
      reading: reading.読み ?? '',
      name: reading.name,
      extras,
    };
  });
}
