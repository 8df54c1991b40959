import { z } from 'zod';

/** `seed/<prefecture>/seed.json`: who the publishers are. Documented in seed/README.md. */
export const SeedFile = z.strictObject({
  $comment: z.string().optional(),
  prefecture: z.strictObject({
    /** 6-digit 全国地方公共団体コード of the prefecture (e.g. 010006). */
    code: z.string().regex(/^\d{6}$/),
    /** 2-digit prefecture number (e.g. 01): the first two digits of every municipality code. */
    prefectureCode: z.string().regex(/^\d{2}$/),
    name: z.string().regex(/^[a-z0-9_-]{2,100}$/),
    title: z.string().min(1),
    title_en: z.string().min(1),
    reading: z.string().default(''),
    description: z.string().default(''),
  }),
  regionKind: z.strictObject({ ja: z.string(), en: z.string() }),
  regions: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9_-]{2,100}$/),
        title: z.string().min(1),
        reading: z.string().default(''),
        title_en: z.string().min(1),
      }),
    )
    .min(1),
  /** CSV: 全国地方公共団体コード,市町村名,種別,<region title column>,… (see README). */
  municipalities: z.string().min(1),
  /** CSV: 全国地方公共団体コード,市町村名,読み,name */
  readings: z.string().min(1),
  /** JSON: the prefecture's plan (pillars, measures, KPIs), loaded by src/plan (see seed/README.md). */
  plan: z.string().min(1).optional(),
});
export type SeedFile = z.output<typeof SeedFile>;

export interface MunicipalitySeed {
  code: string;
  title: string;
  kind: string;
  regionTitle: string;
  reading: string;
  name: string;
  extras: Record<string, string>;
}

const KIND_EN: Record<string, string> = { 市: 'City', 町: 'Town', 村: 'Village' };

/** English title from the slug: `sapporo-shi` → `Sapporo City`, `esashi-cho-hiyama` → `Esashi Town (Hiyama)`. */
export function englishTitle(name: string, kind: string): string {
  const m = /^(.+?)-(shi|cho|machi|mura|son)(?:-(.+))?$/.exec(name);
  const cap = (s: string) =>
    s.replace(
      /(^|-)([a-z])/g,
      (_x, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
    );
  if (!m?.[1]) return cap(name);
  const base = `${cap(m[1])} ${KIND_EN[kind] ?? ''}`.trim();
  return m[3] ? `${base} (${cap(m[3])})` : base;
}
