// Live responses against server/src/openapi.json (ctest openapi_responses). A real
// quorum-serve over an index of corpus/samples answers every path of the document, with
// realistic parameters and real ids (each list's ids feed its detail path), and with the
// errors the document declares (400 for a bad parameter or id, 404 for an unknown id, 414
// for an address over 8 KB). Each body is validated with ajv against the schema the
// document declares for that path, status and media type, with every object the document
// describes closed (schemas.js): an undescribed field fails as a missing required one does.
// The last test fails when a path, status or media type of the document went unexercised.
//
// The schemas come from the source tree, not from the served /api/openapi.json: a change to
// the document is checked without rebuilding quorum-serve. The served copy is compared with
// the source one when the binary is newer than the source (as after any build).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startServer, REPO } = require('./server');
const { ResponseSchemas, describe } = require('./schemas');

const DOC_PATH = path.join(REPO, 'server/src/openapi.json');
const doc = JSON.parse(fs.readFileSync(DOC_PATH, 'utf8'));
const schemas = new ResponseSchemas(doc);

// Declared responses no request from outside can bring about, each with the reason.
// Every entry must be declared in the document (checked), so the list cannot go stale.
const UNREACHABLE = {
  '/api/search 500 application/json': 'a fault of the server',
  '/api/decisions 500 application/json': 'a fault of the server',
  '/api/people 500 application/json': 'a fault of the server',
  '/api/committees 500 application/json': 'a fault of the server',
  '/api/councils 500 application/json': 'a fault of the server',
  '/healthz 503 application/json': 'needs an index that cannot be read (tests/e2e/lifecycle_test.cpp damages one)',
};

const exercised = new Set();
let server;
let calls = 0;

before(async () => { server = await startServer(); });
after(async () => { if (server) await server.close(); });

// GETs `url` (a path with its query) as an instance of the document's `template`, checks the
// status, and validates the body against the declared schema. Returns the parsed JSON body
// (or the text of a non-JSON one).
async function call(template, url, status = 200) {
  const res = await fetch(server.url + url);
  calls += 1;
  const text = await res.text();
  const where = `GET ${url.length > 120 ? `${url.slice(0, 120)}…` : url}`;
  assert.equal(res.status, status, `${where}: status ${res.status}, expected ${status}: ${text.slice(0, 300)}`);
  const key = schemas.statusKey(template, res.status);
  assert.ok(key, `${where}: the document declares no response ${res.status} for ${template}`);
  const type = (res.headers.get('content-type') || '').split(';')[0].trim();
  const types = schemas.mediaTypes(template, key);
  assert.ok(types.includes(type), `${where}: Content-Type ${type}, but ${template} ${key} declares ${types.join(', ')}`);
  exercised.add(`${template} ${key} ${type}`);
  let body = text;
  if (type === 'application/json') {
    try { body = JSON.parse(text); } catch (e) { assert.fail(`${where}: not JSON (${e.message}): ${text.slice(0, 200)}`); }
  }
  const validate = schemas.validator(template, key, type);
  if (!validate(body)) {
    assert.fail(`${where}: the response does not match ${template} ${key} ${type} in server/src/openapi.json:\n${describe(validate.errors)}`);
  }
  return body;
}

const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [].concat(v)) s.append(k, one);
  return `?${s}`;
};
const longQuery = `?padding=${'a'.repeat(9000)}`;

// Ids found along the way, for the detail paths.
const found = { units: new Map(), meetings: [], decisions: [], people: [], committees: [] };

