import { badData } from '../errors.ts';
import { isDateTime } from '../model/datetime.ts';
import type { Params } from '../query/query-params.ts';
import { type Duration, isZero, parseDuration } from './duration.ts';

export type TimeProperty = 'observedAt' | 'createdAt' | 'modifiedAt';
export const AGGR_METHODS = ['avg', 'min', 'max', 'sum', 'totalCount', 'distinctCount'] as const;
export type AggrMethod = (typeof AGGR_METHODS)[number];

/** The temporal part of a query (clause 4.11 / 6.18): which instances, and how shown. */
export interface TemporalQuery {
  /** Inclusive lower and exclusive upper bound in epoch ms (undefined = open). */
  fromMs?: number;
  toMs?: number;
  timeproperty: TimeProperty;
  lastN?: number;
  mode: 'normalized' | 'temporalValues' | 'aggregatedValues';
  aggr?: { methods: AggrMethod[]; period?: Duration };
}

/** Parameters of the temporal routes on top of the entity query ones. */
export const TEMPORAL_PARAMS = [
  'timerel',
  'timeAt',
  'endTimeAt',
  'timeproperty',
  'lastN',
  'aggrMethods',
  'aggrPeriodDuration',
];

/**
 * Reads timerel/timeAt/endTimeAt, timeproperty, lastN, options and aggrMethods.
 * @throws AppError BadRequestData for a missing or malformed member.
 */
export function parseTemporalQuery(params: Params): TemporalQuery {
  const timeproperty = (params.timeproperty ?? 'observedAt') as TimeProperty;
  if (!['observedAt', 'createdAt', 'modifiedAt'].includes(timeproperty))
    throw badData('timeproperty must be observedAt, createdAt or modifiedAt');
  const out: TemporalQuery = { timeproperty, mode: 'normalized' };
  const rel = params.timerel;
  if (rel !== undefined) {
    const at = time(params.timeAt, 'timeAt');
    if (rel === 'before') out.toMs = at;
    else if (rel === 'after') out.fromMs = at;
    else if (rel === 'between') {
      const end = time(params.endTimeAt, 'endTimeAt');
      if (end <= at) throw badData('endTimeAt must be after timeAt');
      out.fromMs = at;
      out.toMs = end;
    } else throw badData('timerel must be before, after or between');
  } else if (params.timeAt !== undefined || params.endTimeAt !== undefined)
    throw badData('timeAt needs timerel');
  if (params.lastN !== undefined) {
    const n = Number(params.lastN);
    if (!Number.isInteger(n) || n < 1) throw badData('lastN must be a positive integer');
    out.lastN = n;
  }
  const options = (params.options ?? '').split(',').map((o) => o.trim());
  const format = params.format;
  if (options.includes('temporalValues') || format === 'temporalValues')
    out.mode = 'temporalValues';
  if (options.includes('aggregatedValues') || format === 'aggregatedValues') {
    out.mode = 'aggregatedValues';
    const methods = (params.aggrMethods ?? '').split(',').filter((m) => m !== '');
    if (methods.length === 0) throw badData('aggregatedValues needs aggrMethods');
    for (const m of methods)
      if (!(AGGR_METHODS as readonly string[]).includes(m))
        throw badData(`aggrMethods: ${m} is not one of ${AGGR_METHODS.join(', ')}`);
    const aggr: TemporalQuery['aggr'] = { methods: methods as AggrMethod[] };
    if (params.aggrPeriodDuration !== undefined) {
      const period = parseDuration(params.aggrPeriodDuration);
      if (!period) throw badData('aggrPeriodDuration must be an ISO 8601 duration such as PT1H');
      if (!isZero(period)) aggr.period = period;
    }
    out.aggr = aggr;
  } else if (params.aggrMethods !== undefined)
    throw badData('aggrMethods needs options=aggregatedValues');
  return out;
}

function time(value: string | undefined, name: string): number {
  if (value === undefined) throw badData(`timerel needs ${name}`);
  if (!isDateTime(value)) throw badData(`${name} must be an ISO 8601 date-time`);
  return Date.parse(value);
}
