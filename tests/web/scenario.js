// The journey every server must support, written against what the API contract
// guarantees rather than against one data set: it runs on the mock and on the real server.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { openPage, settled, until, urlChanged, checkAccessibility, screenshot } = require('./support');

const param = (page, name) => new URL(page.url()).searchParams.getAll(name);
const heading = (page) => page.locator('#view h1').innerText();

async function clickAndSettle(page, locator) {
  const before = page.url();
  await locator.click();
  await urlChanged(page, before);
  await settled(page);
}

async function runJourney(t, browser, baseUrl, { prefix, word }) {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  let unitUrl = null;
  let searchPage2Url = null;

  await t.test('the home page offers a labelled search box and recent meetings', async () => {
    await page.goto(`${baseUrl}/`);
    await settled(page);
    assert.equal(await heading(page), 'Search council meetings');
    assert.equal(await page.getByLabel('Search the archive').count(), 1);
    await page.locator('details.help summary').click();
    assert.match(await page.locator('details.help').innerText(), /exact phrase/);
    await checkAccessibility(page, 'home');
    await screenshot(page, `${prefix}-1-home`);
  });

  await t.test('a search shows results with highlighted snippets, breadcrumbs and how the query was read', async () => {
    await page.getByLabel('Search the archive').fill(word);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    await settled(page);
    assert.match(await heading(page), new RegExp(`results? for .?${word}`));
    assert.ok(await page.locator('.hit').count() > 0, 'no hits were shown');
    assert.ok(await page.locator('.snippet mark').count() > 0, 'no highlighted words in the snippets');
    assert.equal(await page.locator('.hits script, .hits img, .hits iframe').count(), 0, 'markup other than <mark> reached the results');
    assert.ok(await page.locator('.hit .crumbs li').count() > 0, 'hits have no breadcrumb');
    // The query is read back in words, never as Xapian's description (issue 13).
    const reading = await page.locator('#reading').innerText();
    assert.match(reading, /Read as: .*(all of|any of|the word)/);
    assert.doesNotMatch(reading, /Query\(|@\d|Z[a-z]/);
    assert.ok(await page.locator('.hit .why').count() > 0, 'no hit says why it matched');
    await until(async () => /result/.test(await page.locator('#status').textContent()), 'the result count');
    assert.ok(await page.locator('.histogram li').count() > 0, 'no year histogram');
    await checkAccessibility(page, 'search results');
    await screenshot(page, `${prefix}-2-search`);
  });

  await t.test('"More like this" on a hit finds other passages like it, and Back returns', async () => {
    const firstTitle = page.locator('.hit .hit-title a').first();
    const firstId = new URL(await firstTitle.getAttribute('href'), baseUrl).searchParams.get('id');
    await clickAndSettle(page, page.locator('.hit .more-like a').first());
    assert.equal(param(page, 'like')[0], firstId);
    assert.match(await heading(page), /like the passage you chose/);
    const ids = await page.locator('.hit .hit-title a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('id')));
    assert.ok(!ids.includes(firstId), 'the passage itself came back as like itself');
    assert.match(await page.locator('#reading').innerText(), /Read as: like /);
    await page.goBack();
    await settled(page);
    assert.equal(param(page, 'q')[0], word);
  });

  await t.test('a facet narrows the results, shows as a chip, and the chip removes it', async () => {
    const total = async () => Number((await heading(page)).replace(/[^\d]/g, '') || 0);
    const before = await total();
    await clickAndSettle(page, page.locator('.facet:not(.years) .facet-list a').first());
    const chosen = [...['committee', 'type', 'person', 'topic'].flatMap((f) => param(page, f))];
    assert.equal(chosen.length, 1, `expected one filter in ${page.url()}`);
    assert.ok(await total() <= before, 'a filter made the results grow');
    assert.equal(await page.locator('.chips .chip').count(), 1);
    await screenshot(page, `${prefix}-3-facet`);
    await clickAndSettle(page, page.locator('.chips .chip').first());
    assert.equal(await page.locator('.chips .chip').count(), 0);
    assert.equal(await total(), before);
  });

  await t.test('a year bar narrows to that year', async () => {
    const bar = page.locator('.histogram a').first();
    const year = (await bar.locator('.year').innerText()).trim();
    await clickAndSettle(page, bar);
    assert.deepEqual([param(page, 'from')[0], param(page, 'to')[0]], [`${year}-01-01`, `${year}-12-31`]);
    assert.match(await page.locator('.chips').textContent(), new RegExp(`Year: ${year}`));
    await page.goBack();
    await settled(page);
    assert.equal(param(page, 'from').length, 0);
  });

  await t.test('sorting by newest orders the hits by date and keeps the query', async () => {
    const before = page.url();
    await page.getByLabel('Sort by').focus();
    await page.getByLabel('Sort by').selectOption('newest');
    await urlChanged(page, before);
    await settled(page);
    assert.equal(param(page, 'sort')[0], 'newest');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sort', 'focus left the sort control');
    assert.equal(param(page, 'q')[0], word);
    const dates = await page.locator('.hit .crumbs time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    assert.deepEqual(dates, [...dates].sort().reverse(), 'hits are not newest first');
  });

  await t.test('the next page keeps its place and moves focus to the results heading', async () => {
    const next = page.locator('.pagination a[rel=next]');
    if (await next.count() === 0) { t.diagnostic('only one page of results'); return; }
    const nextBox = await page.locator('.pagination li.next').boundingBox();
    await clickAndSettle(page, next);
    assert.equal(param(page, 'page')[0], '2');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'results-heading');
    assert.match(await page.locator('.toolbar .range').innerText(), /^Showing 11–/);
    assert.equal(await page.locator('.pagination a[aria-current=page]').textContent(), 'Page 2');
    const after = await page.locator('.pagination li.next').boundingBox();
    assert.equal(Math.round(after.x), Math.round(nextBox.x), 'the Next link moved sideways');
    searchPage2Url = page.url();
    await screenshot(page, `${prefix}-4-page-2`);
  });

  await t.test('a unit opens in context with a citation and a permanent link', async () => {
    await clickAndSettle(page, page.locator('.hit-title a').first());
    assert.equal(param(page, 'view')[0], 'unit');
    unitUrl = page.url();
    assert.ok((await heading(page)).length > 0);
    const cite = await page.locator('#cite-text').innerText();
    assert.ok(cite.includes(unitUrl), `the citation does not carry the permanent link: ${cite}`);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    await checkAccessibility(page, 'unit');
    await screenshot(page, `${prefix}-5-unit`);
  });

  await t.test('the unit leads to its meeting: attendance, items and decisions', async () => {
    const meetingLink = page.locator('.summary a[href*="view=meeting"]');
    if (await meetingLink.count() === 0) { t.diagnostic('this unit has no meeting'); return; }
    await clickAndSettle(page, meetingLink.first());
    assert.equal(param(page, 'view')[0], 'meeting');
    assert.ok(await page.locator('#decisions-h').count() === 1);
    assert.ok(await page.locator('ol.items li').count() > 0, 'the meeting lists no items');
    await checkAccessibility(page, 'meeting');
    await screenshot(page, `${prefix}-6-meeting`);
    await page.goBack();
    await settled(page);
    assert.equal(page.url(), unitUrl);
  });

  await t.test('back returns to the results page that was left', async () => {
    await page.goBack();
    await settled(page);
    if (searchPage2Url) assert.equal(page.url(), searchPage2Url);
    assert.equal(param(page, 'view').length, 0);
    assert.ok(await page.locator('.hit').count() > 0);
    await page.goForward();
    await settled(page);
    assert.equal(page.url(), unitUrl);
  });

  await t.test('a shared link opens the same unit in a new page', async () => {
    const fresh = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await fresh.goto(unitUrl);
    await settled(fresh);
    assert.equal(await heading(fresh), await heading(page));
    await screenshot(fresh, `${prefix}-7-unit-phone`);
    assert.deepEqual(fresh.errors, []);
    await fresh.context().close();
  });

  await t.test('the results download as CSV and subscribe as Atom', async () => {
    await page.goto(`${baseUrl}/?q=${encodeURIComponent(word)}`);
    await settled(page);
    const atom = await page.locator('#atom-link').getAttribute('href');
    assert.match(atom, /format=atom/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv-link').click()]);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.ok(lines.length >= 2, `the CSV has no rows: ${lines.join('\n')}`);
  });

  await t.test('a search with no results says so and suggests what to try', async () => {
    await page.getByLabel('Search the archive').fill('zzqqxxyy');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'zzqqxxyy');
    await settled(page);
    assert.match(await heading(page), /^No results/);
    assert.match(await page.locator('.no-results').innerText(), /check the spelling/);
    await checkAccessibility(page, 'no results');
    await screenshot(page, `${prefix}-8-no-results`);
  });

  await t.test('the page raised no script errors', async () => {
    assert.deepEqual(page.errors, []);
  });
  await page.context().close();
}


// Decisions, people and committees (docs/DECISIONS.md), through the header navigation.
// Written against the shapes only, so it runs on the mock and on the real server; a
// server without /api/decisions yet skips it with the reason.
async function runDecisionJourney(t, browser, baseUrl, { prefix }) {
  const probe = await fetch(`${baseUrl}/api/decisions?per_page=1000`).catch(() => null);
  if (!probe || !probe.ok) { t.skip(`${baseUrl}/api/decisions does not answer yet (${probe ? probe.status : 'no connection'})`); return; }
  const all = (await probe.json()).decisions || [];
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  await t.test('the header leads to the decisions list, with filters and exports', async () => {
    await page.goto(`${baseUrl}/`);
    await settled(page);
    await clickAndSettle(page, nav('Decisions'));
    assert.equal(param(page, 'view')[0], 'decisions');
    assert.equal(await heading(page), 'Decisions');
    assert.equal(await nav('Decisions').getAttribute('aria-current'), 'page');
    assert.ok(await page.locator('.decision-card').count() > 0, 'no decisions were listed');
    assert.ok(await page.locator('.decision-card .status').count() > 0, 'decisions show no status');
    assert.match(await page.locator('#decisions-csv').getAttribute('href'), /^\/api\/decisions\?.*format=csv/);
    assert.match(await page.locator('#decisions-atom').getAttribute('href'), /format=atom/);
    await checkAccessibility(page, 'decisions');
    await screenshot(page, `${prefix}-10-decisions`);
  });

  await t.test('filtering by status overdue keeps only overdue decisions, marked in words', async () => {
    await page.getByLabel('Status').selectOption('overdue');
    const before = page.url();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await urlChanged(page, before);
    await settled(page);
    assert.equal(param(page, 'status')[0], 'overdue');
    assert.equal(await heading(page), 'Overdue decisions');
    const expected = all.filter((d) => d.overdue || d.status === 'overdue').length;
    const cards = page.locator('.decision-card');
    if (expected === 0) {
      assert.match(await page.locator('.no-results').innerText(), /No decision matches/);
    } else {
      assert.ok(await cards.count() > 0, 'no overdue decision was listed');
      for (const text of await cards.locator('.status').allInnerTexts()) assert.match(text, /overdue/i);
    }
    await checkAccessibility(page, 'overdue decisions');
    await screenshot(page, `${prefix}-11-overdue`);
  });

  let personLinked = null;
  await t.test('a decision opens with its outcome, status and thread drawn as a timeline', async () => {
    await page.goto(`${baseUrl}/?view=decisions`);
    await settled(page);
    await clickAndSettle(page, page.locator('.decision-card .hit-title a').first());
    assert.equal(param(page, 'view')[0], 'decision');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    assert.equal(await page.locator('#outcome-h').count(), 1);
    assert.equal(await page.locator('#status-h').count(), 1);
    const threaded = all.find((d) => d.thread_id) || null;
    if (!threaded) { t.diagnostic('no decision in this archive belongs to a thread'); return; }
    await page.goto(`${baseUrl}/?view=decision&id=${encodeURIComponent(threaded.id)}`);
    await settled(page);
    const steps = page.locator('ol.timeline > li');
    assert.ok(await steps.count() >= 2, 'the thread shows fewer than two records');
    assert.equal(await page.locator('ol.timeline > li[aria-current=step]').count(), 1, 'the decision is not marked in its thread');
    assert.match(await page.locator('ol.timeline .step-link').allInnerTexts().then((x) => x.join('\n')), /\b[a-z ]+ (by|as|at) \(confidence \d\.\d\d\)/i);
    assert.ok(await page.locator('ol.timeline time').count() >= 2, 'timeline steps carry no dates');
    const people = page.locator('#view .summary a[href*="view=person"]');
    if (await people.count()) personLinked = await people.first().getAttribute('href');
    await checkAccessibility(page, 'decision');
    await screenshot(page, `${prefix}-12-decision`);
  });

  await t.test('a person shows roles over time, meetings and a search for what mentions them', async () => {
    if (personLinked) {
      await page.goto(`${baseUrl}${personLinked}`);
    } else {
      await page.goto(`${baseUrl}/?view=people`);
      await settled(page);
      await checkAccessibility(page, 'people');
      await screenshot(page, `${prefix}-15-people`);
      await page.locator('.people-list a').first().click();
      await page.waitForURL((u) => u.searchParams.get('view') === 'person');
    }
    await settled(page);
    assert.equal(param(page, 'view')[0], 'person');
    assert.equal(await page.locator('#roles-h').count(), 1);
    assert.equal(await page.locator('#meetings-h').count(), 1);
    const searchLink = page.getByRole('link', { name: /^Search the records that mention / });
    const id = param(page, 'id')[0];
    assert.equal(new URL(await searchLink.getAttribute('href'), baseUrl).searchParams.get('person'), id);
    await checkAccessibility(page, 'person');
    await screenshot(page, `${prefix}-13-person`);
  });

  await t.test('people can be found by name', async () => {
    await clickAndSettle(page, nav('People'));
    assert.equal(await heading(page), 'People');
    const first = await page.locator('.people-list .person-name').first().innerText();
    await page.getByLabel('Name').fill(first.split(/\s+/).pop());
    const before = page.url();
    await page.getByRole('button', { name: 'Find people' }).click();
    await urlChanged(page, before);
    await settled(page);
    assert.ok((await page.locator('.people-list .person-name').allInnerTexts()).includes(first));
    await checkAccessibility(page, 'people');
    await screenshot(page, `${prefix}-15-people`);
  });

  await t.test('a committee shows meetings by date, members, chairs and decisions per year', async () => {
    await clickAndSettle(page, nav('Committees'));
    assert.equal(await heading(page), 'Committees');
    await checkAccessibility(page, 'committees');
    await screenshot(page, `${prefix}-16-committees`);
    // The committee with most meetings shows the most (chairs, members, several years).
    const busiest = await page.locator('#view tbody tr').evaluateAll((rows) => rows
      .map((r, i) => ({ i, n: Number((r.cells[1] || {}).textContent || 0) })).sort((a, b) => b.n - a.n)[0].i);
    await clickAndSettle(page, page.locator('#view tbody tr').nth(busiest).locator('a[href*="view=committee"]'));
    assert.equal(param(page, 'view')[0], 'committee');
    assert.ok(await page.locator('#c-meetings-h ~ .table-wrap a[href*="view=meeting"]').count() > 0, 'no meeting links');
    assert.equal(await page.locator('#c-members-h').count(), 1);
    assert.equal(await page.locator('#c-chairs-h').count(), 1);
    const bars = page.locator('.year-bars li');
    if (await bars.count()) assert.match(await bars.first().innerText(), /\d{4}[\s\S]*\d/);
    await checkAccessibility(page, 'committee');
    await screenshot(page, `${prefix}-14-committee`);
  });

  await t.test('a decision reads on a phone', async () => {
    const fresh = await openPage(browser, { viewport: { width: 390, height: 844 } });
    const d = all.find((x) => x.thread_id) || all[0];
    await fresh.goto(`${baseUrl}/?view=decision&id=${encodeURIComponent(d.id)}`);
    await settled(fresh);
    await screenshot(fresh, `${prefix}-17-decision-phone`);
    assert.deepEqual(fresh.errors, []);
    await fresh.context().close();
  });

  await t.test('search hits that are decisions link to their decision page', async () => {
    await page.goto(`${baseUrl}/?q=&type=resolution`);
    await settled(page);
    if (await page.locator('.hit').count() === 0) { t.diagnostic('no resolution units'); return; }
    const shown = page.locator('.hit .decision-link:not([hidden]) a');
    await shown.first().waitFor({ timeout: 5000 }).catch(() => {});
    if (await shown.count() === 0) { t.diagnostic('no resolution hit on the first page has a decision record'); return; }
    const href = await shown.first().getAttribute('href');
    assert.match(href, /view=decision&id=d-/);
    await clickAndSettle(page, shown.first());
    assert.equal(param(page, 'view')[0], 'decision');
  });

  await t.test('the decision pages raised no script errors', async () => {
    assert.deepEqual(page.errors, []);
  });
  await page.context().close();
}

module.exports = { runJourney, runDecisionJourney, clickAndSettle, param, heading };