test('/api/search: hits, facets and query reading for many kinds of query; CSV and Atom; 400', async () => {
  const first = await call('/api/search', `/api/search${q({ q: 'fostering' })}`);
  assert.ok(first.hits.length > 0, 'fostering finds hits in the samples');
  const again = await call('/api/search', `/api/search${q({ q: 'fostering' })}`);
  assert.equal(again.cached, true, 'the same question again is answered from the cache');
  const committee = first.facets.committee[0].id;
  const person = first.facets.person[0].id;
  const topic = first.facets.topic[0].id;

  // Every unit of the archive, front matter included, as hits: every record shape is checked.
  for (let page = 1; ; page += 1) {
    const r = await call('/api/search', `/api/search${q({ front_matter: 'true', per_page: 100, page, sort: 'oldest' })}`);
    for (const h of r.hits) {
      const kinds = [h.type, ...['resolution', 'table', 'question', 'action', 'decision', 'ocr'].filter((k) => k in h)];
      for (const k of kinds) if (!found.units.has(k)) found.units.set(k, h.id);
    }
    if (page >= r.pages) break;
  }
  const suggested = await call('/api/search', `/api/search${q({ q: 'fostring' })}`);
  assert.equal(typeof suggested.suggestion, 'string', 'a misspelling gets a suggestion');
  await call('/api/search', `/api/search${q({ q: 'sacked', mode: 'hybrid' })}`);
  await call('/api/search', `/api/search${q({ q: 'what did the committee decide about fostering in 2022' })}`);
  await call('/api/search', `/api/search${q({ q: '"foster carers" OR adoption -panel', mode: 'keyword', sort: 'newest', per_page: 5, page: 2 })}`);
  await call('/api/search', `/api/search${q({ q: 'committee:cabinet year:2022 budget', procedural: 'false' })}`);
  await call('/api/search', `/api/search${q({ committee, person, topic, type: ['resolution', 'paragraph'], year: '2022', from: '2022-01-01', to: '2022-12-31' })}`);
  await call('/api/search', `/api/search${q({ kind: 'minutes', outcome: 'agreed', status: 'open', front_matter: 'false' })}`);
  await call('/api/search', `/api/search${q({ like: first.hits[0].id, per_page: 3 })}`);
  await call('/api/search', `/api/search${q({ q: 'zzzqqqxxy' })}`);
  await call('/api/search', `/api/search${q({ q: 'fostering', format: 'csv' })}`);
  await call('/api/search', `/api/search${q({ q: 'fostering', format: 'atom' })}`);
  await call('/api/search', `/api/search${q({ per_page: 0 })}`, 400);
  await call('/api/search', `/api/search${q({ from: '2022-02-30' })}`, 400);
  await call('/api/search', `/api/search${q({ q: 'fostering', like: first.hits[0].id })}`, 400);
});

test('/api/units/{id}: a unit of every type and record shape; 400; 404', async () => {
  assert.ok(found.units.size >= 6, `units of several types were found: ${[...found.units.keys()]}`);
  for (const [, id] of found.units) {
    const unit = await call('/api/units/{id}', `/api/units/${id}`);
    assert.equal(unit.id, id);
  }
  await call('/api/units/{id}', '/api/units/Not_An_Id', 400);
  await call('/api/units/{id}', '/api/units/no-such-unit', 404);
});

test('/api/meetings: all, paged, filtered; CSV and Atom; 400', async () => {
  const all = await call('/api/meetings', '/api/meetings');
  assert.ok(all.meetings.length > 0);
  found.meetings = all.meetings.map((m) => m.id);
  const dated = all.meetings.find((m) => m.committee && m.date);
  await call('/api/meetings', `/api/meetings${q({ page: 1, per_page: 2 })}`);
  await call('/api/meetings', `/api/meetings${q({ committee: dated.committee.id, from: '2018-01-01', to: dated.date })}`);
  await call('/api/meetings', `/api/meetings${q({ format: 'csv' })}`);
  await call('/api/meetings', `/api/meetings${q({ format: 'atom' })}`);
  await call('/api/meetings', `/api/meetings${q({ page: 0 })}`, 400);
});

test('/api/meetings/{id}: every meeting; 400; 404', async () => {
  for (const id of found.meetings) await call('/api/meetings/{id}', `/api/meetings/${id}`);
  await call('/api/meetings/{id}', '/api/meetings/Not_An_Id', 400);
  await call('/api/meetings/{id}', '/api/meetings/no-such-meeting', 404);
});

