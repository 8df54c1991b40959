// npm run conformance [-- <run.sh arguments>]: starts a fresh s5 in NGSI-LD conformance mode
// (S5_NGSI_CONFORMANCE) on a free loopback port with an empty temporary data folder, runs the
// ETSI NGSI-LD suite against it with ../shared/tools/ngsi-ld-conformance/run.sh (arguments are
// passed through: test paths, robot options), prints the harness's summary and exits with its
// status. The suite's sources are third-party and never kept in this repository; see below.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const HARNESS = path.resolve(
  process.env.NGSILD_HARNESS_DIR ?? path.join(ROOT, '..', 'shared', 'tools', 'ngsi-ld-conformance'),
);
const SOURCES = process.env.NGSILD_SOURCES_DIR; // a folder holding suite/ and vendor/
const suiteDir =
  process.env.NGSILD_SUITE_DIR ??
  (SOURCES ? path.join(SOURCES, 'suite') : path.join(HARNESS, 'suite'));
const vendorDir =
  process.env.NGSILD_VENDOR_DIR ??
  (SOURCES ? path.join(SOURCES, 'vendor') : path.join(HARNESS, 'vendor'));

function explainMissing(what) {
  process.stderr.write(
    `conformance: ${what}\n` +
      `The ETSI NGSI-LD suite and its Python libraries are third-party sources that this\n` +
      `repository does not keep. Bring them as ${path.join(HARNESS, 'README.md')} ("Sources")\n` +
      `lists (each repository at the named commit), outside this repository, e.g.\n` +
      `  <dir>/suite   (marek-mraz/ngsi-ld-test-suite: TP, resources, data, libraries)\n` +
      `  <dir>/vendor/robotframework, robotframework-requests, … (one import root each)\n` +
      `then run once ${path.join(HARNESS, 'install.sh')} and\n` +
      `  NGSILD_SOURCES_DIR=<dir> npm run conformance [-- TP/NGSI-LD/CommonBehaviours]\n` +
      `(or set NGSILD_SUITE_DIR and NGSILD_VENDOR_DIR; NGSILD_HARNESS_DIR moves the harness).\n`,
  );
  process.exit(2);
}

if (!existsSync(path.join(HARNESS, 'run.sh'))) explainMissing(`no harness at ${HARNESS}`);
if (!existsSync(path.join(suiteDir, 'TP', 'NGSI-LD'))) explainMissing(`no suite at ${suiteDir}`);
if (!existsSync(path.join(vendorDir, 'robotframework')))
  explainMissing(`no libraries at ${vendorDir}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, server) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`s5 exited with status ${server.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('s5 did not answer within 60 s');
}

const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 's5-conformance-'));
const base = `http://127.0.0.1:${port}/ngsi-ld/v1`;
const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    S5_HOST: '127.0.0.1',
    S5_PORT: String(port),
    S5_DATA_DIR: dataDir,
    S5_AUTO_SEED: 'false',
    S5_LOG_LEVEL: process.env.S5_LOG_LEVEL ?? 'error',
    S5_HARVEST_SCHEDULER: 'false',
    S5_MQTT_EMBEDDED: 'false',
    S5_NGSI_CONFORMANCE: path.join(HARNESS, 'contexts', 'context-map.json'),
    // The suite serves its @contexts (and mocks) from loopback ports it picks itself.
    S5_NGSI_CONTEXT_HOSTS: '127.0.0.1,localhost',
    S5_FETCH_ALLOW_PRIVATE: 'true',
  },
});

let status = 2;
try {
  await waitUntilUp(`${base}/types`, server);
  process.stdout.write(`conformance: s5 (fresh, data in ${dataDir}) at ${base}\n`);
  const resultsDir =
    process.env.NGSILD_RESULTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'ngsild-results-'));
  const run = spawn('bash', [path.join(HARNESS, 'run.sh'), base, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NGSILD_SUITE_DIR: suiteDir,
      NGSILD_VENDOR_DIR: vendorDir,
      NGSILD_RESULTS_DIR: resultsDir,
      NGSILD_CONTEXT_MODE: process.env.NGSILD_CONTEXT_MODE ?? 'canonical',
    },
  });
  status = await new Promise((resolve) => run.on('exit', (code) => resolve(code ?? 2)));
} catch (error) {
  process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
