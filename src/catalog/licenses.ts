/** A licence a dataset can carry; the ids are those Japan's CKAN catalogs use. */
export interface License {
  id: string;
  title: string;
  title_en: string;
  url: string;
  od_conformance: 'approved' | 'not reviewed';
  /** CKAN's `isopen`: may anyone use, change and share it? */
  is_open: boolean;
}

export const LICENSES: readonly License[] = [
  {
    id: 'cc-by-4.0',
    title: 'クリエイティブ・コモンズ 表示 4.0 国際',
    title_en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    od_conformance: 'approved',
    is_open: true,
  },
  {
    id: 'cc-zero',
    title: 'クリエイティブ・コモンズ CC0 1.0 全世界',
    title_en: 'Creative Commons CCZero (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    od_conformance: 'approved',
    is_open: true,
  },
  {
    id: 'gsl-2.0',
    title: '政府標準利用規約（第2.0版）',
    title_en: 'Government of Japan Standard Terms of Use (Version 2.0)',
    url: 'https://www.digital.go.jp/resources/open_data/terms-of-use',
    od_conformance: 'approved',
    is_open: true,
  },
  {
    id: 'pdl-1.0',
    title: '公共データ利用規約（第1.0版）',
    title_en: 'Public Data License (Version 1.0) (PDL1.0)',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
    od_conformance: 'approved',
    is_open: true,
  },
  {
    id: 'odc-odbl',
    title: 'オープンデータベースライセンス (ODbL)',
    title_en: 'Open Data Commons Open Database License (ODbL)',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    od_conformance: 'approved',
    is_open: true,
  },
  {
    id: 'other',
    title: 'その他',
    title_en: 'Other',
    url: '',
    od_conformance: 'not reviewed',
    is_open: false,
  },
];

export function findLicense(id: string): License | undefined {
  return LICENSES.find((l) => l.id === id);
}
