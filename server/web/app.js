// Quorum web page: search, read and cite council meeting records over the public JSON API.
// Plain DOM, no framework, no innerHTML: every piece of server text becomes a text node,
// and the only markup taken from the server is <mark> in snippets (see snippetNodes).
// Every state lives in the URL (?q=&committee=&...&page=, ?view=unit&id=, ?view=meeting&id=,
// ?view=decisions&status=&..., ?view=decision&id=, ?view=people&q=, ?view=person&id=,
// ?view=committees, ?view=committee&id=, ?view=councils, ?view=council&id=).
'use strict';

(() => {
  const FILTERS = ['council', 'committee', 'type', 'person', 'topic'];
  const FACET_LABELS = { council: 'Council', committee: 'Committee', year: 'Year', type: 'Type', person: 'Person', topic: 'Topic' };
  const COMPARE_BY = [['committee', 'By committee', 'committees'], ['council', 'By council', 'councils'], ['year', 'By year', 'years']];
  const TYPE_LABELS = { item: 'Minute item', paragraph: 'Paragraph', table: 'Table', resolution: 'Decision', question: 'Question', action: 'Action', header: 'Meeting header', attendance: 'Attendance', cover: 'Cover and notices' };
  const SORTS = [['relevance', 'Most relevant'], ['newest', 'Newest first'], ['oldest', 'Oldest first'], ['amount', 'Largest sum first']];
  const PER_PAGE = 10;
  const FACET_VISIBLE = 6;
  const narrow = window.matchMedia('(max-width: 52em)');
  const DECISION_FILTERS = ['q', 'council', 'committee', 'outcome', 'status', 'owner', 'from', 'to'];
  const DECISION_TYPES = new Set(['resolution', 'action']);
  const DECISIONS_PER_PAGE = 20;
  const PEOPLE_SHOWN = 300;
  const OUTCOMES = [['agreed', 'Agreed'], ['noted', 'Noted'], ['deferred', 'Deferred'], ['rejected', 'Rejected'], ['amended', 'Amended'], ['withdrawn', 'Withdrawn']];
  // Status slugs, as /api/decisions?status= takes them (records print "in progress"; statusLabel reads both).
  const STATUSES = [['overdue', 'Overdue'], ['open', 'Open'], ['in-progress', 'In progress'], ['to-be-completed', 'To be completed'], ['completed', 'Completed'],
    ['closed', 'Closed (came back)'], ['deferred', 'Deferred'], ['no-action', 'No action needed'], ['proposed', 'Proposed'], ['adopted', 'Adopted'], ['not-adopted', 'Not adopted']];
  const KIND_LABELS = { resolution: 'Resolution', recommendation: 'Recommendation', agreed: 'Agreed', action: 'Action', 'information-request': 'Information request',
    'report-recommendation': 'Report recommendation', 'tracker-row': 'Tracker row', 'work-programme-entry': 'Work programme entry', item: 'Item' };
  const LINK_WORDS = { 'adopted-as': 'adopted as', 'actioned-by': 'actioned by', 'tracked-by': 'tracked by', 'proposed-as': 'proposed as', 'came-back-at': 'came back at' };
  const ADDRESSEES = { executive: 'The executive', cabinet: 'Cabinet', 'full-council': 'Full Council', officers: 'Officers', committee: 'The committee' };
  const AS_WORDS = { present: 'Present', substitute: 'Substitute', 'in-attendance': 'In attendance', officer: 'Officer', apologies: 'Apologies' };

  const view = document.getElementById('view');
  const statusRegion = document.getElementById('status');
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const feedLink = document.getElementById('feed-link');

  let controller = null;       // aborts the fetches of a render that has been overtaken
  let renderedSearch = null;   // location.search of what is on screen
  let lastSearchHref = sessionStorage.getItem('quorum.lastSearch') || null;
  let lastDecisionsHref = sessionStorage.getItem('quorum.lastDecisions') || null;
  let filtersOpen = !narrow.matches;

  // ---------- small DOM helpers ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    append(el, children);
    return el;
  }
  function append(el, children) {
    for (const c of [children].flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const hidden = (text) => h('span', { class: 'visually-hidden' }, text);
  const link = (href, ...children) => h('a', { href }, ...children);

  function announce(text) {
    // Clearing first makes screen readers repeat an identical message.
    statusRegion.textContent = '';
    window.setTimeout(() => { statusRegion.textContent = text; }, 50);
  }

  // ---------- text ----------
  const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  }

  // The API's snippet is HTML-escaped except for <mark>...</mark>. Build it from text
  // nodes and <mark> elements only, so nothing else in it can ever become markup.
  function snippetNodes(html) {
    const frag = document.createDocumentFragment();
    const re = /<(\/?)mark\s*>/gi;
    let last = 0;
    let open = null;
    let m;
    const text = (s) => { if (s) (open || frag).append(document.createTextNode(decodeEntities(s))); };
    while ((m = re.exec(html)) !== null) {
      text(html.slice(last, m.index));
      if (!m[1] && !open) { open = document.createElement('mark'); frag.append(open); }
      if (m[1]) open = null;
      last = re.lastIndex;
    }
    text(html.slice(last));
    return frag;
  }

  const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  function formatDate(iso) {
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
  }
  const timeEl = (iso) => (iso ? h('time', { datetime: iso }, formatDate(iso)) : null);
  const plural = (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
  const typeLabel = (t) => TYPE_LABELS[t] || t || 'Unit';
  const typeTag = (t) => h('span', { class: `tag tag-${String(t).replace(/[^a-z]/g, '')}` }, typeLabel(t));
  const itemLabel = (item) => (item ? [item.number ? `Item ${item.number}` : null, item.title].filter(Boolean).join(': ') : '');

  // ---------- state <-> URL ----------
  function readState(search) {
    const p = new URLSearchParams(search);
    const v = p.get('view');
    if (['unit', 'meeting', 'decision', 'person', 'committee', 'council'].includes(v) && p.get('id')) return { view: v, id: p.get('id') };
    if (v === 'decisions') {
      const d = { view: v, page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1) };
      for (const k of DECISION_FILTERS) d[k] = (p.get(k) || '').trim();
      return d;
    }
    if (v === 'people') return { view: v, q: (p.get('q') || '').trim() };
    if (v === 'agreement' && p.get('id') && p.get('with')) return { view: v, id: p.get('id'), with: p.get('with') };
    if (v === 'compare') return { view: v, q: (p.get('q') || '').trim(), by: COMPARE_BY.some(([k]) => k === p.get('by')) ? p.get('by') : 'committee' };
    if (v === 'committees' || v === 'councils') return { view: v };
    const s = {
      view: 'search',
      q: p.get('q') || '',
      from: p.get('from') || '',
      to: p.get('to') || '',
      sort: SORTS.some(([k]) => k === p.get('sort')) ? p.get('sort') : 'relevance',
      page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
      perPage: Math.min(100, Math.max(1, parseInt(p.get('per_page') || String(PER_PAGE), 10) || PER_PAGE)),
      mode: p.get('mode') === 'keyword' ? 'keyword' : 'hybrid',
      like: (p.get('like') || '').trim(),
    };
    for (const f of FILTERS) s[f] = [...new Set(p.getAll(f).filter(Boolean))];
    s.home = !p.has('q') && !s.like && !s.from && !s.to && FILTERS.every((f) => s[f].length === 0);
    return s;
  }

  function searchParams(s, { page = true } = {}) {
    const p = new URLSearchParams();
    if (s.like) p.set('like', s.like);
    else p.set('q', s.q);
    if (s.mode === 'keyword') p.set('mode', 'keyword');
    for (const f of FILTERS) for (const v of s[f]) p.append(f, v);
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.sort !== 'relevance') p.set('sort', s.sort);
    if (page && s.page > 1) p.set('page', String(s.page));
    if (s.perPage !== PER_PAGE) p.set('per_page', String(s.perPage));
    return p;
  }
  const searchHref = (s) => `/?${searchParams(s)}`;
  const unitHref = (id) => `/?view=unit&id=${encodeURIComponent(id)}`;
  const meetingHref = (id) => `/?view=meeting&id=${encodeURIComponent(id)}`;
  const decisionHref = (id) => `/?view=decision&id=${encodeURIComponent(id)}`;
  const personHref = (id) => `/?view=person&id=${encodeURIComponent(id)}`;
  const compareHref = (q, by = 'committee') => `/?view=compare&q=${encodeURIComponent(q)}&by=${by}`;
  const agreementHref = (id, other) => `/?view=agreement&id=${encodeURIComponent(id)}&with=${encodeURIComponent(other)}`;
  const committeeHref = (id) => `/?view=committee&id=${encodeURIComponent(id)}`;
  const councilHref = (id) => `/?view=council&id=${encodeURIComponent(id)}`;
  function decisionsParams(s, { page = true } = {}) {
    const p = new URLSearchParams();
    for (const k of DECISION_FILTERS) if (s[k]) p.set(k, s[k]);
    if (page && s.page > 1) p.set('page', String(s.page));
    return p;
  }
  const decisionsHref = (s) => { const p = decisionsParams({ page: 1, ...s }).toString(); return `/?view=decisions${p ? `&${p}` : ''}`; };
  const withChange = (s, change) => ({ ...s, page: 1, ...change });
  const apiUrl = (p, extra) => { const q = new URLSearchParams(p); for (const [k, v] of Object.entries(extra || {})) q.set(k, v); return `/api/search?${q}`; };
  const yearOf = (s) => (/^\d{4}-01-01$/.test(s.from) && s.to === `${s.from.slice(0, 4)}-12-31` ? s.from.slice(0, 4) : null);
  const permalink = (href) => new URL(href, location.origin).href;

  // ---------- fetching ----------
  async function getJSON(url, signal) {
    let res;
    try {
      res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw Object.assign(new Error('The archive could not be reached. Check your connection and try again.'), { status: 0 });
    }
    let body = null;
    try { body = await res.json(); } catch { /* not JSON: reported below */ }
    if (!res.ok || body === null) {
      const message = body && body.error && body.error.message ? body.error.message : `The archive answered with an error (${res.status}).`;
      throw Object.assign(new Error(message), { status: res.status });
    }
    return body;
  }

  // ---------- navigation ----------
  function navigate(href, { replace = false, focus = 'heading' } = {}) {
    const url = new URL(href, location.href);
    history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
    if (url.search === location.search) replace = true;
    (replace ? history.replaceState : history.pushState).call(history, { scrollY: 0 }, '', `${url.pathname}${url.search}`);
    render({ focus });
  }

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname !== '/') return;
    if (url.search === location.search && url.hash) return; // in-page anchor: let the browser jump
    e.preventDefault();
    navigate(url.href, { focus: a.dataset.focus || 'heading' });
  });

  window.addEventListener('popstate', () => {
    if (location.search === renderedSearch) return; // a fragment jump, not a new state
    render({ focus: 'heading', restoreScroll: true });
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const current = readState(location.search);
    const base = current.view === 'search' ? current : readState('');
    navigate(searchHref(withChange(base, { q: input.value.trim(), like: '' })), { focus: 'none' });
  });

  // ---------- render dispatcher ----------
  async function render({ focus = 'none', restoreScroll = false } = {}) {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    const state = readState(location.search);
    renderedSearch = location.search;
    // A control that re-renders the view (the sort select) keeps focus across the swap.
    const keepFocusId = view.contains(document.activeElement) && document.activeElement.id ? document.activeElement.id : null;
    input.value = state.view === 'search' ? state.q : input.value;
    view.setAttribute('aria-busy', 'true');
    view.classList.add('loading');
    try {
      let heading;
      markSection(state.view);
      if (state.view === 'unit') heading = await renderUnit(state, signal);
      else if (state.view === 'meeting') heading = await renderMeeting(state, signal);
      else if (state.view === 'decisions') heading = await renderDecisions(state, signal);
      else if (state.view === 'decision') heading = await renderDecision(state, signal);
      else if (state.view === 'people') heading = await renderPeople(state, signal);
      else if (state.view === 'person') heading = await renderPerson(state, signal);
      else if (state.view === 'agreement') heading = await renderAgreement(state, signal);
      else if (state.view === 'compare') heading = await renderCompare(state, signal);
      else if (state.view === 'committees') heading = await renderCommittees(signal);
      else if (state.view === 'committee') heading = await renderCommittee(state, signal);
      else if (state.view === 'councils') heading = await renderCouncils(signal);
      else if (state.view === 'council') heading = await renderCouncil(state, signal);
      else if (state.home) heading = await renderHome(signal);
      else heading = await renderSearch(state, signal);
      if (signal.aborted) return;
      document.title = `${heading.textContent.trim()} – Quorum`;
      if (state.view === 'search' && !state.home) {
        lastSearchHref = `/${location.search}`;
        sessionStorage.setItem('quorum.lastSearch', lastSearchHref);
      }
      if (state.view === 'decisions') {
        lastDecisionsHref = `/${location.search}`;
        sessionStorage.setItem('quorum.lastDecisions', lastDecisionsHref);
      }
      if (restoreScroll && history.state && typeof history.state.scrollY === 'number') {
        window.scrollTo(0, history.state.scrollY);
        if (focus === 'heading') heading.focus({ preventScroll: true });
      } else if (focus === 'heading') {
        heading.focus();
      } else if (keepFocusId && document.getElementById(keepFocusId)) {
        document.getElementById(keepFocusId).focus();
      }
    } catch (e) {
      if (e.name === 'AbortError' || signal.aborted) return;
      const heading = showError(e);
      if (focus !== 'none') heading.focus();
      announce(heading.textContent);
    } finally {
      if (!signal.aborted) {
        view.setAttribute('aria-busy', 'false');
        view.classList.remove('loading');
      }
    }
  }

  function swap(...children) {
    view.replaceChildren(...children.flat().filter(Boolean));
  }

  function showError(e) {
    const heading = h('h1', { tabindex: '-1' }, e.status === 404 ? 'Not found' : 'Something went wrong');
    swap(heading,
      h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, e.message)),
      h('p', {}, link('/', 'Start a new search'), e.status === 404 ? null : [' or ', h('button', { type: 'button', class: 'button-link', onclick: () => render({ focus: 'heading' }) }, 'try again')], '.'));
    document.title = `${heading.textContent} – Quorum`;
    return heading;
  }

  // ---------- home ----------
  async function renderHome(signal) {
    const data = await getJSON('/api/meetings?page=1&per_page=8', signal);
    const heading = h('h1', { tabindex: '-1' }, 'Search council meetings');
    const meetings = data.meetings || [];
    swap(
      heading,
      h('p', { class: 'lead' }, 'Find what was said and decided at council and committee meetings: minutes, agendas, reports, public questions and action logs. Every result links to the meeting it came from and can be cited.'),
      h('p', {}, link('/?q=', 'Browse everything in the archive'), ', newest first or by relevance.'),
      h('p', {}, 'Or follow what was decided: ', link('/?view=decisions', 'decisions and their status'), ' (', link('/?view=decisions&status=overdue', 'overdue ones'), '), ',
        link('/?view=people', 'people'), ' and ', link('/?view=committees', 'committees'), '.'),
      h('section', { 'aria-labelledby': 'recent-h' },
        h('h2', { id: 'recent-h' }, 'Recent meetings'),
        meetings.length === 0 ? h('p', {}, 'No meetings have been indexed yet.')
          : h('ul', { class: 'meeting-list' }, meetings.map((m) => h('li', {},
            link(meetingHref(m.id), m.committee ? m.committee.name : (m.title || 'Meeting'), m.date ? [', ', timeEl(m.date)] : null),
            m.items_count ? h('span', { class: 'muted' }, ` · ${plural(m.items_count, 'item', 'items')}`) : null)))));
    setFeed(null);
    announce('Home page. Search the archive or choose a recent meeting.');
    return heading;
  }

  // ---------- search ----------
  async function renderSearch(state, signal) {
    const params = searchParams(state);
    const data = await getJSON(apiUrl(params, { per_page: String(state.perPage) }), signal);
    const total = data.total || 0;
    const hits = data.hits || [];
    const pages = Math.max(1, Math.ceil(total / (data.per_page || state.perPage)));
    const q = state.q.trim();

    const headingText = total === 0 ? 'No results' : plural(total, 'result', 'results');
    const heading = h('h1', { tabindex: '-1', id: 'results-heading' }, headingText,
      state.like ? ' like the passage you chose' : q ? [' for ', h('q', {}, q)] : null);

    const facets = data.facets || {};
    const names = facetNames(facets);
    const chips = renderChips(state, names);
    showCouncils = (facets.council || []).length > 1;

    const main = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
    append(main, [
      renderReading(state, data),
      chips,
    ]);
    if (total === 0) {
      append(main, renderNoResults(state, data.suggestion));
    } else if (hits.length === 0) {
      append(main, h('p', { class: 'notice' }, `There is no page ${state.page}: the results end on page ${pages}. `,
        link(searchHref({ ...state, page: 1 }), 'Go to the first page'), '.'));
    } else {
      const first = (data.page - 1) * data.per_page + 1;
      append(main, [
        renderToolbar(state, params, total, first, first + hits.length - 1),
        h('h2', { class: 'visually-hidden' }, 'Results'),
        h('ol', { class: 'hits', start: String(first) }, hits.map(renderHit)),
        renderPagination(state, data.page || state.page, pages),
      ]);
    }
    swap(heading, h('div', { class: 'layout' }, renderFilters(state, facets, names), main));
    setFeed(apiUrl(searchParams({ ...state, sort: 'newest' }, { page: false }), { format: 'atom' }));
    announce(total === 0 ? `No results${q ? ` for ${q}` : ''}.${data.suggestion ? ` Did you mean ${data.suggestion}?` : ''}`
      : `${headingText}${q ? ` for ${q}` : ''}. Page ${data.page} of ${pages}.`);
    return heading;
  }

  // How the query was read, in words (never Xapian's description), and the other mode.
  function renderReading(state, data) {
    const query = data.query || {};
    const took = typeof data.took_ms === 'number' ? ` (${data.took_ms < 10 ? data.took_ms.toFixed(1) : Math.round(data.took_ms)} ms)` : '';
    const other = state.mode === 'keyword'
      ? link(searchHref({ ...state, mode: 'hybrid', page: 1 }), 'Also search by meaning')
      : link(searchHref({ ...state, mode: 'keyword', page: 1 }), 'Search only the words as typed');
    if (!query.read_as && !state.q.trim() && !state.like) return null;
    return h('p', { class: 'reading muted', id: 'reading' },
      query.read_as ? ['Read as: ', h('span', { class: 'read-as' }, query.read_as), `${took}. `] : null,
      state.like ? null : other, state.like ? null : '.');
  }

  function facetNames(facets) {
    const names = {};
    for (const [key, values] of Object.entries(facets)) {
      names[key] = new Map((values || []).map((v) => [v.id, v.name || v.id]));
    }
    return names;
  }

  function renderChips(state, names) {
    const chips = [];
    const chip = (label, value, href) => h('li', {}, h('a', { class: 'chip', href },
      h('span', { class: 'chip-label' }, `${label}: `), value, hidden(' (remove this filter)'), h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
    for (const f of FILTERS) {
      for (const v of state[f]) {
        const name = (names[f] && names[f].get(v)) || (f === 'type' ? typeLabel(v) : v);
        chips.push(chip(FACET_LABELS[f], name, searchHref(withChange(state, { [f]: state[f].filter((x) => x !== v) }))));
      }
    }
    const year = yearOf(state);
    if (year) chips.push(chip('Year', year, searchHref(withChange(state, { from: '', to: '' }))));
    else {
      if (state.from) chips.push(chip('From', formatDate(state.from), searchHref(withChange(state, { from: '' }))));
      if (state.to) chips.push(chip('To', formatDate(state.to), searchHref(withChange(state, { to: '' }))));
    }
    if (chips.length === 0) return null;
    const clear = chips.length > 1 ? h('li', {}, link(searchHref({ ...readState(''), q: state.q, sort: state.sort }), 'Clear all filters')) : null;
    return h('div', { class: 'chips-wrap' }, h('h2', { class: 'visually-hidden', id: 'chips-h' }, 'Active filters'),
      h('ul', { class: 'chips', 'aria-labelledby': 'chips-h' }, chips, clear));
  }

  function renderToolbar(state, params, total, first, last) {
    const select = h('select', { id: 'sort', name: 'sort' },
      SORTS.map(([value, label]) => h('option', { value, selected: value === state.sort }, label)));
    select.addEventListener('change', () => {
      navigate(searchHref(withChange(state, { sort: select.value })), { focus: 'none' });
    });
    const csvParams = searchParams(state, { page: false });
    const csvLabel = total > 100 ? 'Download the first 100 as CSV' : 'Download as CSV';
    return h('div', { class: 'toolbar' },
      h('p', { class: 'range' }, `Showing ${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`),
      h('div', { class: 'sort' }, h('label', { for: 'sort' }, 'Sort by'), select),
      h('ul', { class: 'downloads' },
        h('li', {}, h('a', { href: apiUrl(csvParams, { per_page: '100', format: 'csv' }), download: 'quorum-results.csv', id: 'csv-link' }, csvLabel)),
        h('li', {}, h('a', { href: apiUrl(searchParams({ ...state, sort: 'newest' }, { page: false }), { format: 'atom' }), type: 'application/atom+xml', id: 'atom-link' }, 'Subscribe (Atom feed)')),
        state.q && state.q.trim() ? h('li', {}, h('a', { href: compareHref(state.q.trim()), id: 'compare-link' }, 'Compare committees')) : null,
        state.q && state.q.trim() ? h('li', {}, h('a', { href: compareHref(state.q.trim(), 'council'), id: 'compare-councils-link' }, 'Compare councils')) : null));
  }

  // ---------- compare ----------
  // For one question: how many passages match in each committee (or year), and each group's
  // best resolution: "which committees have decided on this, and what".
  async function renderCompare(state, signal) {
    const heading = h('h1', { tabindex: '-1' }, state.q ? `Compare: “${state.q}”` : 'Compare');
    const form = h('form', { class: 'inline-form', 'aria-label': 'Compare a question' },
      h('label', { for: 'compare-q' }, 'Question'),
      h('div', { class: 'search-row' }, h('input', { type: 'search', id: 'compare-q', name: 'q', value: state.q, autocomplete: 'off' }),
        h('label', { for: 'compare-by', class: 'visually-hidden' }, 'Group by'),
        h('select', { id: 'compare-by', name: 'by' }, COMPARE_BY.map(([value, label]) =>
          h('option', { value, selected: value === state.by }, label))),
        h('button', { type: 'submit' }, 'Compare')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const q = form.elements.q.value.trim();
      if (q) navigate(compareHref(q, form.elements.by.value));
    });
    if (!state.q) {
      swap(breadcrumb([['Home', '/']]), heading, form, h('p', {}, 'Type a question to see which committees, councils or years it comes up in.'));
      return heading;
    }
    const data = await getJSON(`/api/compare?q=${enc(state.q)}&by=${state.by}`, signal);
    const groups = Array.isArray(data.groups) ? data.groups : [];
    const label = { year: 'Year', council: 'Council', committee: 'Committee' }[state.by];
    const groupWord = COMPARE_BY.find(([k]) => k === state.by)[2];
    const groupLink = (g) => (state.by === 'year' ? g.name : link(state.by === 'council' ? councilHref(g.id) : committeeHref(g.id), g.name));
    swap(
      breadcrumb([['Home', '/'], ['Search', searchHref({ ...readState(''), q: state.q })]]),
      heading, form,
      h('p', { class: 'lead' }, `${plural(data.total || 0, 'passage matches', 'passages match')}${data.exact === false ? ' (about)' : ''}; the ${groups.length} ${groupWord} with most, each with its best resolution.`),
      groups.length ? tableOf(`Matches by ${state.by}`, [label, 'Matches', 'Resolutions', 'Best resolution'], groups.map((g) => [
        groupLink(g),
        String(g.count), String(g.resolutions),
        g.best ? [link(g.best.decision ? decisionHref(g.best.decision.id) : unitHref(g.best.id), g.best.title || itemLabel(g.best.item) || 'The resolution'),
          g.best.date ? h('span', { class: 'muted' }, [' · ', timeEl(g.best.date)]) : null] : h('span', { class: 'muted' }, 'None matches')]), [1, 2])
        : h('p', {}, 'Nothing matches.'));
    setFeed(null);
    announce(heading.textContent);
    return heading;
  }

  let showCouncils = false;  // the results span several councils: each hit names its own
  function renderHit(hit) {
    const crumbs = [];
    if (showCouncils && hit.council) crumbs.push(h('li', {}, hit.council_id ? link(councilHref(hit.council_id), hit.council) : hit.council));
    if (hit.committee) crumbs.push(h('li', {}, hit.committee.name));
    if (hit.date) crumbs.push(h('li', {}, hit.meeting_id ? link(meetingHref(hit.meeting_id), hidden('Meeting of '), timeEl(hit.date)) : timeEl(hit.date)));
    if (hit.item) crumbs.push(h('li', {}, itemLabel(hit.item)));
    if (hit.document) crumbs.push(h('li', {}, hit.document.title || hit.document.id, hit.page ? `, page ${hit.page}` : ''));
    const also = Array.isArray(hit.also_in) ? hit.also_in.length : 0;
    return h('li', { class: 'hit' },
      h('p', { class: 'hit-type' }, typeTag(hit.type)),
      h('h3', { class: 'hit-title' }, link(unitHref(hit.id), hit.title || itemLabel(hit.item) || typeLabel(hit.type))),
      hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null,
      hit.exempt ? h('p', { class: 'withheld muted' }, 'Withheld under Schedule 12A: exempt business, only its public words are shown.') : null,
      crumbs.length ? h('ol', { class: 'crumbs', 'aria-label': 'Where this is from' }, crumbs) : null,
      also ? h('p', { class: 'also muted' }, `The same text appears in ${plural(also, 'other place', 'other places')}.`) : null,
      whyMatched(hit),
      h('p', { class: 'more-like' }, link(likeHref(hit.id), 'More like this', hidden(`: ${hit.title || typeLabel(hit.type)}`))),
      DECISION_TYPES.has(hit.type) ? decisionLinkFor(hit.id, 'also', hit.title || itemLabel(hit.item)) : null);
  }

  // Why a hit matched: the words of the query it has, and related words standing in for others.
  function whyMatched(hit) {
    const why = hit.why || {};
    const matched = Array.isArray(why.matched) ? why.matched : [];
    const related = Array.isArray(why.related) ? why.related : [];
    if (matched.length === 0 && related.length === 0) return null;
    return h('p', { class: 'why muted' }, 'Matched: ',
      matched.length ? matched.join(', ') : null,
      matched.length && related.length ? ' · ' : null,
      related.length ? ['by meaning: ', related.join(', ')] : null);
  }
  const likeHref = (id) => `/?${new URLSearchParams({ like: id })}`;

  function renderPagination(state, page, pages, hrefOf = (n) => searchHref({ ...state, page: n }), label = 'Results pages') {
    if (pages <= 1) return null;
    const item = (n, text, rel) => h('li', {}, n === null
      ? h('span', { class: 'page-gap', 'aria-hidden': 'true' }, '…')
      : n === page && !rel ? h('a', { href: hrefOf(n), 'aria-current': 'page', class: 'current' }, hidden('Page '), String(n))
        : h('a', { href: hrefOf(n), rel }, text || [hidden('Page '), String(n)]));
    const numbers = [];
    const window_ = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
    let prev = 0;
    // A gap of one page shows that page: "…" only ever stands for two or more.
    for (const n of [...window_].sort((a, b) => a - b)) {
      if (n - prev === 2) numbers.push(item(n - 1));
      else if (n - prev > 2) numbers.push(item(null));
      numbers.push(item(n));
      prev = n;
    }
    // Previous/next keep their place when disabled, so the bar never shifts under the pointer.
    const edge = (n, text, rel, cls) => h('li', { class: cls }, n >= 1 && n <= pages
      ? h('a', { href: hrefOf(n), rel }, text, hidden(' page'))
      : h('span', { class: 'disabled', 'aria-hidden': 'true' }, text));
    return h('nav', { class: 'pagination', 'aria-label': label },
      h('ul', {}, edge(page - 1, '‹ Previous', 'prev', 'prev'), numbers, edge(page + 1, 'Next ›', 'next', 'next')));
  }

  function renderNoResults(state, suggestion) {
    const hasFilters = FILTERS.some((f) => state[f].length) || state.from || state.to;
    return h('div', { class: 'no-results' },
      suggestion ? h('p', { class: 'suggestion' }, 'Did you mean ',
        h('a', { href: searchHref(withChange(state, { q: suggestion })) }, h('strong', {}, suggestion)), '?') : null,
      h('p', {}, 'Nothing in the archive matched your search. You could:'),
      h('ul', {},
        h('li', {}, 'check the spelling, or try a different word (for example ', h('q', {}, 'children'), ' instead of ', h('q', {}, 'kids'), ')'),
        h('li', {}, 'use fewer words, or join them with ', h('code', {}, 'OR')),
        state.q.includes('"') ? h('li', {}, 'remove the quotation marks to match the words anywhere') : null,
        hasFilters ? h('li', {}, link(searchHref({ ...readState(''), q: state.q }), 'search again without filters')) : null,
        h('li', {}, link('/?q=', 'browse everything in the archive'))));
  }

  function renderFilters(state, facets, names) {
    const details = h('details', { class: 'filters', open: filtersOpen });
    details.addEventListener('toggle', () => { filtersOpen = details.open; });
    const active = FILTERS.reduce((n, f) => n + state[f].length, 0) + (state.from || state.to ? 1 : 0);
    append(details, h('summary', {}, h('h2', { class: 'filters-title' }, 'Filter results', active ? h('span', { class: 'muted' }, ` (${active} active)`) : null)));
    append(details, renderDates(state));
    append(details, renderYears(state, facets.year || []));
    for (const key of FILTERS) {
      // One council is no choice: its facet shows once an archive holds two.
      if (key === 'council' && (facets.council || []).length < 2 && !state.council.length) continue;
      append(details, renderFacet(state, key, facets[key] || []));
    }
    return h('aside', { class: 'sidebar', 'aria-label': 'Filters' }, details);
  }

  function renderFacet(state, key, allValues) {
    if (!allValues.length && !state[key].length) return null;
    const selected = new Set(state[key]);
    // A selected value the results no longer count (none left) still needs its way out.
    const values = [...allValues, ...state[key].filter((id) => !allValues.some((v) => v.id === id)).map((id) => ({ id, name: id, count: 0 }))];
    const li = (v) => {
      const on = selected.has(v.id);
      const name = key === 'type' ? (typeLabel(v.id) || v.name) : (v.name || v.id);
      const href = searchHref(withChange(state, { [key]: on ? state[key].filter((x) => x !== v.id) : [...state[key], v.id] }));
      return h('li', {}, h('a', { href, class: on ? 'selected' : null },
        on ? hidden('Remove filter: ') : null, h('span', { class: 'facet-name' }, name),
        h('span', { class: 'count' }, hidden(' ('), (v.count ?? 0).toLocaleString('en-GB'), hidden(on ? ' results, selected)' : ' results)'))));
    };
    // Keep selected values visible even when they fall outside the first few.
    const sorted = [...values].sort((a, b) => (selected.has(b.id) - selected.has(a.id)));
    const first = sorted.slice(0, FACET_VISIBLE);
    const rest = sorted.slice(FACET_VISIBLE);
    const headingId = `facet-${key}`;
    return h('section', { class: 'facet', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, FACET_LABELS[key]),
      h('ul', { class: 'facet-list' }, first.map(li)),
      rest.length ? h('details', { class: 'more' }, h('summary', {}, `Show ${rest.length} more`), h('ul', { class: 'facet-list' }, rest.map(li))) : null);
  }

  // The year facet drawn as a bar list: each bar a link that narrows to that year.
  function renderYears(state, years) {
    if (!years.length) return null;
    const sorted = [...years].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const max = Math.max(1, ...sorted.map((y) => y.count || 0));
    const current = yearOf(state);
    return h('section', { class: 'facet years', 'aria-labelledby': 'facet-year' },
      h('h3', { id: 'facet-year' }, 'Matches by year'),
      h('ul', { class: 'histogram' }, sorted.map((y) => {
        const on = current === String(y.id);
        const href = searchHref(withChange(state, on ? { from: '', to: '' } : { from: `${y.id}-01-01`, to: `${y.id}-12-31` }));
        const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.setProperty('--share', `${Math.max(2, Math.round((100 * (y.count || 0)) / max))}%`);
        return h('li', {}, h('a', { href, class: on ? 'selected' : null },
          on ? hidden('Remove filter: ') : null,
          h('span', { class: 'year' }, y.name || y.id), h('span', { class: 'track' }, bar),
          h('span', { class: 'count' }, hidden(': '), (y.count || 0).toLocaleString('en-GB'), hidden(y.count === 1 ? ' result' : ' results'))));
      })));
  }

  function renderDates(state) {
    const field = (name, label, value) => h('div', { class: 'field' },
      h('label', { for: `date-${name}` }, label),
      h('input', { type: 'date', id: `date-${name}`, name, value, min: '1900-01-01', max: '2100-12-31' }));
    const error = h('p', { class: 'field-error', id: 'date-error', hidden: true });
    const f = h('form', { class: 'dates', novalidate: true },
      h('fieldset', {}, h('legend', {}, 'Meeting date'), field('from', 'From', state.from), field('to', 'To', state.to), error),
      h('button', { type: 'submit', class: 'secondary' }, 'Apply dates'));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const from = f.elements.from.value;
      const to = f.elements.to.value;
      if (from && to && from > to) {
        error.textContent = 'The “from” date must be on or before the “to” date.';
        error.hidden = false;
        for (const el of [f.elements.from, f.elements.to]) { el.setAttribute('aria-invalid', 'true'); el.setAttribute('aria-describedby', 'date-error'); }
        f.elements.from.focus();
        return;
      }
      navigate(searchHref(withChange(state, { from, to })));
    });
    return f;
  }

  function setFeed(href, title) {
    feedLink.href = href || '/api/search?format=atom&sort=newest';
    feedLink.title = title || 'Search results (Atom feed)';
  }

  // ---------- a unit in context ----------
  // Exempt business (Schedule 12A): text left out on purpose must not look like text lost.
  function withheldNote() {
    return h('p', { class: 'notice notice-withheld' }, h('strong', {}, 'Withheld under Schedule 12A. '),
      'This item is exempt business: the press and public were excluded for it (Schedule 12A to the Local Government Act 1972; ',
      'for a parish or town council, the Public Bodies (Admission to Meetings) Act 1960). ',
      'Only its public words are shown: its heading, the resolution that excluded them, and what was said before it.');
  }

  async function renderUnit(state, signal) {
    const unit = await getJSON(`/api/units/${encodeURIComponent(state.id)}`, signal);
    const meeting = unit.meeting_id ? await getJSON(`/api/meetings/${encodeURIComponent(unit.meeting_id)}`, signal).catch((e) => { if (e.name === 'AbortError') throw e; return null; }) : null;
    const items = meeting && Array.isArray(meeting.items) ? meeting.items : [];
    const ownItem = items.find((it) => (it.units || []).some((u) => u.id === unit.id))
      || (unit.item ? items.find((it) => it.number === unit.item.number) : null) || null;
    const itemUnitRef = ownItem ? (ownItem.units || []).find((u) => u.type === 'item') : null;
    const [itemUnit, alsoIn] = await Promise.all([
      itemUnitRef && itemUnitRef.id !== unit.id ? getJSON(`/api/units/${encodeURIComponent(itemUnitRef.id)}`, signal).catch(() => null) : null,
      Promise.all((unit.also_in || []).slice(0, 10).map((id) => getJSON(`/api/units/${encodeURIComponent(id)}`, signal).catch(() => ({ id })))),
    ]);

    const title = unit.title || itemLabel(unit.item) || typeLabel(unit.type);
    const heading = h('h1', { tabindex: '-1' }, title);
    const here = unitHref(unit.id);
    swap(
      breadcrumb([
        ['Home', '/'],
        lastSearchHref ? ['Search results', lastSearchHref] : null,
        unit.committee ? [unit.committee.name, searchHref({ ...readState(''), committee: [unit.committee.id] })] : null,
        unit.date ? [formatDate(unit.date), unit.meeting_id ? meetingHref(unit.meeting_id) : null] : null,
        unit.item ? [itemLabel(unit.item), itemUnitRef && itemUnitRef.id !== unit.id ? unitHref(itemUnitRef.id) : null] : null,
      ]),
      h('p', { class: 'hit-type' }, typeTag(unit.type)),
      heading,
      h('dl', { class: 'summary' },
        unit.council ? [h('dt', {}, 'Council'), h('dd', {}, unit.council)] : null,
        unit.committee ? [h('dt', {}, 'Committee'), h('dd', {}, unit.committee.name)] : null,
        unit.date ? [h('dt', {}, 'Meeting'), h('dd', {}, unit.meeting_id ? link(meetingHref(unit.meeting_id), timeEl(unit.date)) : timeEl(unit.date))] : null,
        unit.item ? [h('dt', {}, 'Item'), h('dd', {}, itemLabel(unit.item))] : null,
        unit.document ? [h('dt', {}, 'Document'), h('dd', {},
          unit.document.url ? h('a', { href: unit.document.url, rel: 'noopener' }, unit.document.title || unit.document.id) : (unit.document.title || unit.document.id),
          unit.page ? `, page ${unit.page}` : '', unit.document.kind ? h('span', { class: 'muted' }, ` (${unit.document.kind})`) : null)] : null,
        unit.people && unit.people.length ? [h('dt', {}, 'People'), h('dd', {}, joinLinks(unit.people, 'person'))] : null,
        unit.topics && unit.topics.length ? [h('dt', {}, 'Topics'), h('dd', {}, joinLinks(unit.topics, 'topic'))] : null),
      DECISION_TYPES.has(unit.type) ? decisionLinkFor(unit.id, 'decision-record', null) : null,
      unit.exempt ? withheldNote() : null,
      h('div', { class: 'unit-body' }, unitBody(unit)),
      citeBlock(citationFor(unit, here), here),
      h('p', { class: 'more-like' }, link(likeHref(unit.id), 'Where else has this come up? More like this')),
      ownItem ? itemContext(unit, ownItem, itemUnit) : null,
      alsoIn.length ? h('section', { class: 'context', 'aria-labelledby': 'also-h' },
        h('h2', { id: 'also-h' }, 'The same text elsewhere'),
        h('ul', { class: 'plain-list' }, alsoIn.map((u) => h('li', {}, link(unitHref(u.id), u.title || u.id),
          ' ', h('span', { class: 'muted' }, [u.committee ? u.committee.name : null, u.date ? formatDate(u.date) : null, u.document ? u.document.title : null].filter(Boolean).join(' · '))))))
        : null,
      items.length ? h('section', { class: 'context', 'aria-labelledby': 'items-h' },
        h('h2', { id: 'items-h' }, 'Other items at this meeting'),
        itemsList(items, ownItem)) : null,
    );
    setFeed(null);
    announce(`${typeLabel(unit.type)}: ${title}`);
    return heading;
  }

  function joinLinks(list, key) {
    return list.map((p, i) => [i ? ', ' : '', link(searchHref({ ...readState(''), [key]: [p.id] }), p.name || p.id)]);
  }

  function breadcrumb(parts) {
    const list = parts.filter(Boolean);
    return h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h('ol', {}, list.map(([label, href]) => h('li', {}, href ? link(href, label) : label))));
  }

  function paragraphs(text) {
    return String(text || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => h('p', {}, p));
  }

  function unitBody(unit) {
    const parts = [];
    if (unit.table && Array.isArray(unit.table.rows)) {
      const t = unit.table;
      parts.push(h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t.caption || 'Table' },
        h('table', {}, t.caption ? h('caption', {}, t.caption) : null,
          t.header && t.header.length ? h('thead', {}, h('tr', {}, t.header.map((c) => h('th', { scope: 'col' }, c)))) : null,
          h('tbody', {}, t.rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))))));
      return parts;
    }
    if (unit.question) {
      const qn = unit.question;
      parts.push(h('dl', { class: 'record' },
        field('Question number', qn.number), field('Asked by', qn.questioner), field('To', qn.addressee),
        field('Question', qn.question, true), field('Response', qn.response, true)));
      return parts;
    }
    if (unit.action) {
      const a = unit.action;
      parts.push(h('dl', { class: 'record' },
        field('Action', a.action, true), field('Number', a.number), field('Agreed at meeting of', a.meeting_date ? formatDate(a.meeting_date) : null),
        field('Owner', a.owner), field('Directorate', a.directorate), field('Due', a.due_date ? formatDate(a.due_date) : null),
        field('Status', a.status), field('Progress', a.progress, true)));
      return parts;
    }
    if (unit.resolution && unit.resolution.preamble) parts.push(h('p', { class: 'preamble' }, unit.resolution.preamble));
    parts.push(...paragraphs(unit.text));
    return parts;
  }

  function field(label, value, long) {
    if (value === null || value === undefined || value === '') return null;
    return [h('dt', {}, label), h('dd', { class: long ? 'long' : null }, long ? paragraphs(value) : value)];
  }

  function citationFor(unit, href) {
    const parts = [unit.council, unit.committee && unit.committee.name,
      unit.date ? `meeting of ${formatDate(unit.date)}` : null,
      unit.item && unit.item.number ? `minute ${unit.item.number}${unit.item.title ? ` (${unit.item.title})` : ''}` : (unit.item && unit.item.title) || null,
      unit.document && unit.document.title ? `${unit.document.title}${unit.page ? `, p. ${unit.page}` : ''}` : null].filter(Boolean);
    return `${parts.join(', ')}. Available at: ${permalink(href)} (accessed ${formatDate(new Date().toISOString().slice(0, 10))}).`;
  }

  function citeBlock(text, href) {
    const out = h('p', { class: 'cite-text', id: 'cite-text' }, text);
    const result = h('span', { class: 'copy-result', role: 'status' });
    const copy = h('button', { type: 'button', class: 'secondary', 'aria-describedby': 'cite-text' }, 'Copy citation');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text);
        result.textContent = 'Copied.';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(out);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        result.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
      }
    });
    return h('section', { class: 'cite', 'aria-labelledby': 'cite-h' },
      h('h2', { id: 'cite-h' }, 'Cite this'), out,
      h('p', { class: 'cite-actions' }, copy, ' ', result, ' ', h('a', { href, class: 'permalink' }, 'Permanent link')));
  }

  function itemContext(unit, item, itemUnit) {
    const whole = itemUnit;
    const body = [];
    if (whole && whole.text) {
      // Show the whole item with this unit's passage marked, so it reads in context.
      const text = whole.text;
      const needle = (unit.text || '').trim();
      let at = needle ? text.indexOf(needle) : -1;
      let len = needle.length;
      if (at < 0 && needle.length > 60) { at = text.indexOf(needle.slice(0, 60)); len = 60; }
      const block = h('div', { class: 'item-text' });
      if (at >= 0) {
        block.append(text.slice(0, at), h('mark', { class: 'here', id: 'this-passage' }, hidden('[This passage starts] '), text.slice(at, at + len), hidden(' [ends]')), text.slice(at + len));
      } else block.append(text);
      body.push(h('p', { class: 'muted' }, 'The full text of the item', at >= 0 ? ', with this passage highlighted' : '', ':'), block);
    }
    const units = (item.units || []).filter((u) => u.type !== 'item');
    // Parts often share the item's heading as title: number them by type instead.
    const seen = {};
    const partName = (u) => {
      seen[u.type] = (seen[u.type] || 0) + 1;
      return u.title && u.title !== item.title ? u.title : `${typeLabel(u.type)} ${seen[u.type]}`;
    };
    if (units.length) {
      const partsHeading = unit.type === 'item' ? 'item-h' : 'parts-h';
      body.push(unit.type === 'item' ? null : h('h3', { id: 'parts-h' }, 'Parts of this item'),
        h('ol', { class: 'parts', 'aria-labelledby': partsHeading }, units.map((u) => h('li', {},
          typeTag(u.type), ' ',
          u.id === unit.id ? h('span', { 'aria-current': 'true', class: 'current-part' }, partName(u), hidden(' (this one)'))
            : link(unitHref(u.id), partName(u))))));
    }
    if (!body.length) return null;
    return h('section', { class: 'context', 'aria-labelledby': 'item-h' },
      h('h2', { id: 'item-h' }, unit.type === 'item' ? 'Parts of this item' : `The whole item: ${itemLabel(item)}`), body);
  }

  function itemsList(items, ownItem) {
    return h('ol', { class: 'items' }, items.map((it) => {
      const target = (it.units || []).find((u) => u.type === 'item') || (it.units || [])[0];
      const label = [it.number ? h('span', { class: 'item-number' }, `${it.number}.`) : null, it.title || 'Untitled item'];
      const isOwn = ownItem && it === ownItem;
      return h('li', { class: it.procedural ? 'procedural' : null },
        isOwn ? h('span', { 'aria-current': 'true' }, label, hidden(' (the item you are reading)'))
          : target ? link(unitHref(target.id), label) : h('span', {}, label),
        it.units && it.units.length > 1 ? h('span', { class: 'muted' }, ` · ${plural(it.units.length - 1, 'part', 'parts')}`) : null,
        it.exempt ? h('span', { class: 'muted withheld' }, ' · withheld under Schedule 12A') : null);
    }));
  }

  // ---------- a meeting ----------
  async function renderMeeting(state, signal) {
    const m = await getJSON(`/api/meetings/${encodeURIComponent(state.id)}`, signal);
    const items = Array.isArray(m.items) ? m.items : [];
    const decisionRefs = items.flatMap((it) => (it.units || []).filter((u) => u.type === 'resolution').map((u) => ({ ...u, item: it })));
    const decisions = await Promise.all(decisionRefs.slice(0, 60).map((d) =>
      getJSON(`/api/units/${encodeURIComponent(d.id)}`, signal).then((u) => ({ ...d, unit: u })).catch((e) => { if (e.name === 'AbortError') throw e; return d; })));

    const committee = m.committee ? m.committee.name : null;
    const title = [committee || m.title || 'Meeting', m.date ? formatDate(m.date) : null].filter(Boolean).join(', ');
    const heading = h('h1', { tabindex: '-1' }, title);
    const here = meetingHref(m.id);
    const att = m.attendance || {};
    const groups = [['present', 'Present'], ['in_attendance', 'In attendance'], ['officers', 'Officers'], ['substitutes', 'Substitutes'], ['apologies', 'Apologies']]
      .filter(([k]) => Array.isArray(att[k]) && att[k].length);
    const anyRemote = groups.some(([k]) => att[k].some((p) => p.remote));

    swap(
      breadcrumb([['Home', '/'], lastSearchHref ? ['Search results', lastSearchHref] : null,
        m.committee ? [m.committee.name, searchHref({ ...readState(''), committee: [m.committee.id] })] : null]),
      h('p', { class: 'hit-type' }, h('span', { class: 'tag tag-meeting' }, 'Meeting')),
      heading,
      h('nav', { class: 'contents', 'aria-label': 'On this page' }, h('ul', {},
        groups.length ? h('li', {}, h('a', { href: '#attendance-h' }, 'Attendance')) : null,
        items.length ? h('li', {}, h('a', { href: '#meeting-items-h' }, 'Items')) : null,
        h('li', {}, h('a', { href: '#decisions-h' }, 'Decisions')),
        h('li', {}, h('a', { href: '#cite-h' }, 'Cite this')))),
      h('dl', { class: 'summary' },
        m.council ? [h('dt', {}, 'Council'), h('dd', {}, m.council)] : null,
        committee ? [h('dt', {}, 'Committee'), h('dd', {}, committee)] : null,
        m.date ? [h('dt', {}, 'Date'), h('dd', {}, timeEl(m.date), m.start_time ? `, ${m.start_time}` : '')] : null,
        m.venue ? [h('dt', {}, 'Venue'), h('dd', {}, m.venue)] : null,
        Array.isArray(m.documents) && m.documents.length ? [h('dt', {}, 'Documents'), h('dd', {}, h('ul', { class: 'plain-list' },
          m.documents.map((d) => h('li', {}, d.title || d.id, d.kind ? h('span', { class: 'muted' }, ` (${d.kind})`) : null))))] : null),
      groups.length ? h('section', { class: 'context', 'aria-labelledby': 'attendance-h' },
        h('h2', { id: 'attendance-h' }, 'Attendance'),
        h('div', { class: 'attendance' }, groups.map(([k, label]) => h('div', {},
          h('h3', {}, label),
          h('ul', { class: 'plain-list' }, att[k].map((p) => h('li', {},
            p.person_id ? link(personHref(p.person_id), p.name) : p.name,
            p.role ? h('span', { class: 'muted' }, `, ${p.role}`) : null,
            p.remote ? [' ', h('span', { class: 'tag tag-remote' }, 'remote')] : null)))))),
        anyRemote ? h('p', { class: 'muted' }, 'Remote: attended online.') : null) : null,
      items.length ? h('section', { class: 'context', 'aria-labelledby': 'meeting-items-h' },
        h('h2', { id: 'meeting-items-h' }, 'Items'), itemsList(items, null)) : null,
      h('section', { class: 'context', 'aria-labelledby': 'decisions-h' },
        h('h2', { id: 'decisions-h' }, 'Decisions'),
        decisions.length === 0 ? h('p', {}, 'No decisions were recorded for this meeting.')
          : h('ol', { class: 'decisions' }, decisions.map((d) => h('li', {},
            h('p', { class: 'decision-item muted' }, itemLabel(d.item)),
            h('p', {}, link(unitHref(d.id), d.unit && d.unit.text ? d.unit.text : (d.title || 'Decision'))))))),
      citeBlock(`${[m.council, committee, m.date ? `meeting of ${formatDate(m.date)}` : m.title].filter(Boolean).join(', ')}. Available at: ${permalink(here)} (accessed ${formatDate(new Date().toISOString().slice(0, 10))}).`, here),
    );
    setFeed(null);
    announce(`Meeting: ${title}`);
    return heading;
  }

  // ---------- decisions, people and committees (docs/DECISIONS.md) ----------
  // Lists and detail pages over /api/decisions, /api/people and /api/committees. Nothing
  // here is worked out in the page: every status, link and count is the server's.
  const enc = encodeURIComponent;
  const clip = (text, n) => { const t = String(text || '').replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1).replace(/\s+\S*$/, '')}…` : t; };
  const upperFirst = (t) => (t ? t.charAt(0).toUpperCase() + t.slice(1) : t);
  const kindLabel = (k) => KIND_LABELS[k] || upperFirst(String(k || 'record').replace(/-/g, ' '));
  const kindTag = (k) => h('span', { class: `tag tag-kind tag-${String(k).replace(/[^a-z]/g, '')}` }, kindLabel(k));
  const statusLabel = (st) => (STATUSES.find(([k]) => k === String(st || '').replace(/ /g, '-')) || [null, upperFirst(String(st || 'unknown').replace(/-/g, ' '))])[1];
  const confidenceWords = (c) => (typeof c === 'number' ? `confidence ${c.toFixed(2)}` : 'confidence unknown');
  const linkWords = (t) => LINK_WORDS[t] || String(t || 'linked').replace(/-/g, ' ');
  const recordHref = (id) => (/^d-/.test(id) ? decisionHref(id) : unitHref(id));
  const isOverdue = (d) => d.overdue === true || d.status === 'overdue';

  function markSection(v) {
    const section = { decisions: 'decisions', decision: 'decisions', people: 'people', person: 'people', committees: 'committees', committee: 'committees', councils: 'councils', council: 'councils' }[v] || 'search';
    for (const a of document.querySelectorAll('.site-nav a[data-section]')) {
      const on = a.dataset.section === section;
      a.classList.toggle('active', on);
      // "page" only on the list itself; within a section, "true" marks where you are.
      if (on) a.setAttribute('aria-current', v === section || (section === 'search' && v === 'search') ? 'page' : 'true');
      else a.removeAttribute('aria-current');
    }
  }

  let committeesPromise = null;   // the committee list, fetched once for names and the filter
  function committeeList() {
    if (!committeesPromise) {
      committeesPromise = getJSON('/api/committees').then((d) => (Array.isArray(d.committees) ? d.committees : []))
        .catch(() => { committeesPromise = null; return []; });
    }
    return committeesPromise;
  }

  let councilsPromise = null;   // the council list, fetched once for the decisions filter
  function councilList() {
    if (!councilsPromise) {
      councilsPromise = getJSON('/api/councils').then((d) => (Array.isArray(d.councils) ? d.councils : []))
        .catch(() => { councilsPromise = null; return []; });
    }
    return councilsPromise;
  }

  // A status in words, with a mark and a heavy border for overdue: never colour alone.
  function statusBadge(d) {
    const overdue = isOverdue(d);
    const words = d.status === 'overdue' || !overdue ? statusLabel(d.status) : `${statusLabel(d.status)}, overdue`;
    return h('span', { class: `status status-${String(d.status || '').replace(/[^a-z]/g, '')}${overdue ? ' status-overdue' : ''}` },
      overdue ? h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '!') : null,
      hidden('Status: '), words);
  }

  function decisionTitle(d) {
    const label = d.label ? ` ${String(d.label).replace(/[.)]+$/, '')}` : '';
    const item = d.item && d.item.title ? `: ${d.item.title}` : '';
    return `${kindLabel(d.kind)}${label}${item}`;
  }

  function outcomeWords(o) {
    if (!o || !o.result) return null;
    const parts = [upperFirst(o.result)];
    if (o.votes_for !== null && o.votes_for !== undefined && o.votes_against !== null && o.votes_against !== undefined) {
      parts.push(`by ${o.votes_for} votes to ${o.votes_against}`);
      if (o.abstentions) parts.push(`with ${plural(o.abstentions, 'abstention', 'abstentions')}`);
    } else if (o.vote === 'unanimous') parts.push('unanimously');
    else if (o.vote === 'majority') parts.push('by a majority');
    return parts.join(' ');
  }

  const personNode = (ref) => (!ref ? null : ref.id ? link(personHref(ref.id), ref.name || ref.id) : ref.name);
  function fact(label, value) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
    return h('div', {}, h('dt', {}, label), h('dd', {}, value));
  }
  function dlRows(rows) {
    return rows.filter((r) => r && r[1] !== null && r[1] !== undefined && r[1] !== '').map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]);
  }

  // Hits and units of type resolution/action offer their decision page; the link shows
  // only once the server confirms that decision exists (404: it stays hidden).
  function decisionLinkFor(unitId, cls, title) {
    const id = `d-${unitId}`;
    const p = h('p', { class: `decision-link ${cls}`, hidden: true }, link(decisionHref(id), 'Follow this decision', title ? hidden(`: ${title}`) : null), ' ',
      h('span', { class: 'muted' }, '(outcome, status and what happened next)'));
    fetch(`/api/decisions/${enc(id)}`, { headers: { Accept: 'application/json' } })
      .then((res) => { if (res.ok) p.hidden = false; else p.remove(); })
      .catch(() => p.remove());
    return p;
  }

  // ----- the decisions list -----
  async function renderDecisions(state, signal) {
    const params = decisionsParams(state, { page: false });
    params.set('page', String(state.page));
    params.set('per_page', String(DECISIONS_PER_PAGE));
    const [data, committees, councils] = await Promise.all([getJSON(`/api/decisions?${params}`, signal), committeeList(), councilList()]);
    const total = data.total || 0;
    const list = Array.isArray(data.decisions) ? data.decisions : [];
    const pages = Math.max(1, Math.ceil(total / (data.per_page || DECISIONS_PER_PAGE)));
    const active = DECISION_FILTERS.filter((k) => state[k]).length;
    const heading = h('h1', { tabindex: '-1', id: 'results-heading' }, state.status === 'overdue' ? 'Overdue decisions' : 'Decisions');
    const exportParams = decisionsParams(state, { page: false });
    const exportUrl = (format) => { const p = new URLSearchParams(exportParams); p.set('format', format); return `/api/decisions?${p}`; };
    const first = (Math.max(1, data.page || state.page) - 1) * (data.per_page || DECISIONS_PER_PAGE) + 1;
    const main = h('section', { class: 'results', 'aria-labelledby': 'results-heading' },
      h('div', { class: 'toolbar' },
        h('p', { class: 'range' }, total === 0 ? 'No decisions match' : list.length ? `Showing ${first}–${first + list.length - 1} of ${plural(total, 'decision', 'decisions')}` : `${plural(total, 'decision', 'decisions')}`,
          data.as_of ? [', status as of ', timeEl(data.as_of)] : null, '.'),
        h('ul', { class: 'downloads' },
          h('li', {}, h('a', { href: exportUrl('csv'), download: 'quorum-decisions.csv', id: 'decisions-csv' }, 'Download as CSV')),
          h('li', {}, h('a', { href: exportUrl('atom'), type: 'application/atom+xml', id: 'decisions-atom' }, 'Subscribe (Atom feed)')))),
      total === 0 ? h('div', { class: 'no-results' }, h('p', {}, 'No decision matches these filters.'),
        active ? h('p', {}, link('/?view=decisions', 'Show every decision')) : null)
        : list.length === 0 ? h('p', { class: 'notice' }, `There is no page ${state.page}. `, link(decisionsHref({ ...state, page: 1 }), 'Go to the first page'), '.')
          : [h('h2', { class: 'visually-hidden' }, 'Decisions found'),
            h('ol', { class: 'decision-list', start: String(first) }, list.map(decisionCard)),
            renderPagination(state, data.page || state.page, pages, (n) => decisionsHref({ ...state, page: n }), 'Decision pages')]);
    swap(heading,
      h('p', { class: 'lead' }, 'What committees resolved, recommended and asked for, and what became of it: each decision with its outcome, owner, due date and status.'),
      h('div', { class: 'layout' }, decisionFilters(state, committees, councils, active), main));
    setFeed(exportUrl('atom'), 'Decisions (Atom feed)');
    announce(total === 0 ? 'No decisions match these filters.' : `${plural(total, 'decision', 'decisions')}${active ? ' match the filters' : ''}. Page ${data.page || state.page} of ${pages}.`);
    return heading;
  }

  function decisionFilters(state, committees, councils, active) {
    const id = (name) => `df-${name}`;
    const select = (name, label, options) => {
      const known = options.some(([v]) => v === state[name]);
      return h('div', { class: 'field' }, h('label', { for: id(name) }, label),
        h('select', { id: id(name), name },
          h('option', { value: '' }, 'Any'),
          options.map(([v, l]) => h('option', { value: v, selected: v === state[name] }, l)),
          state[name] && !known ? h('option', { value: state[name], selected: true }, state[name]) : null));
    };
    const input = (name, label, type, extra = {}) => h('div', { class: 'field' }, h('label', { for: id(name) }, label),
      h('input', { type, id: id(name), name, value: state[name], autocomplete: 'off', ...extra }));
    const error = h('p', { class: 'field-error', id: 'df-error', hidden: true });
    const form = h('form', { class: 'filter-form', novalidate: true },
      input('q', 'Words', 'search'),
      select('status', 'Status', STATUSES),
      // One council is no choice: the field shows once the archive holds two.
      councils.length > 1 || state.council ? select('council', 'Council', councils.map((c) => [c.id, c.name]))
        : h('input', { type: 'hidden', name: 'council', value: '' }),
      select('committee', 'Committee', committees.map((c) => [c.id, c.name])),
      select('outcome', 'Outcome', OUTCOMES),
      input('owner', 'Owner', 'text', { 'aria-describedby': 'df-owner-hint' }),
      h('p', { class: 'hint', id: 'df-owner-hint' }, 'A name or part of one.'),
      h('fieldset', { class: 'date-pair' }, h('legend', {}, 'Meeting date'),
        input('from', 'From', 'date', { min: '1900-01-01', max: '2100-12-31' }), input('to', 'To', 'date', { min: '1900-01-01', max: '2100-12-31' })),
      error,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Apply filters'),
        active ? link('/?view=decisions', 'Clear all filters') : null));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = { page: 1 };
      for (const k of DECISION_FILTERS) next[k] = (form.elements[k].value || '').trim();
      if (next.from && next.to && next.from > next.to) {
        error.textContent = 'The “from” date must be on or before the “to” date.';
        error.hidden = false;
        for (const el of [form.elements.from, form.elements.to]) { el.setAttribute('aria-invalid', 'true'); el.setAttribute('aria-describedby', 'df-error'); }
        form.elements.from.focus();
        return;
      }
      navigate(decisionsHref(next));
    });
    const quick = h('ul', { class: 'quick-filters' },
      h('li', {}, state.status === 'overdue' ? h('span', { 'aria-current': 'true' }, 'Overdue only') : link(decisionsHref({ ...state, status: 'overdue', page: 1 }), 'Overdue only')),
      h('li', {}, state.status === 'open' ? h('span', { 'aria-current': 'true' }, 'Open only') : link(decisionsHref({ ...state, status: 'open', page: 1 }), 'Open only')));
    const details = h('details', { class: 'filters', open: filtersOpen });
    details.addEventListener('toggle', () => { filtersOpen = details.open; });
    append(details, [h('summary', {}, h('h2', { class: 'filters-title' }, 'Filter decisions', active ? h('span', { class: 'muted' }, ` (${active} active)`) : null)), quick, form]);
    return h('aside', { class: 'sidebar', 'aria-label': 'Filters' }, details);
  }

  function decisionCard(d) {
    return h('li', { class: `decision-card${isOverdue(d) ? ' is-overdue' : ''}` },
      h('p', { class: 'hit-type' }, kindTag(d.kind), ' ', statusBadge(d)),
      h('h3', { class: 'hit-title' }, link(decisionHref(d.id), decisionTitle(d))),
      d.text ? h('p', { class: 'decision-text' }, clip(d.text, 320)) : null,
      h('dl', { class: 'facts' },
        fact('Meeting', d.date ? (d.meeting_id ? link(meetingHref(d.meeting_id), timeEl(d.date)) : timeEl(d.date)) : null),
        fact('Committee', d.committee ? link(committeeHref(d.committee.id), d.committee.name) : null),
        fact('Item', d.item && d.item.number ? d.item.number : null),
        fact('Outcome', outcomeWords(d.outcome)),
        fact('Owner', personNode(d.owner)),
        fact('Due', d.due_date ? h('span', { class: isOverdue(d) ? 'due-overdue' : null }, timeEl(d.due_date)) : null)));
  }

  // ----- one decision -----
  async function renderDecision(state, signal) {
    const d = await getJSON(`/api/decisions/${enc(state.id)}`, signal);
    // The minutes name proposers as printed ("the chair"); show who that was.
    const refs = [d.outcome && d.outcome.proposer, d.outcome && d.outcome.seconder].filter((r) => r && r.id);
    const fullNames = new Map(await Promise.all(refs.map((r) => getJSON(`/api/people/${enc(r.id)}`, signal)
      .then((pp) => [r.id, pp.name || null]).catch((e) => { if (e.name === 'AbortError') throw e; return [r.id, null]; }))));
    const minuted = (r) => (!r ? null : !r.id ? r.name : [link(personHref(r.id), fullNames.get(r.id) || r.name || r.id),
      r.name && fullNames.get(r.id) && r.name !== fullNames.get(r.id) ? h('span', { class: 'muted' }, ` (minuted as “${r.name}”)`) : null]);
    const title = decisionTitle(d);
    const heading = h('h1', { tabindex: '-1' }, title);
    const o = d.outcome;
    const thread = d.thread && Array.isArray(d.thread.steps) && d.thread.steps.length ? d.thread : null;
    const links = Array.isArray(d.links) ? d.links : [];
    const stepById = new Map((thread ? thread.steps : []).map((s) => [s.id, s]));
    const addressee = d.addressee ? [ADDRESSEES[d.addressee.id] || upperFirst(String(d.addressee.id).replace(/-/g, ' ')),
      d.addressee.text ? h('span', { class: 'muted' }, ' (the text says ', h('q', {}, d.addressee.text), ')') : null] : null;
    swap(
      breadcrumb([['Home', '/'], ['Decisions', lastDecisionsHref || '/?view=decisions'],
        d.committee ? [d.committee.name, committeeHref(d.committee.id)] : null,
        d.date ? [formatDate(d.date), d.meeting_id ? meetingHref(d.meeting_id) : null] : null]),
      h('p', { class: 'hit-type' }, kindTag(d.kind), ' ', statusBadge(d)),
      heading,
      h('div', { class: 'unit-body' }, d.preamble ? h('p', { class: 'preamble' }, d.preamble) : null, paragraphs(d.text)),
      h('p', { class: 'more-like' }, link(likeHref(d.id), 'Where else has this come up? More like this')),
      d.unlinked_reason ? h('div', { class: 'notice notice-unlinked' }, h('p', {}, h('strong', {}, 'Not linked to any decision. '), d.unlinked_reason)) : null,
      h('dl', { class: 'summary' }, dlRows([
        ['Committee', d.committee ? link(committeeHref(d.committee.id), d.committee.name) : null],
        ['Meeting', d.date ? (d.meeting_id ? link(meetingHref(d.meeting_id), timeEl(d.date)) : timeEl(d.date)) : null],
        ['Item', d.item ? [itemLabel(d.item), d.item.confidence !== undefined && d.item.confidence !== null && d.item.confidence < 1
          ? h('span', { class: 'muted' }, ` (matched with ${confidenceWords(d.item.confidence)})`) : null] : null],
        ['Source', d.unit_id ? [link(unitHref(d.unit_id), d.document && d.document.title ? d.document.title : 'Read it in the document'),
          d.document && d.document.kind ? h('span', { class: 'muted' }, ` (${d.document.kind})`) : null] : null],
        ['Addressed to', addressee],
        ['Sums', Array.isArray(d.amounts) && d.amounts.length ? d.amounts.map((a) => a.text).join('; ') : null],
      ])),
      h('section', { class: 'context', 'aria-labelledby': 'outcome-h' },
        h('h2', { id: 'outcome-h' }, 'Outcome'),
        o ? h('dl', { class: 'summary' }, dlRows([
          ['Result', outcomeWords(o)],
          ['Proposed by', minuted(o.proposer)],
          ['Seconded by', minuted(o.seconder)],
          ['Evidence', o.evidence ? h('q', { class: 'evidence' }, o.evidence) : null],
        ])) : h('p', {}, 'The minutes record no outcome for this.')),
      d.votes ? recordedVote(d.votes) : null,
      Array.isArray(d.declarations) && d.declarations.length ? h('section', { class: 'context', 'aria-labelledby': 'declarations-h' },
        h('h2', { id: 'declarations-h' }, 'Declarations of interest in this item'),
        declarationList(d.declarations)) : null,
      h('section', { class: 'context', 'aria-labelledby': 'status-h' },
        h('h2', { id: 'status-h' }, 'Status and follow-up'),
        h('dl', { class: 'summary' }, dlRows([
          ['Status', [statusBadge(d), d.status_source ? h('span', { class: 'muted' }, d.status_source === 'tracker' ? ' from the action tracker' : ' worked out from the records') : null]],
          ['Why', d.status_reason],
          ['Owner', personNode(d.owner)],
          ['Directorate', d.directorate],
          ['Due', d.due_date ? [timeEl(d.due_date), isOverdue(d) ? h('strong', { class: 'due-overdue' }, ' (overdue)') : null] : null],
          ['Agreed at the meeting of', d.origin_date ? timeEl(d.origin_date) : null],
          ['Progress', d.progress],
        ]))),
      h('section', { class: 'context', 'aria-labelledby': 'thread-h' },
        h('h2', { id: 'thread-h' }, 'What happened: the thread'),
        thread ? [h('p', { class: 'muted' }, `${plural(thread.steps.length, 'record', 'records')} in date order`,
          thread.title ? [' on ', h('q', {}, thread.title)] : null, `; the weakest link has ${confidenceWords(thread.confidence)}.`),
        timeline(thread, d.id)] : h('p', {}, 'Nothing else in the archive is linked to this decision yet.')),
      links.length ? h('section', { class: 'context', 'aria-labelledby': 'links-h' },
        h('h2', { id: 'links-h' }, 'Why these records are linked'),
        h('ul', { class: 'link-list' }, links.map((l) => linkEntry(l, d.id, stepById)))) : null,
    );
    setFeed(null);
    announce(`Decision: ${title}. Status ${statusLabel(d.status)}${isOverdue(d) && d.status !== 'overdue' ? ', overdue' : ''}.`);
    return heading;
  }

  const stepName = (s) => `${kindLabel(s.kind)}${s.title ? `: ${s.title}` : ''}`;

  // The thread as an ordered list drawn as a vertical timeline; every link in words.
  function timeline(thread, currentId) {
    const byId = new Map(thread.steps.map((s) => [s.id, s]));
    return h('ol', { class: 'timeline', 'aria-label': 'Timeline of linked records' }, thread.steps.map((s) => {
      const current = s.id === currentId;
      const from = s.linked_from ? byId.get(s.linked_from) : null;
      return h('li', { class: `step${current ? ' current' : ''}${s.record === 'item' ? ' step-item' : ''}`, 'aria-current': current ? 'step' : null },
        h('p', { class: 'step-date' }, s.date ? timeEl(s.date) : 'Date unknown'),
        h('p', { class: 'step-head' }, kindTag(s.kind), ' ',
          current ? h('strong', {}, s.title || kindLabel(s.kind), hidden(' (this decision)')) : link(recordHref(s.id), s.title || kindLabel(s.kind))),
        s.link_type ? h('p', { class: 'step-link' }, h('strong', {}, upperFirst(linkWords(s.link_type))), ` (${confidenceWords(s.confidence)})`,
          from ? [', from ', link(recordHref(from.id), stepName(from)), from.date ? [' of ', timeEl(from.date)] : null] : null)
          : h('p', { class: 'step-link' }, 'Where the thread starts'),
        s.text ? h('p', { class: 'step-text' }, clip(s.text, 260)) : null,
        s.meeting_id ? h('p', { class: 'step-meeting' }, link(meetingHref(s.meeting_id), 'The meeting', s.date ? hidden(` of ${formatDate(s.date)}`) : null)) : null);
    }));
  }

  // One link in words, from this record's side: "This record was tracked by X",
  // or "X was tracked by this record" when the link points here.
  function linkEntry(l, selfId, stepById) {
    const outgoing = l.from === selfId;
    const otherId = outgoing ? l.to : l.from;
    const other = stepById.get(otherId);
    const otherTitle = (outgoing && l.to_title) || (other && stepName(other)) || otherId;
    const otherDate = outgoing ? l.to_date : other && other.date;
    const target = [link(recordHref(otherId), otherTitle), otherDate ? [' of ', timeEl(otherDate)] : null];
    return h('li', {},
      h('p', {}, outgoing ? ['This record was ', h('strong', {}, linkWords(l.type)), ' ', target] : [target, ' was ', h('strong', {}, linkWords(l.type)), ' this record'],
        h('span', { class: 'muted' }, ` (${confidenceWords(l.confidence)})`)),
      l.reason ? h('p', { class: 'link-reason muted' }, 'Why: ', l.reason) : null);
  }

  // ----- people -----
  async function renderPeople(state, signal) {
    const data = await getJSON(`/api/people?per_page=${PEOPLE_SHOWN}${state.q ? `&q=${enc(state.q)}` : ''}`, signal);
    const people = Array.isArray(data.people) ? data.people : [];
    const total = typeof data.total === 'number' ? data.total : people.length;
    const shown = people.slice(0, PEOPLE_SHOWN);
    const committees = await committeeList();
    const names = new Map(committees.map((c) => [c.id, c.name]));
    const heading = h('h1', { tabindex: '-1', id: 'results-heading' }, 'People');
    const form = h('form', { class: 'inline-form', role: 'search', 'aria-label': 'Find a person' },
      h('label', { for: 'people-q' }, 'Name'),
      h('div', { class: 'search-row' }, h('input', { type: 'search', id: 'people-q', name: 'q', value: state.q, autocomplete: 'off' }),
        h('button', { type: 'submit' }, 'Find people')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const q = form.elements.q.value.trim();
      navigate(`/?view=people${q ? `&q=${enc(q)}` : ''}`);
    });
    swap(heading,
      h('p', { class: 'lead' }, 'Councillors, officers and others named in the attendance of meetings, with their roles and the decisions they proposed or own.'),
      form,
      h('p', { class: 'range', role: 'note' }, total === 0 ? 'Nobody matches.' : `${plural(total, 'person', 'people')}${state.q ? [' matching ', `“${state.q}”`].join('') : ''}${total > shown.length ? `; the first ${shown.length} are shown` : ''}.`),
      shown.length ? h('ul', { class: 'people-list' }, shown.map((p) => {
        const roles = [...new Set((p.roles || []).map((r) => r.name || r.role).filter(Boolean))];
        const where = [...new Set((p.roles || []).map((r) => names.get(r.committee_id) || null).filter(Boolean))];
        const c = p.counts || {};
        return h('li', {},
          h('h2', { class: 'person-name' }, link(personHref(p.id), p.name || p.id)),
          h('p', { class: 'muted' }, [p.kind ? upperFirst(p.kind) : null, roles.length ? roles.slice(0, 3).map(upperFirst).join(', ') + (roles.length > 3 ? ` and ${roles.length - 3} more` : '') : null,
            where.length ? where.join(', ') : null].filter(Boolean).join(' · ')),
          h('p', { class: 'person-counts' }, [`attended ${plural(c.attended || 0, 'meeting', 'meetings')}`,
            c.apologies ? `apologies at ${c.apologies}` : null, c.substitutions ? `substituted at ${c.substitutions}` : null].filter(Boolean).join(', ')));
      })) : null);
    setFeed(null);
    announce(total === 0 ? 'Nobody matches.' : `${plural(total, 'person', 'people')}.`);
    return heading;
  }

  // ---------- recorded votes ----------
  const HOW_WORDS = { for: 'For', against: 'Against', abstain: 'Abstained' };
  const voteResult = (r) => (r === 'carried' ? 'Carried' : r === 'lost' ? 'Lost' : 'No result printed');

  // A named vote on a decision: each list as printed, every name linked to the member it is
  // (or marked as not matched), and the minutes' own counts beside the names found.
  function recordedVote(v) {
    const side = (key, label) => {
      const names = Array.isArray(v[key]) ? v[key] : [];
      const printed = v.counts ? v.counts[key] : null;
      return h('div', { class: 'vote-side' },
        h('h3', {}, `${label}: ${names.length}`, printed !== null && printed !== undefined && printed !== names.length
          ? h('span', { class: 'muted' }, ` (the minutes print ${printed})`) : null),
        names.length ? h('ul', { class: 'vote-names' }, names.map((n) => h('li', {},
          n.person ? link(personHref(n.person), n.name) : [n.name, h('span', { class: 'muted' }, ' (not matched to a member)')],
          n.declared_interest ? h('span', { class: 'muted' }, ' (declared an interest in this item)') : null)))
          : h('p', { class: 'muted' }, 'Nobody listed.'));
    };
    return h('section', { class: 'context', 'aria-labelledby': 'vote-h' },
      h('h2', { id: 'vote-h' }, 'Recorded vote'),
      h('dl', { class: 'summary' }, dlRows([
        ['Result', [voteResult(v.result), v.result_text ? h('span', { class: 'muted' }, ' (', h('q', {}, v.result_text), ')') : null]],
        ['Put to the vote', v.motion ? h('q', { class: 'evidence' }, v.motion) : null],
        ['Proposed by', personNode(v.proposer)],
        ['Seconded by', personNode(v.seconder)],
      ])),
      Array.isArray(v.disagreements) && v.disagreements.length ? h('div', { class: 'notice' },
        h('p', {}, h('strong', {}, 'The printed counts and lists do not agree. '), 'Shown as the minutes print them:'),
        h('ul', {}, v.disagreements.map((x) => h('li', {}, x)))) : null,
      h('div', { class: 'vote-sides' }, side('for', 'For'), side('against', 'Against'), side('abstain', 'Abstained')));
  }

  const KIND_WORDS = { 'disclosable-pecuniary': 'disclosable pecuniary', 'other-registrable': 'other registrable',
    'non-registrable': 'non-registrable', pecuniary: 'pecuniary', personal: 'personal', prejudicial: 'prejudicial', conflict: 'conflict of interest' };
  // Declarations of interest as the minutes print them: who, in which item, what, and whether they left or took no part.
  function declarationList(list, { showMember = true } = {}) {
    return h('ul', { class: 'declarations' }, list.map((x) => h('li', {},
      showMember ? [x.person ? link(personHref(x.person), x.member || x.person) : (x.member || 'Members (not named)'), ': '] : null,
      x.kind ? h('span', { class: 'tag' }, KIND_WORDS[x.kind] || x.kind) : null, x.kind ? ' ' : null,
      x.interest,
      x.about_item ? h('span', { class: 'muted' }, ` (item ${x.about_item})`) : null,
      !showMember && x.date ? h('span', { class: 'muted' }, [' · ', x.meeting_id ? link(meetingHref(x.meeting_id), timeEl(x.date)) : timeEl(x.date)]) : null,
      x.left_room ? h('span', { class: 'muted' }, ' · left the room') : null,
      x.took_no_part ? h('span', { class: 'muted' }, ' · took no part') : null)));
  }

  // A member's voting record, and a form to compare it with another member's.
  function votingRecord(p) {
    const votes = (Array.isArray(p.votes) ? [...p.votes] : []).sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')));
    const form = h('form', { class: 'inline-form', 'aria-label': 'Compare votes with another member' },
      h('label', { for: 'agree-with' }, 'How often did they vote the same way as'),
      h('div', { class: 'search-row' }, h('input', { type: 'search', id: 'agree-with', name: 'with', autocomplete: 'off', placeholder: 'another member\'s name' }),
        h('button', { type: 'submit' }, 'Compare')),
      h('p', { class: 'muted', id: 'agree-note', role: 'status' }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const q = form.elements.with.value.trim();
      if (!q) return;
      const found = await getJSON(`/api/people?per_page=5&q=${enc(q)}`).catch(() => ({ people: [] }));
      const other = (found.people || []).find((x) => x.id !== p.id);
      if (other) navigate(agreementHref(p.id, other.id));
      else form.querySelector('#agree-note').textContent = `Nobody else is named “${q}”.`;
    });
    return h('section', { class: 'context', 'aria-labelledby': 'votes-h' },
      h('h2', { id: 'votes-h' }, 'Voting record'),
      votes.length ? [h('p', { class: 'muted' }, `${plural(votes.length, 'recorded vote', 'recorded votes')} list ${p.name || p.id}, newest first. `,
        h('a', { href: `/api/people/${enc(p.id)}?format=csv`, download: `quorum-votes-${p.id}.csv`, id: 'votes-csv' }, 'Download as CSV')),
        tableOf('Voting record, newest first', ['Date', 'Item', 'Voted', 'Result'], votes.map((v) => [
          v.meeting_id ? link(meetingHref(v.meeting_id), v.date ? timeEl(v.date) : 'Date unknown') : (timeEl(v.date) || 'Date unknown'),
          [v.decision ? link(decisionHref(v.decision), v.item ? itemLabel(v.item) : 'The decision') : (v.item ? itemLabel(v.item) : ''),
            v.motion ? h('p', { class: 'muted ref-text' }, clip(v.motion, 160)) : null],
          [HOW_WORDS[v.how] || v.how, v.declared_interest ? h('span', { class: 'muted' }, ' (had declared an interest in the item)') : null],
          voteResult(v.result)])), form]
        : h('p', {}, 'No recorded vote lists them.'));
  }

  async function renderAgreement(state, signal) {
    const a = await getJSON(`/api/people/${enc(state.id)}/agreement?with=${enc(state.with)}`, signal);
    const name = (r) => (r && (r.name || r.id)) || '';
    const heading = h('h1', { tabindex: '-1' }, `How ${name(a.person)} and ${name(a.with)} voted`);
    const votes = Array.isArray(a.votes) ? a.votes : [];
    swap(
      breadcrumb([['Home', '/'], ['People', '/?view=people'], [name(a.person), personHref(a.person.id)]]),
      heading,
      h('p', { class: 'lead' }, a.votes_together
        ? `In ${plural(a.votes_together, 'recorded vote', 'recorded votes')} that listed both, they voted the same way ${plural(a.same, 'time', 'times')} (${Math.round((a.agreement || 0) * 100)}%) and differently ${plural(a.different, 'time', 'times')}.`
        : 'No recorded vote lists both of them.'),
      votes.length ? tableOf('Votes both took part in, newest first', ['Date', 'Item', name(a.person), name(a.with), 'Same?', 'Result'], votes.map((v) => [
        v.meeting_id ? link(meetingHref(v.meeting_id), v.date ? timeEl(v.date) : 'Date unknown') : (timeEl(v.date) || 'Date unknown'),
        v.decision ? link(decisionHref(v.decision), v.item ? itemLabel(v.item) : 'The decision') : (v.item ? itemLabel(v.item) : ''),
        HOW_WORDS[v.how] || v.how, HOW_WORDS[v.with_how] || v.with_how, v.same ? 'Same' : 'Different', voteResult(v.result)])) : null,
      h('p', {}, link(personHref(a.with.id), `${name(a.with)}'s own record`)),
    );
    setFeed(null);
    announce(heading.textContent);
    return heading;
  }

  async function renderPerson(state, signal) {
    const [p, committees] = await Promise.all([getJSON(`/api/people/${enc(state.id)}`, signal), committeeList()]);
    const names = new Map(committees.map((c) => [c.id, c.name]));
    const committeeLink = (id) => (id ? link(committeeHref(id), names.get(id) || id) : null);
    const ids = [...new Set([...(p.proposed || []), ...(p.owned || [])])].slice(0, 60);
    const found = await Promise.all(ids.map((id) => getJSON(`/api/decisions/${enc(id)}`, signal).catch((e) => { if (e.name === 'AbortError') throw e; return { id }; })));
    const decisions = new Map(found.map((d) => [d.id, d]));
    const c = p.counts || {};
    const roles = Array.isArray(p.roles) ? p.roles : [];
    const meetings = (Array.isArray(p.meetings) ? [...p.meetings] : []).sort((a, b) => (!a.date) - (!b.date) || String(b.date).localeCompare(String(a.date)));
    const heading = h('h1', { tabindex: '-1' }, p.name || p.id);
    const decisionItems = (list) => h('ul', { class: 'decision-refs' }, list.map((id) => {
      const d = decisions.get(id) || { id };
      return h('li', {}, d.kind ? [statusBadge(d), ' '] : null, link(decisionHref(id), d.kind ? decisionTitle(d) : id),
        d.date ? h('span', { class: 'muted' }, [' · ', d.committee ? d.committee.name : null, d.committee ? ', ' : null, formatDate(d.date)]) : null,
        d.text ? h('p', { class: 'muted ref-text' }, clip(d.text, 200)) : null);
    }));
    swap(
      breadcrumb([['Home', '/'], ['People', '/?view=people']]),
      h('p', { class: 'hit-type' }, h('span', { class: 'tag tag-person' }, p.kind ? upperFirst(p.kind) : 'Person')),
      heading,
      h('nav', { class: 'contents', 'aria-label': 'On this page' }, h('ul', {},
        h('li', {}, h('a', { href: '#roles-h' }, 'Roles')), h('li', {}, h('a', { href: '#meetings-h' }, 'Meetings')),
        h('li', {}, h('a', { href: '#proposed-h' }, 'Decisions')), h('li', {}, h('a', { href: '#votes-h' }, 'Votes')))),
      h('dl', { class: 'summary' }, dlRows([
        ['Also written as', Array.isArray(p.variants) && p.variants.length ? p.variants.join('; ') : null],
        ['Council', Array.isArray(p.councils) && p.councils.length
          ? p.councils.map((k, i) => [i ? ', ' : null, link(councilHref(k.id), k.name || k.id)]) : null],
        ['Meetings attended', String(c.attended || 0)],
        ['Apologies', String(c.apologies || 0)],
        ['Substitutions', String(c.substitutions || 0)],
        ['Recorded votes', String(c.votes || 0)],
        ['Declarations of interest', String(c.declarations || 0)],
      ])),
      h('p', {}, link(searchHref({ ...readState(''), q: '', person: [p.id] }), `Search the records that mention ${p.name || p.id}`)),
      h('section', { class: 'context', 'aria-labelledby': 'roles-h' },
        h('h2', { id: 'roles-h' }, 'Roles over time'),
        roles.length ? tableOf('Roles over time', ['Role', 'Committee', 'From', 'To', 'Meetings'], roles.map((r) => [
          upperFirst(r.name || r.role), committeeLink(r.committee_id), timeEl(r.from), timeEl(r.to), String(r.meetings ?? '')]), [4])
          : h('p', {}, 'No role is recorded.')),
      h('section', { class: 'context', 'aria-labelledby': 'meetings-h' },
        h('h2', { id: 'meetings-h' }, 'Meetings'),
        meetings.length ? tableOf('Meetings, newest first', ['Date', 'Committee', 'Recorded as', 'Role'], meetings.map((m) => [
          m.meeting_id ? link(meetingHref(m.meeting_id), m.date ? timeEl(m.date) : 'Date unknown') : (timeEl(m.date) || 'Date unknown'),
          committeeLink(m.committee_id),
          [AS_WORDS[m.as] || upperFirst(m.as || ''), m.remote ? [' ', h('span', { class: 'tag tag-remote' }, 'remote')] : null],
          [m.role || '', m.note ? h('span', { class: 'muted' }, ` (${m.note})`) : null]]))
          : h('p', {}, Array.isArray(p.meetings) ? 'No meetings are recorded.' : 'The list of meetings is not available.')),
      h('section', { class: 'context', 'aria-labelledby': 'proposed-h' },
        h('h2', { id: 'proposed-h' }, 'Decisions proposed or seconded'),
        (p.proposed || []).length ? decisionItems(p.proposed) : h('p', {}, 'None recorded.')),
      h('section', { class: 'context', 'aria-labelledby': 'owned-h' },
        h('h2', { id: 'owned-h' }, 'Decisions and actions owned'),
        (p.owned || []).length ? decisionItems(p.owned) : h('p', {}, 'None recorded.')),
      votingRecord(p),
      h('section', { class: 'context', 'aria-labelledby': 'declarations-h' },
        h('h2', { id: 'declarations-h' }, 'Declarations of interest'),
        Array.isArray(p.declarations) && p.declarations.length ? declarationList(p.declarations, { showMember: false })
          : h('p', {}, 'None recorded.')),
    );
    setFeed(null);
    announce(`Person: ${p.name || p.id}`);
    return heading;
  }

  // A table in a scrollable, focusable region (so keyboard users can scroll it).
  function tableOf(caption, header, rows, numeric = []) {
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'data-table' }, h('caption', { class: 'visually-hidden' }, caption),
        h('thead', {}, h('tr', {}, header.map((c, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: numeric.includes(i) ? 'num' : null }, c))))))));
  }

  // ----- councils (every council the papers name) -----
  async function renderCouncils(signal) {
    const data = await getJSON('/api/councils', signal);
    const list = Array.isArray(data.councils) ? data.councils : [];
    const heading = h('h1', { tabindex: '-1' }, 'Councils');
    swap(heading,
      h('p', { class: 'lead' }, 'Every council whose papers are in the archive, with its meetings, decisions and people.'),
      list.length ? tableOf('Councils', ['Council', 'Meetings', 'Decisions', 'People', 'First meeting', 'Last meeting'], list.map((c) => [
        link(councilHref(c.id), c.name || c.id), String(c.meetings ?? ''), String(c.decisions ?? ''), String(c.people ?? ''), timeEl(c.first_date), timeEl(c.last_date)]), [1, 2, 3])
        : h('p', {}, 'No paper in the archive names its council.'),
      h('p', {}, h('a', { href: '/api/councils?format=csv', download: 'quorum-councils.csv' }, 'Download as CSV')));
    setFeed(null);
    announce(`${plural(list.length, 'council', 'councils')}.`);
    return heading;
  }

  async function renderCouncil(state, signal) {
    const c = await getJSON(`/api/councils/${enc(state.id)}`, signal);
    const committees = Array.isArray(c.committees) ? c.committees : [];
    const years = Array.isArray(c.meetings_by_year) ? c.meetings_by_year : [];
    const members = Array.isArray(c.members) ? c.members : [];
    const heading = h('h1', { tabindex: '-1' }, c.name || c.id);
    swap(
      breadcrumb([['Home', '/'], ['Councils', '/?view=councils']]),
      h('p', { class: 'hit-type' }, h('span', { class: 'tag tag-meeting' }, 'Council')),
      heading,
      h('dl', { class: 'summary' }, dlRows([
        ['Meetings', [String(c.meetings ?? 0), c.first_date && c.last_date && c.first_date !== c.last_date ? [', from ', timeEl(c.first_date), ' to ', timeEl(c.last_date)]
          : c.first_date ? [', on ', timeEl(c.first_date)] : null]],
        ['Decisions', String(c.decisions ?? 0)],
        ['People named', String(c.people ?? 0)],
      ])),
      h('ul', { class: 'action-links' },
        h('li', {}, link(searchHref({ ...readState(''), q: '', council: [c.id] }), 'Search its records')),
        h('li', {}, link(decisionsHref({ council: c.id }), 'Its decisions'))),
      h('section', { class: 'context', 'aria-labelledby': 'k-committees-h' },
        h('h2', { id: 'k-committees-h' }, 'Committees'),
        committees.length ? tableOf('Its committees, most meetings first', ['Committee', 'Meetings'], committees.map((m) => [
          link(committeeHref(m.id), m.name || m.id), String(m.meetings ?? '')]), [1])
          : h('p', {}, 'No committee is named.')),
      h('section', { class: 'context', 'aria-labelledby': 'k-years-h' },
        h('h2', { id: 'k-years-h' }, 'Meetings by year'),
        years.length ? tableOf('Meetings by year, newest first', ['Year', 'Meetings'], years.map((y) => [String(y.year), String(y.meetings ?? '')]), [1])
          : h('p', {}, 'No dated meetings.')),
      h('section', { class: 'context', 'aria-labelledby': 'k-members-h' },
        h('h2', { id: 'k-members-h' }, 'Members'),
        members.length ? h('ul', { class: 'people-list' }, members.map((p) => h('li', {}, link(personHref(p.id), p.name || p.id))))
          : h('p', {}, 'No members are named.')),
    );
    setFeed(null);
    announce(`Council: ${c.name || c.id}`);
    return heading;
  }

  // ----- committees -----
  async function renderCommittees(signal) {
    const data = await getJSON('/api/committees', signal);
    const list = (Array.isArray(data.committees) ? [...data.committees] : []).sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const heading = h('h1', { tabindex: '-1' }, 'Committees');
    swap(heading,
      h('p', { class: 'lead' }, 'Every committee in the archive, with its meetings, members, chairs and decisions.'),
      list.length ? tableOf('Committees', ['Committee', 'Meetings', 'Decisions', 'First meeting', 'Last meeting'], list.map((c) => [
        link(committeeHref(c.id), c.name || c.id), String(c.meetings_count ?? ''), String(c.decisions_count ?? ''), timeEl(c.first_date), timeEl(c.last_date)]), [1, 2])
        : h('p', {}, 'No committees have been indexed yet.'));
    setFeed(null);
    announce(`${plural(list.length, 'committee', 'committees')}.`);
    return heading;
  }

  async function renderCommittee(state, signal) {
    const c = await getJSON(`/api/committees/${enc(state.id)}`, signal);
    // Newest first; a meeting without a date (an undated document) goes last.
    const meetings = (Array.isArray(c.meetings) ? [...c.meetings] : []).sort((a, b) => (!a.date) - (!b.date) || String(b.date).localeCompare(String(a.date)));
    const dated = meetings.filter((m) => m.date);
    const members = (Array.isArray(c.members) ? [...c.members] : []).sort((a, b) => String(b.to).localeCompare(String(a.to)) || String(a.name).localeCompare(String(b.name)));
    const years = Array.isArray(c.decisions_per_year) ? c.decisions_per_year : [];
    const names = new Map(members.map((m) => [m.person_id, m.name]));
    const totalDecisions = years.reduce((n, y) => n + (y.count || 0), 0);
    const heading = h('h1', { tabindex: '-1' }, c.name || c.id);
    swap(
      breadcrumb([['Home', '/'], ['Committees', '/?view=committees']]),
      h('p', { class: 'hit-type' }, h('span', { class: 'tag tag-meeting' }, 'Committee')),
      heading,
      h('nav', { class: 'contents', 'aria-label': 'On this page' }, h('ul', {},
        h('li', {}, h('a', { href: '#c-meetings-h' }, 'Meetings')), h('li', {}, h('a', { href: '#c-decisions-h' }, 'Decisions by year')),
        h('li', {}, h('a', { href: '#c-chairs-h' }, 'Chairs')), h('li', {}, h('a', { href: '#c-members-h' }, 'Members')))),
      h('dl', { class: 'summary' }, dlRows([
        ['Meetings', [String(meetings.length), dated.length > 1 ? [', from ', timeEl(dated[dated.length - 1].date), ' to ', timeEl(dated[0].date)]
          : dated.length ? [', on ', timeEl(dated[0].date)] : null, meetings.length > dated.length ? ` (${meetings.length - dated.length} without a date)` : null]],
        ['Minuted decisions', String(totalDecisions)],
      ])),
      h('ul', { class: 'action-links' },
        h('li', {}, link(decisionsHref({ committee: c.id }), 'Decisions of this committee')),
        h('li', {}, link(decisionsHref({ committee: c.id, status: 'overdue' }), 'Its overdue decisions')),
        h('li', {}, link(searchHref({ ...readState(''), q: '', committee: [c.id] }), 'Search its records'))),
      h('section', { class: 'context', 'aria-labelledby': 'c-meetings-h' },
        h('h2', { id: 'c-meetings-h' }, 'Meetings by date'),
        meetings.length ? tableOf('Meetings, newest first', ['Date', 'Title', 'Decisions'], meetings.map((m) => [
          m.id ? link(meetingHref(m.id), m.date ? timeEl(m.date) : 'Date unknown') : (timeEl(m.date) || 'Date unknown'), m.title || '', String(m.decisions ?? '')]), [2])
          : h('p', {}, 'No meetings are recorded.')),
      h('section', { class: 'context', 'aria-labelledby': 'c-decisions-h' },
        h('h2', { id: 'c-decisions-h' }, 'Decisions by year'),
        years.length ? decisionYears(c.id, years) : h('p', {}, 'No minuted decisions.')),
      h('section', { class: 'context', 'aria-labelledby': 'c-chairs-h' },
        h('h2', { id: 'c-chairs-h' }, 'Chairs'),
        chairPeriods(c.chairs || [], names)),
      h('section', { class: 'context', 'aria-labelledby': 'c-members-h' },
        h('h2', { id: 'c-members-h' }, 'Members over time'),
        members.length ? tableOf('Members over time, most recent first', ['Name', 'Role', 'From', 'To', 'Meetings'], members.map((m) => [
          m.person_id ? link(personHref(m.person_id), m.name || m.person_id) : m.name, upperFirst(String(m.role || '').replace(/-/g, ' ')),
          timeEl(m.from), timeEl(m.to), String(m.meetings ?? '')]), [4])
          : h('p', {}, 'No members are recorded.')),
    );
    setFeed(null);
    announce(`Committee: ${c.name || c.id}`);
    return heading;
  }

  // Decisions per year as a bar list (like the search's year histogram): each bar a
  // link to that year's decisions; the count is in the text, the bar only repeats it.
  function decisionYears(committeeId, years) {
    const isYear = (y) => /^\d{4}$/.test(String(y.year));
    // Years in order; decisions without a date ("unknown") last, and not a link: no date filter finds them.
    const sorted = [...years].sort((a, b) => isYear(b) - isYear(a) || String(a.year).localeCompare(String(b.year)));
    const max = Math.max(1, ...sorted.map((y) => y.count || 0));
    return h('ul', { class: 'histogram year-bars' }, sorted.map((y) => {
      const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.setProperty('--share', `${Math.max(2, Math.round((100 * (y.count || 0)) / max))}%`);
      const inner = [h('span', { class: 'year' }, isYear(y) ? y.year : 'No date'), h('span', { class: 'track' }, bar),
        h('span', { class: 'count' }, hidden(': '), (y.count || 0).toLocaleString('en-GB'), hidden(y.count === 1 ? ' decision' : ' decisions'))];
      return h('li', {}, isYear(y) ? h('a', { href: decisionsHref({ committee: committeeId, from: `${y.year}-01-01`, to: `${y.year}-12-31` }) }, inner)
        : h('span', { class: 'bar-row' }, inner));
    }));
  }

  // Consecutive meetings chaired by the same person become one period.
  function chairPeriods(chairs, names) {
    const sorted = [...chairs].filter((x) => x && x.date).sort((a, b) => String(a.date).localeCompare(String(b.date)));
    const periods = [];
    for (const ch of sorted) {
      const last = periods[periods.length - 1];
      if (last && last.person_id === ch.person_id) { last.to = ch.date; last.meetings += 1; } else periods.push({ person_id: ch.person_id, from: ch.date, to: ch.date, meetings: 1 });
    }
    if (!periods.length) return h('p', {}, 'No chair is recorded.');
    return h('ol', { class: 'chair-list' }, periods.reverse().map((pd) => h('li', {},
      pd.person_id ? link(personHref(pd.person_id), names.get(pd.person_id) || pd.person_id) : 'Unknown',
      h('span', { class: 'muted' }, ': '), timeEl(pd.from), pd.to !== pd.from ? [' to ', timeEl(pd.to)] : null,
      h('span', { class: 'muted' }, ` (${plural(pd.meetings, 'meeting', 'meetings')})`))));
  }

  // ---------- start ----------
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  render({ focus: 'none' });
})();
