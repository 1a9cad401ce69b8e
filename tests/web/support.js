// Shared helpers of the web tests: the browser, the two servers (canned mock, real
// quorum-serve over an index of corpus/samples), accessibility checks and screenshots.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');

const CHROMIUM = process.env.QUORUM_CHROMIUM || '/usr/bin/chromium';
const REPO = path.resolve(__dirname, '../..');
const BINARY_DIR = process.env.QUORUM_BINARY_DIR || path.join(REPO, 'build');
const SCREENSHOT_DIR = process.env.QUORUM_SCREENSHOT_DIR || path.join(BINARY_DIR, 'web-screenshots');

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that fails the test on any script error or console error of the page itself.
async function openPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The page asks /api/decisions/{id} whether a hit has a decision page; a 404 there is
    // an expected answer (the link stays hidden), not a fault.
    if (/status of 404/.test(m.text()) && /\/api\/decisions\//.test((m.location() || {}).url || '')) return;
    page.errors.push(`console error: ${m.text()}`);
  });
  return page;
}

// Polls `check` from Node until it is true. page.waitForFunction would evaluate a string
// in the page, which the page's Content-Security-Policy (no 'unsafe-eval') forbids, as it
// should: the tests run with the policy the server sends.
async function until(check, what = 'a condition', timeout = 15000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Waits until the page's address is no longer `before` (a navigation within the page).
async function urlChanged(page, before) {
  await until(async () => page.url() !== before, 'the address to change');
}

// Waits until the page has finished rendering the state in its URL.
async function settled(page) {
  await page.locator('#view[aria-busy="false"] h1').first().waitFor();
}

async function checkAccessibility(page, label) {
  const { default: AxeBuilder } = require('@axe-core/playwright');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`;
  assert.equal(bad.length, 0, `axe found serious or critical problems on the ${label} page:\n  ${bad.map(describe).join('\n  ')}`);
  return result;
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Why the real server cannot be used, or null when it can.
function realServerUnavailable() {
  for (const name of ['quorum-serve', 'quorum-index']) {
    const bin = path.join(BINARY_DIR, name);
    if (!fs.existsSync(bin)) return `${bin} is not built`;
    // The project skeleton's placeholders print nothing, even for --help.
    const r = spawnSync(bin, ['--help'], { encoding: 'utf8', timeout: 10000 });
    if (r.status === 0 && !(r.stdout || '').trim() && !(r.stderr || '').trim()) return `${bin} is still a placeholder`;
  }
  return null;
}

// Indexes corpus/samples into a temporary folder and starts quorum-serve on a free port.
async function startRealServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-web-'));
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
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 5000); });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { launchBrowser, openPage, settled, until, urlChanged, checkAccessibility, screenshot, startRealServer, realServerUnavailable, BINARY_DIR, SCREENSHOT_DIR };
