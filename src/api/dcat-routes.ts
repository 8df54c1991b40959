import { type Context, Hono } from 'hono';
import { anonymous } from '../core/action.ts';
import { newId } from '../core/ids.ts';
import {
  CONTENT_TYPES,
  type CallAction,
  DcatSource,
  type DcatFormat,
  datasetDocument,
  isDcatFormat,
  negotiateFormat,
  openCatalog,
  readCatalogQuery,
} from '../dcat/index.ts';
import type { Platform } from '../platform/index.ts';
import { errorEnvelope } from './envelope.ts';

/**
 * ckanext-dcat's endpoints: `/catalog.{ttl,jsonld,xml,rdf,n3}` (paged with `page`, filtered with
 * `modified_since`, `q`, `fq`), `/catalog` by Accept header, and `/dataset/{id}.{…}`. Always as
 * an anonymous caller: the national catalog must never see a private or draft dataset, whoever
 * asks. Mounted at `/` by create-app.
 */
export function dcatRoutes(platform: Platform): Hono {
  const app = new Hono();
  const call: CallAction = (name, input) => platform.call(name, input, anonymous);
  const site = () => ({ siteUrl: platform.site.siteUrl, siteTitle: platform.site.siteTitle });

  const catalog = async (c: Context, format: DcatFormat): Promise<Response> => {
    try {
      const query = readCatalogQuery(c.req.query());
      const chunks = await openCatalog(new DcatSource(call), site(), c.req.path, format, query);
      return c.body(toStream(chunks, platform), 200, headers(format));
    } catch (error) {
      return fail(c, platform, error);
    }
  };

  for (const format of ['ttl', 'jsonld', 'xml', 'rdf', 'n3'] as const) {
    app.get(`/catalog.${format}`, (c) => catalog(c, format));
  }
  app.get('/catalog', async (c): Promise<Response> => {
    const format = negotiateFormat(c.req.header('accept'));
    if (format === 'html') return c.redirect('/', 303);
    if (format === null) {
      return c.text('Not Acceptable: text/turtle, application/ld+json, application/rdf+xml', 406, {
        Vary: 'Accept',
      });
    }
    return catalog(c, format);
  });
  // Dataset names are [a-z0-9_-], so a dot always starts the format: `/dataset/{id}` itself is
  // left to the portal.
  app.get('/dataset/:file{[^/]+\\.(?:ttl|jsonld|xml|rdf|n3)}', async (c): Promise<Response> => {
    const file = c.req.param('file');
    const dot = file.lastIndexOf('.');
    const format = file.slice(dot + 1);
    if (!isDcatFormat(format)) return c.notFound();
    try {
      const body = await datasetDocument(new DcatSource(call), site(), file.slice(0, dot), format);
      return c.body(body, 200, headers(format));
    } catch (error) {
      return fail(c, platform, error);
    }
  });
  return app;
}

function headers(format: DcatFormat): Record<string, string> {
  // Public metadata without credentials: any site may read it from a browser, as the API.
  return {
    'Content-Type': CONTENT_TYPES[format],
    Vary: 'Accept',
    'Access-Control-Allow-Origin': '*',
  };
}

/** Pull-based: the next page is read only when the client has taken the previous one. */
function toStream(chunks: AsyncIterable<string>, platform: Platform): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone: all that is left is to cut the response short and say why in the log.
        platform.log.error('DCAT catalog stream failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Errors as the CKAN envelope (the one code → status table), e.g. 404 for a private dataset. */
function fail(c: Context, platform: Platform, error: unknown): Response {
  const requestId = newId();
  const help = `${platform.site.siteUrl}/api/3/action/help_show?name=package_search`;
  const envelope = errorEnvelope(error, help, platform.log, requestId);
  c.header('X-Request-Id', requestId);
  return c.json(envelope.body, envelope.status as 400);
}
