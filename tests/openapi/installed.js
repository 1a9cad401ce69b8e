// Exit 0 when node_modules already holds exactly what package-lock.json pins (npm's own
// record of the install, node_modules/.package-lock.json, names every package and version),
// so run_openapi_tests.sh can skip npm ci; exit 1 when an install is needed.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function read(file) {
  try { return JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')); } catch { return null; }
}

const lock = read('package-lock.json');
const installed = read('node_modules/.package-lock.json');
const pkg = read('package.json');
if (!lock || !installed || !pkg) process.exit(1);
// package.json changed since the lock was written: npm ci must say so.
const wanted = lock.packages[''] && lock.packages[''].devDependencies;
if (JSON.stringify(wanted) !== JSON.stringify(pkg.devDependencies)) process.exit(1);
for (const [where, entry] of Object.entries(lock.packages)) {
  if (where === '' || entry.optional) continue;  // optional ones (fsevents) are skipped off their platform
  const have = installed.packages[where];
  if (!have || have.version !== entry.version || !fs.existsSync(path.join(__dirname, where, 'package.json'))) process.exit(1);
}
process.exit(0);
