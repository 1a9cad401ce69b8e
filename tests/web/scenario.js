// The journey every server must support, written against what the API contract
// guarantees rather than against one data set: it runs on the mock and on the real server.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { openPage, settled, checkAccessibility, screenshot } = require('./support');

const param = (page, name) => new URL(page.url()).searchParams.getAll(name);
const heading = (page) => page.locator('#view h1').innerText();

async function clickAndSettle(page, locator) {
  const before = page.url();
  await locator.click();
  await page.waitForFunction((u) => location.href !== u, before);
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
    assert.match(await page.locator('.parsed').innerText(), /read as/);
    await page.waitForFunction(() => /result/.test(document.getElementById('status').textContent));
    assert.ok(await page.locator('.histogram li').count() > 0, 'no year histogram');
    await checkAccessibility(page, 'search results');
    await screenshot(page, `${prefix}-2-search`);
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
    await page.waitForFunction((u) => location.href !== u, before);
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

module.exports = { runJourney, clickAndSettle, param, heading };
