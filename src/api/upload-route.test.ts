import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  TEST_UPLOAD_LIMIT,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { createApp } from './create-app.ts';

/** Node's default highWaterMark for byte streams. */
const HWM = 64 * 1024;
/** A body 20× the highWaterMark, for the streaming tests (their platform has a larger limit). */
const BIG = 20 * HWM;

interface Envelope {
  success: boolean;
  result: {
    id: string;
    url: string;
    url_type: string;
    size: number;
    hash: string;
    format: string;
  };
  error: Record<string, unknown>;
}

/** Bytes of the given size with a pattern, so a lost or reordered chunk changes the hash. */
function patterned(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 10)) & 0xff;
  return bytes;
}

/** The bytes written so far to the file store's temporary files (uploads in progress). */
function bytesInProgress(filesDir: string): number {
  const tmp = path.join(filesDir, 'tmp');
  let total = 0;
  try {
    for (const name of readdirSync(tmp)) total += statSync(path.join(tmp, name)).size;
  } catch {
    return 0;
  }
  return total;
}

/**
 * A request body that sends `head`, then `data` in highWaterMark chunks, then `tail` — and after
 * half of `data` waits until the server has written at least a quarter of it to the file store.
 * A server that buffered the whole body before storing it would never get there: the body stalls
 * and the test fails.
 */
