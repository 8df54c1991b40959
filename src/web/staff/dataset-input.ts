/** What the dataset form submits, as strings. */
export interface DatasetFormValues {
  title: string;
  name: string;
  notes: string;
  owner_org: string;
  license_id: string;
  tags: string;
  groups: string[];
  /** 'true' (非公開) or 'false' (公開). */
  private: string;
}

/**
 * Tags typed in one box: separated by commas (half- or full-width), 読点 or new lines; blanks
 * dropped, duplicates kept once, order kept.
 */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[,，、\n\r]+/)) {
    const tag = raw.trim();
    if (tag !== '') seen.add(tag);
  }
  return [...seen];
}

/** The form's values as package_create / package_patch input (the action validates them). */
export function datasetInput(v: DatasetFormValues): Record<string, unknown> {
  return {
    title: v.title,
    name: v.name,
    notes: v.notes,
    // An empty choice keeps the action's default licence.
    ...(v.license_id === '' ? {} : { license_id: v.license_id }),
    private: v.private !== 'false',
    tags: splitTags(v.tags).map((name) => ({ name })),
    groups: v.groups.map((name) => ({ name })),
  };
}

/** The form's values for an existing dataset (the edit form starts from them). */
export function datasetValues(d: {
  title: string;
  name: string;
  notes: string;
  organization: { name: string } | null;
  license_id: string;
  tags: Array<{ name: string }>;
  groups: Array<{ name: string }>;
  private: boolean;
}): DatasetFormValues {
  return {
    title: d.title,
    name: d.name,
    notes: d.notes ?? '',
    owner_org: d.organization?.name ?? '',
    license_id: d.license_id,
    tags: d.tags.map((t) => t.name).join(', '),
    groups: d.groups.map((g) => g.name),
    private: d.private ? 'true' : 'false',
  };
}
