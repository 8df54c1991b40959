import type { FilterNode } from './parse-filter.ts';

/** What a filter can look at: one dataset as the in-memory index holds it. */
export interface FilterableDoc {
  packageId: string;
  name: string;
  state: string;
  private: boolean;
  ownerOrg: string;
  type: string;
  modified: string;
  created: string;
  facets: Readonly<Record<string, readonly string[]>>;
}

/** Evaluates a parsed `fq` against one dataset (pure; the same semantics CKAN's Solr fq has). */
export function matchesFilter(doc: FilterableDoc, node: FilterNode): boolean {
  switch (node.kind) {
    // Plain loops: this runs per dataset per query, and closures are costly under tsx.
    case 'and':
      for (const c of node.children) if (!matchesFilter(doc, c)) return false;
      return true;
    case 'or':
      for (const c of node.children) if (matchesFilter(doc, c)) return true;
      return false;
    case 'not':
      return !matchesFilter(doc, node.child);
    case 'range': {
      const v = node.field === 'metadata_modified' ? doc.modified : doc.created;
      return (node.from === null || v >= node.from) && (node.to === null || v <= node.to);
    }
    case 'term':
      switch (node.field) {
        case 'organization':
        case 'groups':
        case 'tags':
        case 'res_format':
        case 'license_id':
        case 's5_schema':
        case 's5_conformance':
          return doc.facets[node.field]?.includes(node.value) ?? false;
        case 'owner_org':
          return (
            doc.ownerOrg === node.value || (doc.facets.organization?.includes(node.value) ?? false)
          );
        case 'name':
          return doc.name === node.value;
        case 'id':
          return doc.packageId === node.value;
        case 'type':
        case 'dataset_type':
          return doc.type === node.value;
        case 'state':
          return doc.state === node.value;
        case 'capacity':
          return doc.private === (node.value === 'private');
      }
  }
}
