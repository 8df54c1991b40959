import { z } from 'zod';
import type { AnyAction } from '../core/action.ts';

/** A JSON Schema or OpenAPI object; the document is plain JSON. */
type Json = Record<string, unknown>;

export interface OpenApiInfo {
  siteUrl: string;
  siteTitle: string;
  /** The CKAN API version s5 follows, e.g. 2.10.4. */
  version: string;
}

const ENVELOPE_ERRORS = {
  '400': ['BadRequest', 'Bad request: unknown action, bad JSON, GET on a write action'],
  '403': ['Forbidden', 'Authorization Error: no or invalid token, or not allowed'],
  '404': ['NotFound', 'Not Found Error'],
  '409': ['ValidationError', 'Validation Error: `error` maps each field to its messages'],
  '500': ['ServerError', 'Internal Server Error (details are logged with the request id)'],
} as const;

/**
 * The OpenAPI 3.1 document of the Action API, generated from the registry: one path per action
 * (`/api/3/action/{name}`; GET too when read-only), the request schema from its zod input, its
 * `example`, the CKAN envelope as response and the error envelopes. Pure: actions in, JSON out.
 */
export function buildOpenApi(actions: readonly AnyAction[], info: OpenApiInfo): Json {
  const schemas: Json = { ErrorEnvelope: errorEnvelopeSchema() };
  const paths: Json = {};
  for (const action of actions) {
    const input = hoistDefs(inputSchema(action.input), action.name, schemas);
    const item: Json = { post: operation(action, input, 'post') };
    if (action.readOnly) item.get = operation(action, input, 'get');
    paths[`/api/3/action/${action.name}`] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${info.siteTitle} API`,
      version: info.version,
      description:
        'CKAN互換 Action API。CKAN-compatible Action API: every operation is an action called as ' +
        '`GET` (read-only actions) or `POST` `/api/3/action/{name}` and answers the CKAN envelope ' +
        '`{help, success, result}` or `{help, success: false, error: {__type, message, …}}`.',
    },
    servers: [{ url: info.siteUrl }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        Object.values(ENVELOPE_ERRORS).map(([name, description]) => [
          name,
          {
            description,
            content: {
              'application/json': {
                schema:
                  name === 'BadRequest'
                    ? // CKAN answers transport problems with a bare JSON string.
                      { oneOf: [ref('ErrorEnvelope'), { type: 'string' }] }
                    : ref('ErrorEnvelope'),
              },
            },
          },
        ]),
      ),
      securitySchemes: {
        ApiToken: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'An API token (api_token_create); `X-CKAN-API-Key` is accepted too.',
        },
      },
    },
  };
}

function operation(action: AnyAction, input: Json, method: 'get' | 'post'): Json {
  const [summary = action.name, ...rest] = action.description.trim().split('\n');
  const op: Json = {
    operationId: method === 'post' ? action.name : `${action.name}_get`,
    summary,
    description: rest.join('\n').trim() || summary,
    tags: [tagOf(action.name)],
    security: action.auth === 'anyone' ? [{}, { ApiToken: [] }] : [{ ApiToken: [] }],
    responses: {
      '200': {
        description: 'Success',
        content: { 'application/json': { schema: successSchema(action) } },
      },
      ...Object.fromEntries(
        Object.entries(ENVELOPE_ERRORS).map(([status, [name]]) => [status, ref(name, 'responses')]),
      ),
    },
  };
  if (method === 'get') op.parameters = queryParameters(input, action.example);
  else op.requestBody = requestBody(input, action.example);
  return op;
}

function tagOf(name: string): string {
  if (name.startsWith('datastore_')) return 'datastore';
  if (name.startsWith('s5_')) return 's5';
  return 'ckan';
}

/**
 * The zod input as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its `$schema`. CKAN
 * parameters built with z.preprocess (ckanInt, ckanBool, ckanList) also take their string form,
 * as GET requests send them: those say so with `anyOf: [<value>, string]`.
 */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const zod = ctx.zodSchema;
      if (!(zod instanceof z.ZodPipe && zod.in instanceof z.ZodTransform)) return;
      const { default: fallback, ...value } = ctx.jsonSchema;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      Object.assign(ctx.jsonSchema, {
        anyOf: [value, { type: 'string' }],
        ...(fallback === undefined ? {} : { default: fallback }),
      });
    },
  }) as Json;
  return rest;
}

/**
 * Moves `$defs` into components.schemas: inside an OpenAPI document `#/$defs/x` would resolve
 * against the document root, not the action's schema.
 */
function hoistDefs(schema: Json, action: string, schemas: Json): Json {
  const defs = schema.$defs;
  if (!isJson(defs)) return schema;
  const { $defs: _moved, ...rest } = schema;
  const rename = (def: string) => `${action}.${def}`;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!isJson(v)) return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] =
        k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')
          ? `#/components/schemas/${rename(x.slice('#/$defs/'.length))}`
          : rewrite(x);
    }
    return out;
  };
  for (const [name, def] of Object.entries(defs)) schemas[rename(name)] = rewrite(def);
  return rewrite(rest) as Json;
}

