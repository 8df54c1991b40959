/**
 * Relevance: for each query word, the weights of the fields it occurs in are added up. CKAN
 * boosts `name^4 title^4 tags^2 groups^2 text`; s5 gives the title more than all the others
 * together so that a title match always ranks first (a person searching 避難所 expects the
 * dataset called 避難所一覧 before one that merely mentions it).
 */
export const FIELD_WEIGHTS = {
  title_n: 16,
  name_n: 4,
  tags_n: 4,
  groups_n: 2,
  text_n: 1,
} as const;

export type WeightedField = keyof typeof FIELD_WEIGHTS;
