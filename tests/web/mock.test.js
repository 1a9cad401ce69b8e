// The page against the canned mock server: runs wherever Chromium is installed, with or
// without a working quorum-serve.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startMockServer } = require('./mock_server');
const { launchBrowser, openPage, settled, until, urlChanged, checkAccessibility, screenshot } = require('./support');
const { runJourney, runDecisionJourney, clickAndSettle, param, heading } = require('./scenario');

let browser;
let server;
before(async () => { server = await startMockServer(); browser = await launchBrowser(); });
after(async () => { if (browser) await browser.close(); if (server) await server.close(); });

test('the journey works against the mock API', async (t) => {
  await runJourney(t, browser, server.url, { prefix: 'mock', word: 'fostering' });
});

test('decisions, people and committees work against the mock API', async (t) => {
  await runDecisionJourney(t, browser, server.url, { prefix: 'mock' });
});

test('a decision page shows the unlinked reason, and a hit without a decision record offers no link', async () => {
  const page = await openPage(browser);
  const orphan = server.decisions.find((d) => d.unlinked_reason);
  await page.goto(`${server.url}/?view=decision&id=${orphan.id}`);
  await settled(page);
  assert.match(await page.locator('.notice-unlinked').innerText(), /no decision of Children and Young People Scrutiny Committee is recorded within 120 days/);
  // Every decision lookup fails: the hits keep no link to a missing page.
  await page.route('**/api/decisions/**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"No decision with that id."}}' }));
  await page.goto(`${server.url}/?q=&type=resolution`);
  await settled(page);
  await until(async () => (await page.locator('.decision-link').count()) === 0, 'no decision links');
  assert.ok(await page.locator('.hit').count() > 0);
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  await page.context().close();
});

