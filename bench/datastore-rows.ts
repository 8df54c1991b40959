/**
 * A generated AED一覧 (standard dataset a08-aed, all 38 columns) of any size for the datastore
 * benchmark: rows spread over Hokkaido's 179 municipalities in proportion to their population
 * (so 札幌市 holds about 38% of them, as real prefecture-wide tables do), coordinates scattered
 * around each municipality, Japanese facility names and addresses. Deterministic: row i is
 * always the same.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { getSchema } from '../src/schemas/index.ts';

interface Municipality {
  code: string;
  name: string;
  lat: number;
  lon: number;
  /** Cumulative share of the population up to and including this one, in (0, 1]. */
  upTo: number;
}

// Real centres for the places the benchmark queries near; the others are spread over the island.
const CENTRES: Readonly<Record<string, [number, number]>> = {
  '011002': [43.0621, 141.3544],
  '012025': [41.7687, 140.7288],
  '012041': [43.7706, 142.365],
  '012050': [42.3152, 140.9739],
  '012068': [42.9849, 144.3813],
  '012076': [42.9237, 143.1961],
};

/** The municipalities of the seed, with a centre and their population share. */
export function loadMunicipalities(): Municipality[] {
  const file = path.resolve(import.meta.dirname, '../seed/hokkaido/municipalities.csv');
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const parsed = lines.map((line, i) => {
    const [code = '', name = '', , , , population = '0'] = line.split(',');
    const centre = CENTRES[code] ?? [41.8 + ((i * 37) % 100) / 30, 140.2 + ((i * 53) % 100) / 19];
    return { code, name, lat: centre[0], lon: centre[1], population: Number(population) };
  });
  const total = parsed.reduce((s, m) => s + m.population, 0);
  let sum = 0;
  return parsed.map((m) => {
    sum += m.population;
    return { code: m.code, name: m.name, lat: m.lat, lon: m.lon, upTo: sum / total };
  });
}

const TOWNS = [
  '中央',
  '北一条西',
  '南三条東',
  '大通西',
  '緑が丘',
  '東光',
  '春光',
  '旭町',
  '豊岡',
  '神楽',
  '末広',
  '永山',
  '白樺',
  '桜木',
  '錦町',
  '本町',
  '栄町',
  '宮下',
  '新富',
  '港町',
  '若草',
  '美園',
  '月寒',
  '平岸',
  '琴似',
];
const TOWN_KANA = ['チュウオウ', 'キタ', 'ミナミ', 'オオドオリ', 'ミドリガオカ', 'トウコウ'];
const KINDS: ReadonlyArray<[string, string]> = [
  ['小学校', 'Elementary School'],
  ['中学校', 'Junior High School'],
  ['高等学校', 'High School'],
  ['公民館', 'Community Hall'],
  ['市民会館', 'Civic Hall'],
  ['体育館', 'Gymnasium'],
  ['図書館', 'Library'],
  ['総合病院', 'General Hospital'],
  ['診療所', 'Clinic'],
  ['郵便局', 'Post Office'],
  ['駅', 'Station'],
  ['交番', 'Police Box'],
  ['消防署', 'Fire Station'],
  ['役所', 'City Office'],
  ['保育園', 'Nursery'],
  ['幼稚園', 'Kindergarten'],
  ['老人ホーム', 'Nursing Home'],
  ['コンビニエンスストア', 'Convenience Store'],
  ['スーパーマーケット', 'Supermarket'],
  ['ホテル', 'Hotel'],
  ['温泉', 'Hot Spring'],
  ['道の駅', 'Roadside Station'],
  ['公園管理棟', 'Park Office'],
  ['児童館', 'Children Center'],
  ['集会所', 'Meeting Place'],
  ['コミュニティセンター', 'Community Center'],
  ['銀行', 'Bank'],
  ['薬局', 'Pharmacy'],
  ['博物館', 'Museum'],
  ['スポーツセンター', 'Sports Center'],
  ['スキー場', 'Ski Area'],
  ['空港ターミナル', 'Airport Terminal'],
];
const PLACES = ['1階正面玄関', '事務室前', '2階ロビー', '受付横', '体育館入口', '管理棟内'];
const DAYS = ['月火水木金', '毎日', '月～土', '平日'];

