// A real quorum-serve over an index of corpus/samples, as tests/web/support.js starts it:
// quorum-index into a temporary folder, quorum-serve on a free loopback port, ready once
// /healthz answers. Binaries come from QUORUM_BINARY_DIR (default <repo>/build).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '../..');
const BINARY_DIR = process.env.QUORUM_BINARY_DIR || path.join(REPO, 'build');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startServer() {
  for (const name of ['quorum-index', 'quorum-serve']) {
    assert.ok(fs.existsSync(path.join(BINARY_DIR, name)), `${path.join(BINARY_DIR, name)} is not built (QUORUM_BINARY_DIR)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-openapi-'));
  const db = path.join(dir, 'db');
  const index = spawnSync(path.join(BINARY_DIR, 'quorum-index'), ['--db', db, path.join(REPO, 'corpus/samples')],
    { encoding: 'utf8', timeout: 240000 });
  assert.equal(index.status, 0, `quorum-index failed (${index.status}):\n${index.stderr}`);
  const port = await freePort();
  const child = spawn(path.join(BINARY_DIR, 'quorum-serve'), ['--db', db, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`quorum-serve exited with ${child.exitCode} before answering:\n${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`quorum-serve did not answer /healthz within 30 s:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    binary: path.join(BINARY_DIR, 'quorum-serve'),
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        // unref: a timer left pending would hold the process open for its 5 s after the exit.
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 5000).unref(); });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startServer, REPO, BINARY_DIR };
