import { badData } from '../errors.ts';
import { dropAttributes, hasChanges } from '../model/apply-write.ts';
import { parseAttrs, type Params, parseEntityQuery } from '../query/query-params.ts';
import { queryEntities } from '../repo/query-entities.ts';
import { checkWrite, type NgsiCall } from './call.ts';
import type { EntityService } from './entities.ts';

const PAGE = 500;

/**
 * Purge Entities (clause 5.6.21, DELETE /entities): deletes the entities a query selects, or
 * with `drop` / `keep` only some of their attributes. `local=true` alone selects everything.
 * Each entity is written on its own, through the same path as every other write.
 * @throws AppError BadRequestData without a selector, or with both keep and drop.
 */
export async function purgeEntities(
  service: EntityService,
  call: NgsiCall,
  params: Params,
): Promise<number> {
  checkWrite(call, service.settings);
  if (params.keep !== undefined && params.drop !== undefined)
    throw badData('keep and drop cannot be used together');
  const selectors = ['type', 'id', 'idPattern', 'q', 'attrs', 'scopeQ', 'georel'];
  const everything = params.local === 'true';
  if (!everything && !selectors.some((p) => params[p] !== undefined && params[p] !== ''))
    throw badData('Purge needs type, id, idPattern, q, attrs, scopeQ or a geo-query');
  const query = parseEntityQuery(params, call.terms, false, false);
  await service.checkTenant(call);
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await queryEntities(service.db, call.tenant, query, {
      limit: PAGE,
      offset,
      count: false,
    });
    ids.push(...page.entities.map((e) => e.id));
    if (!page.more) break;
  }
  const drop = parseAttrs(params.drop, call.terms);
  const keep = parseAttrs(params.keep, call.terms);
  const now = call.now.toISOString();
  for (const id of ids) {
    await service.write(call, id, (current) => {
      if (!current) return { op: 'none' };
      if (!drop && !keep) return { op: 'deleted' };
      const step = dropAttributes(current, new Set(drop ?? keep), keep !== undefined, now);
      return hasChanges(step) ? { op: 'updated', step } : { op: 'none' };
    });
  }
  return ids.length;
}