function requestBody(input: Json, example: unknown): Json {
  const content: Json = { 'application/json': { schema: input, example } };
  const props = isJson(input.properties) ? input.properties : {};
  if ('upload' in props) {
    // Files come as multipart/form-data with the file in `upload`, as in CKAN.
    content['multipart/form-data'] = {
      schema: {
        ...input,
        properties: {
          ...props,
          upload: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
      },
    };
  }
  return { required: true, content };
}

/**
 * GET parameters, one per input property. Lists and objects travel JSON-encoded, as CKAN reads
 * them, so they are described with `content` instead of `schema`.
 */
function queryParameters(input: Json, example: unknown): Json[] {
  const props = isJson(input.properties) ? input.properties : {};
  const required = Array.isArray(input.required) ? input.required : [];
  const ex = isJson(example) ? example : {};
  return Object.entries(props).map(([name, schema]) => {
    const param: Json = { name, in: 'query', required: required.includes(name) };
    const value = ex[name];
    if (isStructured(schema)) {
      param.content = {
        'application/json': { schema, ...(value === undefined ? {} : { example: value }) },
      };
    } else {
      param.schema = schema;
      if (value !== undefined) param.example = value;
    }
    return param;
  });
}

function isStructured(schema: unknown): boolean {
  if (!isJson(schema)) return false;
  if (schema.type === 'array' || schema.type === 'object') return true;
  const branches = [schema.anyOf, schema.oneOf, schema.allOf].filter(Array.isArray).flat();
  return branches.some(isStructured);
}

/** The success envelope; `result` is the action's declared output schema or any JSON value. */
function successSchema(action: AnyAction): Json {
  const declared = (action as { output?: unknown }).output;
  const result =
    declared instanceof z.ZodType
      ? inputlessOutput(declared)
      : { description: 'The action result (see the summary).' };
  return {
    type: 'object',
    required: ['help', 'success', 'result'],
    properties: {
      help: { type: 'string', format: 'uri' },
      success: { const: true },
      result,
    },
  };
}

function inputlessOutput(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

function errorEnvelopeSchema(): Json {
  return {
    type: 'object',
    required: ['help', 'success', 'error'],
    properties: {
      help: { type: 'string', format: 'uri' },
      success: { const: false },
      error: {
        type: 'object',
        required: ['__type'],
        properties: {
          __type: {
            type: 'string',
            examples: ['Validation Error', 'Authorization Error', 'Not Found Error'],
          },
          message: { type: 'string' },
        },
        // Validation errors name each field with its messages: {"name": ["Missing value"]}.
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
    },
  };
}

function ref(name: string, kind: 'schemas' | 'responses' = 'schemas'): Json {
  return { $ref: `#/components/${kind}/${name}` };
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