test('/api/decisions: all, filtered; CSV and Atom; 400', async () => {
  const all = await call('/api/decisions', `/api/decisions${q({ per_page: 1000 })}`);
  assert.equal(all.decisions.length, all.total, 'one page holds every decision of the samples');
  found.decisions = all.decisions.map((d) => d.id);
  const owned = all.decisions.find((d) => d.owner && d.owner.id);
  await call('/api/decisions', '/api/decisions');
  await call('/api/decisions', `/api/decisions${q({ status: 'overdue', kind: 'resolution' })}`);
  const committee = all.decisions.find((d) => d.committee).committee.id;
  await call('/api/decisions', `/api/decisions${q({ outcome: 'agreed', committee, from: '2022-01-01', to: '2022-12-31', page: 2, per_page: 5 })}`);
  await call('/api/decisions', `/api/decisions${q({ status: 'to-be-completed', kind: 'tracker-row' })}`);
  if (owned) await call('/api/decisions', `/api/decisions${q({ owner: owned.owner.id })}`);
  await call('/api/decisions', `/api/decisions${q({ q: 'fostering report' })}`);
  await call('/api/decisions', `/api/decisions${q({ format: 'csv' })}`);
  await call('/api/decisions', `/api/decisions${q({ format: 'atom' })}`);
  await call('/api/decisions', `/api/decisions${q({ kind: 'bogus' })}`, 400);
});

test('/api/decisions/{id}: every decision with its links and thread; 400; 404', async () => {
  let threads = 0;
  for (const id of found.decisions) {
    const d = await call('/api/decisions/{id}', `/api/decisions/${id}`);
    if (d.thread) threads += 1;
  }
  assert.ok(threads > 0, 'some decision of the samples has a thread');
  await call('/api/decisions/{id}', '/api/decisions/Not_An_Id', 400);
  await call('/api/decisions/{id}', '/api/decisions/d-no-such-decision', 404);
});

test('/api/people: all, by name; CSV and Atom; 400', async () => {
  const all = await call('/api/people', `/api/people${q({ per_page: 1000 })}`);
  assert.equal(all.people.length, all.total);
  found.people = all.people.map((p) => p.id);
  await call('/api/people', '/api/people');
  await call('/api/people', `/api/people${q({ q: all.people[0].name.split(' ')[0], page: 1, per_page: 5 })}`);
  await call('/api/people', `/api/people${q({ format: 'csv' })}`);
  await call('/api/people', `/api/people${q({ format: 'atom' })}`);
  await call('/api/people', `/api/people${q({ per_page: 'x' })}`, 400);
});

test('/api/people/{id}: every person; 400; 404', async () => {
  for (const id of found.people) await call('/api/people/{id}', `/api/people/${id}`);
  await call('/api/people/{id}', '/api/people/Not_An_Id', 400);
  await call('/api/people/{id}', '/api/people/no-such-person', 404);
  await call('/api/people/{id}', `/api/people/${found.people[0]}${q({ format: 'csv' })}`);
  await call('/api/people/{id}', `/api/people/${found.people[0]}${q({ format: 'xml' })}`, 400);
});

test('/api/compare: by committee, by year and by council; 400', async () => {
  const byCommittee = await call('/api/compare', `/api/compare${q({ q: 'foster carers' })}`);
  assert.ok(byCommittee.groups.length > 0);
  assert.ok(byCommittee.groups.some((g) => g.best !== null));
  await call('/api/compare', `/api/compare${q({ q: 'fostering', by: 'year', groups: 3 })}`);
  await call('/api/compare', `/api/compare${q({ q: 'zzzzunknownword' })}`);
  await call('/api/compare', '/api/compare', 400);
  const byCouncil = await call('/api/compare', `/api/compare${q({ q: 'fostering', by: 'council' })}`);
  assert.deepEqual(byCouncil.groups.map((g) => g.id), ['herefordshire-council']);
  await call('/api/compare', `/api/compare${q({ q: 'fostering', by: 'ward' })}`, 400);
});

