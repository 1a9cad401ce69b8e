// The page against the real quorum-serve over an index of corpus/samples. Skipped (with
// the reason) while the binaries are missing or still placeholders.
'use strict';

const { test, before, after } = require('node:test');
const { launchBrowser, startRealServer, realServerUnavailable } = require('./support');
const { runJourney, runDecisionJourney } = require('./scenario');

const unavailable = realServerUnavailable();
let browser;
let server;
before(async () => { if (!unavailable) { server = await startRealServer(); browser = await launchBrowser(); } });
after(async () => { if (browser) await browser.close(); if (server) await server.close(); });

test('the journey works against quorum-serve over the sample archive', { skip: unavailable || false }, async (t) => {
  await runJourney(t, browser, server.url, { prefix: 'real', word: 'fostering' });
});

test('decisions, people and committees work against quorum-serve over the sample archive', { skip: unavailable || false }, async (t) => {
  await runDecisionJourney(t, browser, server.url, { prefix: 'real' });
});