function gatedBody(filesDir: string, head: Uint8Array, data: Uint8Array, tail: Uint8Array) {
  let offset = 0;
  let gatePassed = false;
  let sentHead = false;
  let sentTail = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      if (offset >= data.byteLength / 2 && !gatePassed) {
        for (let i = 0; i < 500 && bytesInProgress(filesDir) < data.byteLength / 4; i++)
          await sleep(10);
        if (bytesInProgress(filesDir) < data.byteLength / 4) {
          controller.error(new Error('the server did not store the upload while it arrived'));
          return;
        }
        gatePassed = true;
      }
      if (offset < data.byteLength) {
        controller.enqueue(data.subarray(offset, offset + HWM));
        offset += HWM;
        return;
      }
      if (!sentTail) {
        sentTail = true;
        controller.enqueue(tail);
        return;
      }
      controller.close();
    },
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const backend of testBackends()) {
  describe(`streamed resource files over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let bigApp: Hono;
    let u: TestUsers;
    let packageId: string;
    const newResource = async () =>
      (
        (await p.call(
          'resource_create',
          { package_id: packageId, url: 'https://example.jp/old.csv' },
          u.editor,
        )) as { id: string }
      ).id;
    const put = (
      id: string,
      body: RequestInit['body'],
      headers: Record<string, string>,
      target: Hono = app,
      query = '',
    ) =>
      target.request(`/api/3/resource/${id}/file${query}`, {
        method: 'PUT',
        body,
        headers,
        duplex: 'half',
      } as RequestInit);

    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      app = createApp(p);
      // The same platform with a limit above the streaming tests' body size.
      bigApp = createApp({ ...p, config: { ...p.config, maxUploadBytes: 4 * BIG } });
      packageId = ((await p.call('package_create', buildPackage(), u.editor)) as { id: string }).id;
    });
    after(() => p?.close());

    it('attaches a PUT body to the resource and answers the updated resource in the envelope', async () => {
      const id = await newResource();
      const csv = '名称,緯度,経度\r\n札幌市役所,43.0621,141.3544\r\n';
      const res = await put(id, csv, {
        Authorization: u.tokens.editor,
        'Content-Type': 'text/csv',
        'X-File-Name': encodeURIComponent('施設一覧.csv'),
      });
      const body = (await res.json()) as Envelope;
      assert.equal(res.status, 200);
      assert.deepEqual(
        {
          success: body.success,
          url: body.result.url,
          url_type: body.result.url_type,
          size: body.result.size,
          hash: body.result.hash,
        },
        {
          success: true,
          url: `http://s5.test/dataset/${packageId}/resource/${id}/download/${encodeURIComponent('施設一覧.csv')}`,
          url_type: 'upload',
          size: Buffer.byteLength(csv),
          hash: `sha256:${sha256(new TextEncoder().encode(csv))}`,
        },
      );
      const download = await app.request(new URL(body.result.url).pathname);
      assert.equal(await download.text(), csv);
    });

    it('takes the file name from ?name= and queues the ingest of a CSV', async () => {
      const id = await newResource();
      await put(id, 'a,b\r\n1,2\r\n', { Authorization: u.tokens.editor }, app, '?name=data.csv');
      const job = (await p.call('s5_job_show', { resource_id: id }, u.editor)) as {
        kind: string;
        state: string;
      };
      assert.deepEqual([job.kind, job.state], ['ingest', 'queued']);
    });

    it('refuses a declared body over the limit with 413 naming the limit', async () => {
      const id = await newResource();
      const res = await put(id, new Uint8Array(TEST_UPLOAD_LIMIT + 1), {
        Authorization: u.tokens.editor,
        'Content-Length': String(TEST_UPLOAD_LIMIT + 1),
      });
      assert.equal(res.status, 413);
      assert.match((await res.json()) as string, new RegExp(String(TEST_UPLOAD_LIMIT)));
    });

    it('refuses a streamed body that passes the limit with 409 on upload, leaving the resource as it was', async () => {
      const id = await newResource();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(TEST_UPLOAD_LIMIT / 2));
          controller.close();
        },
      });
      const res = await put(id, body, { Authorization: u.tokens.editor });
      const envelope = (await res.json()) as Envelope;
      assert.equal(res.status, 409);
      assert.match(String(envelope.error.upload), /limit is 64 KB/);
      const r = (await p.call('resource_show', { id }, u.editor)) as { url: string };
      assert.equal(r.url, 'https://example.jp/old.csv');
    });

    it('refuses anonymous callers and users who may not edit the dataset before storing anything', async () => {
      const id = await newResource();
      const bytes = patterned(1000);
      const anonymous = await put(id, bytes, {});
      const member = await put(id, bytes, { Authorization: u.tokens.member });
      assert.deepEqual([anonymous.status, member.status], [403, 403]);
      assert.equal(p.files.has(sha256(bytes)), false);
    });

    it('answers 404 for an unknown resource', async () => {
      const res = await put('no-such-resource', 'x', { Authorization: u.tokens.editor });
      assert.equal(res.status, 404);
    });

    it('streams a PUT body 20× the highWaterMark into the store as it arrives, intact', async () => {
      const id = await newResource();
      const data = patterned(BIG);
      const body = gatedBody(p.config.filesDir, new Uint8Array(0), data, new Uint8Array(0));
      const res = await put(id, body, { Authorization: u.tokens.editor }, bigApp, '?name=big.bin');
      const envelope = (await res.json()) as Envelope;
      assert.equal(res.status, 200, JSON.stringify(envelope.error));
      assert.deepEqual(
        [envelope.result.size, envelope.result.hash],
        [BIG, `sha256:${sha256(data)}`],
      );
    });

    it('streams a multipart upload 20× the highWaterMark into the store as it arrives, intact', async () => {
      const id = await newResource();
      const data = patterned(BIG);
      const boundary = 's5-test-boundary';
      const enc = new TextEncoder();
      const head = enc.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${id}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="big.bin"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      );
      const tail = enc.encode(`\r\n--${boundary}--\r\n`);
      const res = await bigApp.request('/api/3/action/resource_patch', {
        method: 'POST',
        headers: {
          Authorization: u.tokens.editor,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
        },
        body: gatedBody(p.config.filesDir, head, data, tail),
        duplex: 'half',
      } as RequestInit);
      const envelope = (await res.json()) as Envelope;
      assert.equal(res.status, 200, JSON.stringify(envelope.error));
      assert.deepEqual(
        [envelope.result.size, envelope.result.hash],
        [BIG, `sha256:${sha256(data)}`],
      );
    });

    it('answers a malformed multipart body with 400', async () => {
      const res = await app.request('/api/3/action/resource_patch', {
        method: 'POST',
        headers: {
          Authorization: u.tokens.editor,
          'Content-Type': 'multipart/form-data; boundary=x',
        },
        body: '--x\r\nContent-Disposition: form-data; name="id"\r\n\r\nabc',
      });
      assert.equal(res.status, 400);
    });
  });
}
