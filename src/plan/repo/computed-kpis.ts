import { toCkanTimestamp } from '../../core/clock.ts';
import { countStandardPublishers } from '../../coverage/index.ts';
import type { Database } from '../../db/index.ts';
import type { ComputedQueryName, ComputedResult } from '../computed-queries.ts';

/** Whose data a computed KPI counts: the prefecture (by its 全国地方公共団体コード) and a moment. */
export interface ComputeScope {
  /** 6-digit code of the prefecture, e.g. 010006; its municipalities share the first two digits. */
  prefectureCode: string;
  asOf: Date;
}

type Query = (db: Database, scope: ComputeScope) => Promise<ComputedResult>;

const FRESH_DAYS = 365;

/** Active publishers that are municipalities of the prefecture (not the prefecture itself). */
function municipalities(db: Database, prefectureCode: string) {
  return db.kysely
    .selectFrom('groups')
    .where('groups.is_organization', '=', true)
    .where('groups.state', '=', 'active')
    .where('groups.code', 'like', `${prefectureCode.slice(0, 2)}%`)
    .where('groups.code', '!=', prefectureCode);
}

/** Active, public datasets: the only ones a KPI counts. */
function publicDatasets(db: Database) {
  return db.kysely
    .selectFrom('package')
    .where('package.state', '=', 'active')
    .where('package.private', '=', false);
}

/** Municipalities with at least one active public dataset, and how many municipalities there are. */
export async function countMunicipalitiesPublishing(db: Database, prefectureCode: string) {
  const publishing = await municipalities(db, prefectureCode)
    .innerJoin('package', 'package.owner_org', 'groups.id')
    .where('package.state', '=', 'active')
    .where('package.private', '=', false)
    .select((eb) => eb.fn.count<number>('groups.id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const total = await municipalities(db, prefectureCode)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { publishing: Number(publishing.n), municipalities: Number(total.n) };
}

/** Active public datasets. */
export async function countDatasetsPublished(db: Database): Promise<number> {
  const r = await publicDatasets(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active resources of active public datasets. */
export async function countResourcesPublished(db: Database): Promise<number> {
  const r = await publicDatasets(db)
    .innerJoin('resource', 'resource.package_id', 'package.id')
    .where('resource.state', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Active public datasets changed (metadata or resources) within the 365 days before `asOf`,
 * and all of them. s5 knows when a dataset changed in the catalog, not when the data behind a
 * linked URL changed, so this is the freshness of what was published here.
 */
export async function countFreshDatasets(db: Database, asOf: Date) {
  const since = toCkanTimestamp(new Date(asOf.getTime() - FRESH_DAYS * 86_400_000));
  const fresh = await publicDatasets(db)
    .where('package.metadata_modified', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { fresh: Number(fresh.n), datasets: await countDatasetsPublished(db) };
}

const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** The implementation of each computed query, by name. */
export const COMPUTED_QUERIES: Record<ComputedQueryName, Query> = {
  municipalities_publishing: async (db, s) => {
    const { publishing, municipalities } = await countMunicipalitiesPublishing(
      db,
      s.prefectureCode,
    );
    return { computable: true, value: publishing, detail: { publishing, municipalities } };
  },
  municipalities_publishing_share: async (db, s) => {
    const { publishing, municipalities } = await countMunicipalitiesPublishing(
      db,
      s.prefectureCode,
    );
    if (municipalities === 0)
      return {
        computable: false,
        reason: '市町村がカタログに登録されていません / No municipalities in the catalog',
      };
    return {
      computable: true,
      value: share(publishing, municipalities),
      detail: { publishing, municipalities },
    };
  },
  // Value: municipalities publishing at least one standard dataset; detail: the count per schema.
  standard_dataset_publishers: async (db, s) => {
    const c = await countStandardPublishers(db, s.prefectureCode, false);
    return { computable: true, value: c.municipalities, detail: c.bySchema };
  },
  standard_dataset_conforming: async (db, s) => {
    const c = await countStandardPublishers(db, s.prefectureCode, true);
    return { computable: true, value: c.municipalities, detail: c.bySchema };
  },
  datasets_published: async (db) => ({ computable: true, value: await countDatasetsPublished(db) }),
  resources_published: async (db) => ({
    computable: true,
    value: await countResourcesPublished(db),
  }),
  datasets_fresh_share: async (db, s) => {
    const { fresh, datasets } = await countFreshDatasets(db, s.asOf);
    if (datasets === 0)
      return {
        computable: false,
        reason: '公開データセットがまだありません / No datasets published yet',
      };
    return { computable: true, value: share(fresh, datasets), detail: { fresh, datasets } };
  },
};

/** Runs a computed query by name; an unknown name is reported as not computable. */
export async function runComputedQuery(
  db: Database,
  name: string,
  scope: ComputeScope,
): Promise<ComputedResult> {
  const query = (COMPUTED_QUERIES as Record<string, Query | undefined>)[name];
  if (!query)
    return {
      computable: false,
      reason: `未知の算出クエリ ${name} / Unknown computed query ${name}`,
    };
  return query(db, scope);
}
