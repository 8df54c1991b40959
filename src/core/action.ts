import type { z } from 'zod';
import type { Database } from '../db/index.ts';
import type { FileStore } from '../files/index.ts';
import { AppError, type FieldErrors, notAuthorized } from './errors.ts';
import type { Logger } from './logger.ts';

/** 役割 — CKAN's organization member capacity. */
export type Capacity = 'admin' | 'editor' | 'member';

/** Who is calling. Anonymous callers have `userId === null`. */
export interface Actor {
  readonly userId: string | null;
  readonly name: string | null;
  readonly sysadmin: boolean;
  /** organization id → capacity */
  readonly memberships: ReadonlyMap<string, Capacity>;
}

export const anonymous: Actor = {
  userId: null,
  name: null,
  sysadmin: false,
  memberships: new Map(),
};

/** Site-wide settings an action may read; a frozen subset of the configuration. */
export interface SiteSettings {
  readonly siteUrl: string;
  readonly siteTitle: string;
  readonly searchMaxRows: number;
  readonly maxUploadBytes: number;
  /** Upper limit of datastore_search `limit` and of datastore_search_sql rows (CKAN's rows_max). */
  readonly datastoreMaxLimit: number;
  /** Statement timeout of datastore SQL, in milliseconds. */
  readonly datastoreSqlTimeoutMs: number;
  /** Server-side URL fetches may reach loopback/private addresses (tests, closed networks). */
  readonly fetchAllowPrivate: boolean;
  readonly fetchTimeoutMs: number;
}

/** Everything an action may use. Never an HTTP context, never mutated by the action. */
export interface ActionContext {
  readonly db: Database;
  readonly actor: Actor;
  readonly now: Date;
  readonly log: Logger;
  readonly site: SiteSettings;
  readonly files: FileStore;
  /** Where the call came from, for the audit log: the client address over HTTP, `cli`, `server`. */
  readonly origin: string;
}

/**
 * Coarse rule checked before the input is touched. Object-level rules (may this user read this
 * private dataset?) live in each capability's `policy.ts` and run inside `run`.
 */
export type AuthRule = 'anyone' | 'authenticated' | 'sysadmin';

export interface ActionDefinition<S extends z.ZodType = z.ZodType, O = unknown> {
  /** The CKAN wire name, e.g. `package_show`; the public contract. */
  readonly name: string;
  /** First line: what it does. Further lines: parameters. Served by `help_show`. */
  readonly description: string;
  readonly input: S;
  /** CKAN's side_effect_free: GET allowed, never writes. */
  readonly readOnly: boolean;
  readonly auth: AuthRule;
  /** A valid input, used by docs and by the structural test. */
  readonly example: z.input<S>;
  /** Keys that CKAN clients send and this action accepts but ignores (e.g. `include_tracking`). */
  readonly ignoredKeys?: readonly string[];
  run(ctx: ActionContext, input: z.output<S>): Promise<O>;
}

/** Declares an action; the identity function that gives the definition its types. */
export function defineAction<S extends z.ZodType, O>(
  def: ActionDefinition<S, O>,
): ActionDefinition<S, O> {
  return def;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry stores actions of every input/output type.
export type AnyAction = ActionDefinition<any, any>;

/** What a write listener learns about a write action that succeeded. */
export interface WriteEvent {
  readonly name: string;
  readonly ctx: ActionContext;
  /** The parsed input. */
  readonly input: unknown;
  readonly result: unknown;
}

/**
 * Runs after every successful write action (queue an ingest after an upload, refresh a merged
 * table after a visibility change, write the audit log). It cannot undo or fail the write: an
 * error it throws is logged and swallowed. Long work should be started, not awaited.
 */
export type WriteListener = (event: WriteEvent) => Promise<void> | void;

/** The one registry shared by the API, the portal and the CLI. */
export class ActionRegistry {
  readonly #actions = new Map<string, AnyAction>();
  readonly #writeListeners: WriteListener[] = [];

  constructor(actions: Iterable<AnyAction>) {
    for (const action of actions) {
      if (this.#actions.has(action.name)) throw new Error(`duplicate action ${action.name}`);
      this.#actions.set(action.name, action);
    }
  }

  has(name: string): boolean {
    return this.#actions.has(name);
  }

  get(name: string): AnyAction | undefined {
    return this.#actions.get(name);
  }

  list(): AnyAction[] {
    return [...this.#actions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Adds a listener called, in order of registration, after each successful write action. */
  onWrite(listener: WriteListener): void {
    this.#writeListeners.push(listener);
  }

  /**
   * Validates the input, checks the rule and runs the action.
   * @throws AppError bad_request for an unknown action, validation for bad input,
   *   not_authorized when the rule refuses, and whatever the action throws.
   */
  async call(name: string, ctx: ActionContext, rawInput: unknown): Promise<unknown> {
    const action = this.#actions.get(name);
    if (!action) throw new AppError('bad_request', `Action name not known: ${name}`);
    checkRule(action.auth, ctx.actor);
    const input = stripIgnored(rawInput ?? {}, action.ignoredKeys);
    const nul = pathWithNul(input);
    if (nul !== undefined) {
      // PostgreSQL text cannot hold U+0000 and no legitimate value needs it: refuse it here,
      // once, instead of letting a driver error surface as a 500 deep in some action.
      throw new AppError('validation', 'Validation Error', {
        fields: { [nul || '__root__']: ['Must not contain the NUL character (U+0000)'] },
      });
    }
    const parsed = action.input.safeParse(input);
    if (!parsed.success)
      throw new AppError('validation', 'Validation Error', { fields: toFieldErrors(parsed.error) });
    const result = await action.run(ctx, parsed.data);
    if (!action.readOnly) await this.#notifyWrite({ name, ctx, input: parsed.data, result });
    return result;
  }

  async #notifyWrite(event: WriteEvent): Promise<void> {
    for (const listener of this.#writeListeners) {
      try {
        await listener(event);
      } catch (error) {
        // The write has committed; a listener failure must not turn it into an error response.
        event.ctx.log.error('write listener failed', {
          action: event.name,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}

function checkRule(rule: AuthRule, actor: Actor): void {
  // The site actor (local CLI) is a sysadmin without a user row.
  if (rule === 'anyone' || actor.sysadmin) return;
  if (actor.userId === null) throw notAuthorized('Login required');
  if (rule === 'sysadmin' && !actor.sysadmin) throw notAuthorized('Only a sysadmin may do this');
}

/** The field (first path element) of the first string or key holding U+0000, if any. */
function pathWithNul(input: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[input, '']];
  while (stack.length > 0) {
    const [value, field] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return field;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, field]);
    } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(value)) {
        const at = field === '' ? key : field;
        if (key.includes('\u0000')) return at;
        stack.push([item, at]);
      }
    }
  }
  return undefined;
}

function stripIgnored(input: unknown, ignored: readonly string[] | undefined): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    // CKAN's JSONP callback and cache-busting `_` come with GET requests from browsers.
    if (key === 'callback' || key === '_' || ignored?.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Zod issues → CKAN's `{field: [messages]}`; the field is the first path element. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const add = (field: string, message: string) => {
    const list = fields[field] ?? [];
    if (!list.includes(message)) list.push(message);
    fields[field] = list;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key].join('.'), 'Unknown parameter');
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '__root__';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    add(field, missing ? 'Missing value' : issue.message);
  }
  return fields;
}
