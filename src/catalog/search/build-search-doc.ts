import type { FacetField } from './parse-filter.ts';
import { gramsOf } from './grams.ts';
import { toWords } from './normalize-text.ts';

/** What a dataset contributes to search: the fields CKAN's `q` looks in (name, title, tags, groups, text). */
export interface SearchSource {
  name: string;
  title: string;
  notes: string;
  tags: string[];
  license_id: string;
  organization: { name: string; title: string; title_en: string; reading: string };
  groups: Array<{ name: string; title: string; title_en: string; reading: string }>;
  resources: Array<{ name: string; description: string; format: string }>;
  extras: Array<{ key: string; value: string }>;
  /** What the latest loaded version of each active resource matched (from src/ingest). */
  standards: Array<{ schemaId: string | null; conformance: string }>;
}

export interface SearchDoc {
  name_n: string;
  title_n: string;
  tags_n: string;
  groups_n: string;
  text_n: string;
  grams: string;
}

/**
 * Builds the normalised search fields. Each field keeps its words space separated so a query
 * word (which never contains a space) matches inside a word but never across two.
 */
export function buildSearchDoc(src: SearchSource): SearchDoc {
  const name = toWords(src.name);
  const title = toWords(src.title);
  const tags = src.tags.flatMap(toWords);
  const groups = src.groups.flatMap((g) => [
    ...toWords(g.title),
    ...toWords(g.reading),
    ...toWords(g.title_en),
    ...toWords(g.name),
  ]);
  const text = [
    src.notes,
    src.organization.title,
    src.organization.title_en,
    src.organization.name,
    src.organization.reading,
    ...src.resources.flatMap((r) => [r.name, r.description, r.format]),
    ...src.extras.map((e) => e.value),
  ].flatMap(toWords);
  return {
    name_n: name.join(' '),
    title_n: title.join(' '),
    tags_n: tags.join(' '),
    groups_n: groups.join(' '),
    text_n: text.join(' '),
    grams: gramsOf([...name, ...title, ...tags, ...groups, ...text]),
  };
}

/** The facet/filter values of a dataset, as CKAN indexes them (names, formats as written). */
export function facetValuesOf(src: SearchSource): Array<{ field: FacetField; value: string }> {
  const out: Array<{ field: FacetField; value: string }> = [];
  const add = (field: FacetField, value: string) => {
    if (value !== '' && !out.some((f) => f.field === field && f.value === value))
      out.push({ field, value });
  };
  add('organization', src.organization.name);
  for (const g of src.groups) add('groups', g.name);
  for (const t of src.tags) add('tags', t);
  for (const r of src.resources) add('res_format', r.format);
  add('license_id', src.license_id);
  // A recognised schema counts whatever its 適合度: the file is that kind of data, and the
  // s5_conformance facet tells how well it follows the standard.
  for (const st of src.standards) {
    if (st.schemaId !== null) add('s5_schema', st.schemaId);
    add('s5_conformance', st.conformance);
  }
  return out;
}