test('/api/people/{id}/agreement: two people; the same person twice; 400; 404', async () => {
  assert.ok(found.people.length > 1);
  const [a, b] = found.people;
  const pair = await call('/api/people/{id}/agreement', `/api/people/${a}/agreement${q({ with: b })}`);
  assert.equal(pair.person.id, a);
  assert.equal(pair.with.id, b);
  await call('/api/people/{id}/agreement', `/api/people/${a}/agreement${q({ with: a })}`);
  await call('/api/people/{id}/agreement', `/api/people/${a}/agreement`, 400);
  await call('/api/people/{id}/agreement', `/api/people/${a}/agreement${q({ with: 'Not_An_Id' })}`, 400);
  await call('/api/people/{id}/agreement', `/api/people/${a}/agreement${q({ with: 'no-such-person' })}`, 404);
  await call('/api/people/{id}/agreement', `/api/people/no-such-person/agreement${q({ with: a })}`, 404);
});

test('/api/committees: JSON, CSV and Atom; 400', async () => {
  const all = await call('/api/committees', '/api/committees');
  found.committees = all.committees.map((c) => c.id);
  await call('/api/committees', `/api/committees${q({ format: 'csv' })}`);
  await call('/api/committees', `/api/committees${q({ format: 'atom' })}`);
  await call('/api/committees', `/api/committees${q({ format: 'xml' })}`, 400);
});

test('/api/committees/{id}: every committee; 400; 404', async () => {
  assert.ok(found.committees.length > 0);
  for (const id of found.committees) await call('/api/committees/{id}', `/api/committees/${id}`);
  await call('/api/committees/{id}', '/api/committees/Not_An_Id', 400);
  await call('/api/committees/{id}', '/api/committees/no-such-committee', 404);
});

test('/api/councils and /api/councils/{id}: JSON and CSV; every council; 400; 404', async () => {
  const all = await call('/api/councils', '/api/councils');
  assert.deepEqual(all.councils.map((c) => c.id), ['herefordshire-council']);
  await call('/api/councils', `/api/councils${q({ format: 'csv' })}`);
  await call('/api/councils', `/api/councils${q({ format: 'atom' })}`, 400);
  for (const c of all.councils) {
    const one = await call('/api/councils/{id}', `/api/councils/${c.id}`);
    assert.ok(one.committees.length > 0);
    assert.ok(one.members.length > 0);
  }
  await call('/api/councils/{id}', '/api/councils/Not_An_Id', 400);
  await call('/api/councils/{id}', '/api/councils/no-such-council', 404);
});

test('/healthz: 200; an address over 8 KB gets 414', async () => {
  const h = await call('/healthz', '/healthz');
  assert.equal(h.status, 'ok');
  await call('/healthz', `/healthz${longQuery}`, 414);
});

test('/api/openapi.json: the served document; an address over 8 KB gets 414', async (t) => {
  const served = await call('/api/openapi.json', '/api/openapi.json');
  await call('/api/openapi.json', `/api/openapi.json${longQuery}`, 414);
  // The binary embeds the document at build time: compare only when it was built after the
  // source last changed, so an edited document can be checked before a rebuild.
  const built = fs.statSync(server.binary).mtimeMs;
  const edited = fs.statSync(DOC_PATH).mtimeMs;
  if (built < edited) {
    t.diagnostic('quorum-serve is older than server/src/openapi.json: rebuild to compare the served document');
    return;
  }
  assert.deepEqual(served, doc, 'GET /api/openapi.json serves server/src/openapi.json');
});

test('every path, status and media type of the document was exercised', (t) => {
  const declared = schemas.declared();
  for (const k of Object.keys(UNREACHABLE)) assert.ok(declared.includes(k), `UNREACHABLE lists ${k}, which the document does not declare`);
  const missing = declared.filter((k) => !exercised.has(k) && !(k in UNREACHABLE));
  assert.deepEqual(missing, [], 'declared in server/src/openapi.json but never called: add a request for each to responses.test.js');
  const paths = new Set([...exercised].map((k) => k.split(' ')[0]));
  assert.deepEqual(Object.keys(doc.paths).filter((p) => !paths.has(p)), [], 'paths never called');
  t.diagnostic(`${calls} requests`);
});