// Issue 17: a recorded vote on its decision, a member's voting record, and how often two members agree.
test('a decision shows its recorded vote; a person their voting record; two people how often they agreed', async () => {
  const page = await openPage(browser);
  const budget = server.decisions.find((d) => d.votes);
  await page.goto(`${server.url}/?view=decision&id=${budget.id}`);
  await settled(page);
  const vote = page.locator('section[aria-labelledby="vote-h"]');
  assert.match(await vote.innerText(), /Carried/);
  assert.match(await vote.innerText(), /For: 3 \(the minutes print 4\)/);
  assert.match(await vote.innerText(), /Cllr Newman \(not matched to a member\)/);
  assert.match(await vote.innerText(), /For \(4\) is printed above 3 names/);
  assert.equal(await vote.locator('.vote-sides a[href*="view=person&id=phillip-howells"]').count(), 1);
  assert.match(await vote.innerText(), /Cllr Hewitt \(declared an interest in this item\)/);
  assert.match(await page.locator('section[aria-labelledby="declarations-h"]').innerText(), /Cllr Hewitt: personal a personal interest as a foster carer/i);
  assert.match(await page.locator('dl.summary').first().innerText(), /Sums\s*£120,000/);
  await checkAccessibility(page, 'decision with a recorded vote');

  await page.goto(`${server.url}/?view=person&id=jennie-hewitt`);
  await settled(page);
  assert.match(await page.locator('section[aria-labelledby="declarations-h"]').innerText(), /a personal interest as a foster carer/);
  assert.match(await page.locator('section[aria-labelledby="votes-h"]').innerText(), /had declared an interest in the item/);
  await page.goto(`${server.url}/?view=person&id=phillip-howells`);
  await settled(page);
  const record = page.locator('section[aria-labelledby="votes-h"]');
  assert.match(await record.innerText(), /2 recorded votes/);
  assert.match(await record.innerText(), /Lost/);
  await checkAccessibility(page, 'person with a voting record');
  const before = page.url();
  await page.fill('#agree-with', 'Hewitt');
  await page.locator('section[aria-labelledby="votes-h"] button[type="submit"]').click();
  await urlChanged(page, before);
  await settled(page);
  assert.deepEqual(param(page, 'view'), ['agreement']);
  assert.match(await page.locator('h1').innerText(), /Phillip Howells and Jennie Hewitt/);
  assert.match(await page.locator('.lead').innerText(), /2 recorded votes.*same way 1 time \(50%\) and differently 1 time/);
  await checkAccessibility(page, 'agreement');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Issue 17: councils as a dimension: the council facet narrows a search of two councils'
// papers, the councils page lists both, a council's page its committees, years and members,
// and compare groups a question by council.
test('councils: a facet when the archive holds two, a list, a page each, and compare by council', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=`);
  await settled(page);
  const facet = page.locator('section.facet', { has: page.locator('h3', { hasText: 'Council' }) });
  assert.equal(await facet.locator('.facet-list a').count(), 2);
  const before = page.url();
  await facet.locator('.facet-list a', { hasText: 'Marchfield District Council' }).click();
  await urlChanged(page, before);
  await settled(page);
  assert.deepEqual(param(page, 'council'), ['marchfield-district-council']);
  assert.match(await page.locator('.hits').innerText(), /Allotment rents/);
  assert.doesNotMatch(await page.locator('.hits').innerText(), /fostering/i);
  await checkAccessibility(page, 'council filter');

  await page.goto(`${server.url}/?view=councils`);
  await settled(page);
  const rows = page.locator('table.data-table tbody tr');
  assert.equal(await rows.count(), 2);
  assert.match(await page.locator('table.data-table').innerText(), /Herefordshire Council/);
  await checkAccessibility(page, 'councils');
  await page.locator('table.data-table a', { hasText: 'Marchfield District Council' }).click();
  await until(async () => param(page, 'view')[0] === 'council', 'view=council');
  await settled(page);
  assert.equal(await page.locator('h1').innerText(), 'Marchfield District Council');
  assert.match(await page.locator('main').innerText(), /Cabinet/);
  assert.match(await page.locator('main').innerText(), /Olu Adeyemi/);
  await checkAccessibility(page, 'council');
  const onCouncil = page.url();
  await page.locator('a', { hasText: 'Its decisions' }).click();
  await urlChanged(page, onCouncil);
  await settled(page);
  assert.deepEqual(param(page, 'council'), ['marchfield-district-council']);
  assert.equal(await page.locator('#df-council').inputValue(), 'marchfield-district-council');
  // The mock's decisions are all Herefordshire's: none is Marchfield's.
  assert.match(await page.locator('.no-results').innerText(), /No decision matches/);
  await checkAccessibility(page, 'decisions of a council');

  await page.goto(`${server.url}/?q=rents`);
  await settled(page);
  const link = page.locator('#compare-councils-link');
  const at = page.url();
  await link.click();
  await urlChanged(page, at);
  await settled(page);
  assert.deepEqual(param(page, 'by'), ['council']);
  assert.match(await page.locator('table.data-table thead').innerText(), /Council/);
  assert.match(await page.locator('table.data-table tbody').innerText(), /Marchfield District Council/);
  await checkAccessibility(page, 'compare by council');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Issue 17: which committees a question comes up in, from the search page.
test('a search offers to compare committees, and the compare page lists each group with its best resolution', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=fostering`);
  await settled(page);
  const before = page.url();
  await page.locator('#compare-link').click();
  await urlChanged(page, before);
  await settled(page);
  assert.deepEqual(param(page, 'view'), ['compare']);
  const table = page.locator('table.data-table');
  assert.ok(await table.locator('tbody tr').count() > 0);
  assert.match(await table.innerText(), /Children and Young People Scrutiny Committee/);
  await checkAccessibility(page, 'compare');
  await page.selectOption('#compare-by', 'year');
  await page.locator('form[aria-label="Compare a question"] button[type="submit"]').click();
  await until(async () => param(page, 'by')[0] === 'year', 'by=year');
  await settled(page);
  assert.match(await page.locator('table.data-table thead').innerText(), /Year/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the decisions filters refuse a reversed date range and keep every filter in the URL', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?view=decisions&committee=children-and-young-people-scrutiny-committee&outcome=agreed`);
  await settled(page);
  assert.equal(await page.getByLabel('Committee').inputValue(), 'children-and-young-people-scrutiny-committee');
  assert.equal(await page.getByLabel('Outcome').inputValue(), 'agreed');
  const texts = await page.locator('.decision-card .facts').allInnerTexts();
  assert.ok(texts.length > 0 && texts.every((x) => /Outcome:?\s*Agreed/.test(x)), texts.join('\n'));
  await page.getByLabel('From').fill('2022-03-01');
  await page.getByLabel('To').fill('2022-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  assert.match(await page.locator('#df-error').innerText(), /on or before/);
  await page.getByLabel('To').fill('2022-12-31');
  await page.getByLabel('Owner').fill('marrett');
  const before = page.url();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await urlChanged(page, before);
  await settled(page);
  assert.deepEqual([param(page, 'from')[0], param(page, 'to')[0], param(page, 'owner')[0], param(page, 'outcome')[0]], ['2022-03-01', '2022-12-31', 'marrett', 'agreed']);
  assert.equal(await page.locator('.decision-card').count(), 0);
  assert.match(await page.locator('.no-results').innerText(), /No decision matches/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('snippets keep only <mark> from the server: a script in the text stays text', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=panel`);
  await settled(page);
  const snippet = page.locator('.snippet', { hasText: 'alert' }).first();
  assert.match(await snippet.innerText(), /<script>alert\("x"\)<\/script>/);
  assert.equal(await page.locator('#view script').count(), 0);
  assert.equal(await snippet.locator('mark').first().innerText(), 'panel');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a selected filter with nothing left still offers its removal, and "Did you mean" searches again', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=fosterx&type=table`);
  await settled(page);
  assert.match(await heading(page), /^No results/);
  assert.equal(await page.locator('.facet a.selected', { hasText: 'Table' }).count(), 1);
  await clickAndSettle(page, page.getByRole('link', { name: 'fostering' }));
  assert.equal(param(page, 'q')[0], 'fostering');
  assert.deepEqual(param(page, 'type'), ['table']);
  await page.context().close();
});

test('a unit shows the whole item with its passage marked, the other items, and where its text appears again', async () => {
  const page = await openPage(browser);
  const unit = server.units.find((u) => u.text.startsWith('That the executive consider increasing fostering'));
  await page.goto(`${server.url}/?view=unit&id=${unit.id}`);
  await settled(page);
  assert.match(await page.locator('mark.here').innerText(), /executive consider increasing fostering/);
  assert.equal(await page.locator('#also-h').count(), 1);
  assert.ok(await page.locator('#items-h + ol li').count() >= 2);
  assert.match(await page.locator('#cite-text').innerText(), /Herefordshire Council, Children and Young People Scrutiny Committee, meeting of 22 February 2022, minute 68/);
  await checkAccessibility(page, 'unit with context');
  await page.context().close();
});

// Issue 15: withheld text must not look like lost text.
test('an exempt item says it is withheld under Schedule 12A, on its page and in the meeting\'s items', async () => {
  const page = await openPage(browser);
  const unit = server.units.find((u) => u.exempt && u.type === 'item');
  assert.ok(unit, 'the mock has an exempt item');
  await page.goto(`${server.url}/?view=unit&id=${unit.id}`);
  await settled(page);
  assert.match(await page.locator('.notice-withheld').innerText(), /Withheld under Schedule 12A/);
  assert.match(await page.locator('#items-h + ol').innerText(), /Contract award for residential placements[^\n]*\n?(\(the item you are reading\)\n)? · withheld under Schedule 12A/);
  const other = server.units.find((u) => !u.exempt && u.type === 'item');
  await page.goto(`${server.url}/?view=unit&id=${other.id}`);
  await settled(page);
  assert.equal(await page.locator('.notice-withheld').count(), 0);
  await checkAccessibility(page, 'exempt item');
  await page.context().close();
});

test('a dates range is applied, shown as chips, and a reversed range is refused with a message', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=fostering`);
  await settled(page);
  await page.getByLabel('From', { exact: true }).fill('2022-03-01');
  await page.getByLabel('To', { exact: true }).fill('2022-01-01');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  assert.match(await page.locator('#date-error').innerText(), /on or before/);
  assert.equal(param(page, 'from').length, 0);
  await page.getByLabel('To', { exact: true }).fill('2022-12-31');
  const before = page.url();
  await page.getByRole('button', { name: 'Apply dates' }).click();
  await urlChanged(page, before);
  await settled(page);
  assert.equal(param(page, 'from')[0], '2022-03-01');
  assert.match(await page.locator('.chips').textContent(), /From: 1 March 2022/);
  await page.context().close();
});

test('the page prints without its controls', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=fostering`);
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sidebar').isVisible(), false);
  assert.equal(await page.locator('#search-form').isVisible(), false);
  assert.ok(await page.locator('.hit').first().isVisible());
  await screenshot(page, 'mock-9-print');
  await page.context().close();
});

test('the page is usable by keyboard alone: skip link first, visible focus', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/?q=fostering`);
  await settled(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  assert.equal(outline, 'rgb(255, 221, 0)');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.context().close();
});