/** 32-bit mix of the row number (an LCG step is too regular for neighbouring rows). */
function mix(i: number, salt: number): number {
  let x = (i * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

function pick<T>(list: readonly T[], i: number, salt: number): T {
  return list[mix(i, salt) % list.length] as T;
}

/** The municipality of row i (population-weighted). */
function municipalityOf(list: readonly Municipality[], i: number): Municipality {
  const u = mix(i, 1) / 2 ** 32;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.upTo ?? 1) < u) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] as Municipality;
}

/** The cells of data row i (1-based), in the schema's column order. */
export function aedRow(list: readonly Municipality[], i: number): string[] {
  const m = municipalityOf(list, i);
  const town = pick(TOWNS, i, 2);
  const [kind, kindEn] = pick(KINDS, i, 3);
  const chome = 1 + (mix(i, 4) % 9);
  const block = `${1 + (mix(i, 5) % 30)}-${1 + (mix(i, 6) % 20)}`;
  // About ±0.1° (≈10 km) around the centre, denser near it.
  const r = mix(i, 7) / 2 ** 32;
  const angle = (mix(i, 8) / 2 ** 32) * 2 * Math.PI;
  const lat = m.lat + r * r * 0.1 * Math.sin(angle);
  const lon = m.lon + r * r * 0.13 * Math.cos(angle);
  const phone = `01${String(mix(i, 9) % 100).padStart(2, '0')}-${String(mix(i, 10) % 100).padStart(2, '0')}-${String(mix(i, 11) % 10000).padStart(4, '0')}`;
  const name = `${town}${kind}`;
  return [
    m.code,
    `${m.code}-${String(i).padStart(7, '0')}`,
    `北海道${m.name}`,
    name,
    `${pick(TOWN_KANA, i, 12)}${kind === '駅' ? 'エキ' : 'シセツ'}`,
    `${kindEn} ${town.length}`,
    m.code,
    `${String(mix(i, 13) % 10000).padStart(4, '0')}-${String(chome).padStart(3, '0')}`,
    `北海道${m.name}${town}${chome}丁目${block}`,
    '北海道',
    m.name,
    `${town}${chome}丁目`,
    block,
    mix(i, 14) % 5 === 0 ? `${town}ビル${1 + (mix(i, 15) % 9)}階` : '',
    lat.toFixed(6),
    lon.toFixed(6),
    mix(i, 16) % 3 === 0 ? '階数' : '',
    mix(i, 16) % 3 === 0 ? String(1 + (mix(i, 17) % 5)) : '',
    pick(PLACES, i, 18),
    phone,
    '',
    '',
    '',
    '',
    `0${String(40 + (mix(i, 19) % 60))}-${String(mix(i, 20) % 10000).padStart(4, '0')}`,
    '',
    `${m.name}${kind === '役所' ? '総務課' : '施設管理課'}`,
    pick(DAYS, i, 21),
    '09:00',
    mix(i, 22) % 4 === 0 ? '21:00' : '17:00',
    mix(i, 23) % 10 === 0 ? '年末年始は休館' : '',
    mix(i, 24) % 2 === 0 ? '有' : '無',
    `https://www.example.lg.jp/${m.code}/aed/${i}`,
    '',
    '',
    '',
    '',
    '',
  ];
}

/** The header: the a08-aed schema's column names. */
export function aedHeader(): string[] {
  return getSchema('a08-aed').fields.map((f) => f.name);
}

/** Writes an N-row CSV (UTF-8, CRLF, no quoting needed: no cell holds a comma or quote). */
export async function writeAedCsv(file: string, rows: number): Promise<number> {
  const list = loadMunicipalities();
  const out = createWriteStream(file);
  out.write(`${aedHeader().join(',')}\r\n`);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += `${aedRow(list, i).join(',')}\r\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return out.bytesWritten;
}
