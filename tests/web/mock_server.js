#!/usr/bin/env node
// A throwaway stand-in for quorum-serve: serves server/web/ and canned JSON shaped as
// ../shared/API.md, so the page can be built and tested before the real server works.
// Search here is naive (substring match); only the response shapes matter.
//
//   node mock_server.js [--port 8088]         # then open http://127.0.0.1:8088/
//   const { startMockServer } = require('./mock_server'); const s = await startMockServer();
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const WEB_DIR = path.resolve(__dirname, '../../server/web');
const COUNCIL = 'Herefordshire Council';
const CYP = { id: 'children-and-young-people-scrutiny-committee', name: 'Children and Young People Scrutiny Committee' };
const CABINET = { id: 'cabinet', name: 'Cabinet' };

// --- canned archive ------------------------------------------------------------------
const people = {
  howells: { id: 'phillip-howells', name: 'Phillip Howells' },
  hewitt: { id: 'jennie-hewitt', name: 'Jennie Hewitt' },
  toynbee: { id: 'diana-toynbee', name: 'Diana Toynbee' },
  freeman: { id: 'darryl-freeman', name: 'Darryl Freeman' },
  marrett: { id: 'dana-marrett', name: 'Dana Marrett' },
};
const topics = {
  fostering: { id: 'fostering', name: 'Fostering' },
  workforce: { id: 'workforce', name: 'Workforce' },
  budget: { id: 'budget', name: 'Budget' },
  ofsted: { id: 'ofsted', name: 'Ofsted' },
};

// Each meeting: items, each item: paragraphs/resolutions/etc. Unit ids follow the
// Document::id + "-u" + 4-digit ordinal convention.
// Issue 17: a second council's Cabinet, so that the council facet, the councils pages and
// compare by council have two councils to tell apart.
const MARCHFIELD = 'Marchfield District Council';
const slugOf = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const meetingsSpec = [
  {
    doc: 'marchfield-cabinet-2023-06-14', date: '2023-06-14', committee: CABINET, kind: 'minutes', council: MARCHFIELD,
    docTitle: 'Minutes, Cabinet, 14 June 2023', venue: 'Marchfield House', start: '18:00',
    attendance: { present: [{ name: 'Olu Adeyemi', role: 'Leader', person_id: 'olu-adeyemi', remote: false }], in_attendance: [], officers: [], apologies: [], substitutes: [] },
    items: [
      { number: '12', title: 'Allotment rents', people: [], topics: [],
        paras: ['The Cabinet considered the allotment rents for 2024 and the waiting list for plots.'],
        resolutions: ['That allotment rents rise by five per cent from April 2024.'] },
    ],
  },
  {
    doc: 'samples-000-93a416bcbe6d1f5a', date: '2022-02-22', committee: CYP, kind: 'minutes',
    docTitle: 'Minutes, Children and Young People Scrutiny Committee, 22 February 2022',
    venue: 'Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE', start: '14:30',
    attendance: {
      present: [
        { name: 'Phillip Howells', role: 'Chairperson', person_id: 'phillip-howells', remote: false },
        { name: 'Jennie Hewitt', role: 'Vice-Chairperson', person_id: 'jennie-hewitt', remote: false },
        { name: 'Toni Fagan', role: null, person_id: 'toni-fagan', remote: true },
      ],
      in_attendance: [{ name: 'Diana Toynbee', role: 'Cabinet Member for Children and Families', person_id: 'diana-toynbee', remote: true }],
      officers: [
        { name: 'Darryl Freeman', role: 'Director, Children and Families', person_id: 'darryl-freeman', remote: false },
        { name: 'Dana Marrett', role: 'Service Manager for Fostering and Permanence Service', person_id: 'dana-marrett', remote: true },
      ],
      apologies: [{ name: 'Graham Andrews', role: null, person_id: 'graham-andrews', remote: false }],
      substitutes: [],
    },
    items: [
      { number: '60', title: 'Apologies for absence', procedural: true, paras: ['Apologies were received from Councillor Graham Andrews.'] },
      { number: '66', title: 'Workforce update and workforce strategy', people: ['freeman'], topics: ['workforce'],
        paras: [
          'The purpose of the report was to provide the Committee with an update on the workforce stream of the Children\'s Services Improvement Plan.',
          'There were a number of locums within the service who had joined in the past year as it had had to increase capacity quickly.',
          'Social workers continued to feature on the UK\'s national shortage occupation list, so recruitment & retention of foster carers and staff was hard.',
        ],
        resolutions: ['That the workforce strategy be endorsed and a progress report on recruitment be brought to the committee in six months.'] },
      { number: '68', title: 'Fostering service update', people: ['marrett', 'toynbee'], topics: ['fostering'],
        paras: [
          'The Service Manager for Fostering and Permanence introduced the report on the fostering service.',
          'Members asked how many foster carers had been recruited; the service had approved twelve new fostering households.',
          'The fostering panel had met monthly and a foster carer <script>alert("x")</script> survey would follow.',
          'The committee noted the fostering sufficiency strategy and the foster carers\' allowances review.',
        ],
        resolutions: ['That the executive consider increasing fostering allowances to attract more foster carers.', 'That a fostering recruitment campaign be reported to the committee.'],
        table: { caption: 'Fostering households by year', header: ['Year', 'Approved', 'Deregistered'], rows: [['2020', '9', '11'], ['2021', '12', '8']] } },
      // Exempt business (issue 15): heading only, as quorum-index withholds it.
      { number: '70', title: 'Contract award for residential placements', exempt: true, paras: [] },
    ],
  },
  {
    doc: 'samples-001-8fed95a2e73ba999-p2', date: '2022-03-22', committee: CYP, kind: 'minutes',
    docTitle: 'Minutes, Children and Young People Scrutiny Committee, 22 March 2022',
    venue: 'Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE', start: '14:30',
    attendance: { present: [{ name: 'Phillip Howells', role: 'Chairperson', person_id: 'phillip-howells', remote: false }], in_attendance: [], officers: [], apologies: [], substitutes: [] },
    items: [
      { number: '75', title: 'Foster carer recruitment', people: ['howells'], topics: ['fostering'],
        paras: ['The committee asked about foster carer recruitment in the county.', 'Fostering households had increased by three since February.'],
        resolutions: ['That the fostering recruitment campaign be extended.'],
        question: { number: '1', questioner: 'Mrs A Smith', question: 'How many foster carers left the service last year?', addressee: 'Cabinet Member for Children and Families', response: 'Eleven fostering households deregistered in 2021.', kind: 'public' } },
      { number: '76', title: 'Action tracker', topics: ['fostering'],
        action: { number: 'A12', meeting_date: '2022-02-22', action: 'Provide figures on fostering allowances', owner: 'Dana Marrett', directorate: 'Children and Families', progress: 'Figures circulated', due_date: '2022-04-26', status: 'Complete' } },
    ],
  },
  {
    doc: 'samples-001-8fed95a2e73ba999-p5', date: '2022-03-31', committee: CABINET, kind: 'report',
    docTitle: 'Increased budget for children\'s services',
    venue: 'Herefordshire Council Offices, Plough Lane, Hereford', start: '10:00',
    attendance: { present: [{ name: 'Diana Toynbee', role: 'Cabinet Member for Children and Families', person_id: 'diana-toynbee', remote: false }], in_attendance: [], officers: [], apologies: [], substitutes: [] },
    items: [
      { number: '5', title: 'Increased budget for children\'s services', people: ['toynbee'], topics: ['budget', 'fostering'],
        paras: ['Cabinet was asked to approve an increased budget of £8.2m for children\'s services transformation, including fostering.', 'The fostering service would receive additional social work capacity.'],
        resolutions: ['That the increased budget for children\'s services be approved.'] },
    ],
  },
  {
    doc: 'samples-002-f238e8122ed5804f', date: '2018-10-01', committee: CYP, kind: 'minutes',
    docTitle: 'Minutes, Children and Young People Scrutiny Committee, 1 October 2018',
    venue: 'Shire Hall, Hereford', start: '10:00',
    attendance: { present: [{ name: 'Phillip Howells', role: 'Chairperson', person_id: 'phillip-howells', remote: false }], in_attendance: [], officers: [], apologies: [], substitutes: [] },
    items: [
      { number: '24', title: 'Fostering annual report', people: ['howells'], topics: ['fostering'],
        paras: ['The committee received the fostering annual report for 2017/18.', 'Foster carers praised the support of the fostering team.'],
        resolutions: ['That the fostering annual report be noted.'] },
    ],
  },
  {
    doc: 'samples-004-96e372cf547dc9a6', date: '2025-07-22', committee: CYP, kind: 'minutes',
    docTitle: 'Minutes, Children and Young People Scrutiny Committee, 22 July 2025',
    venue: 'Herefordshire Council Offices, Plough Lane, Hereford', start: '10:00',
    attendance: { present: [{ name: 'Jennie Hewitt', role: 'Chairperson', person_id: 'jennie-hewitt', remote: false }], in_attendance: [], officers: [], apologies: [], substitutes: [] },
    items: [
      { number: '7', title: 'Ofsted inspection outcome', people: ['hewitt'], topics: ['ofsted', 'fostering'],
        paras: ['The committee welcomed the Ofsted judgement and the improvement in fostering.', 'Members asked about the timetable for the next monitoring visit.'],
        resolutions: ['That the committee note the Ofsted report and the fostering improvement plan.'] },
    ],
  },
];

const units = [];
const meetings = [];
for (const m of meetingsSpec) {
  const council = m.council || COUNCIL;
  const meetingId = `${slugOf(council)}-${m.committee.id}-${m.date}`;
  const document = { id: m.doc, title: m.docTitle, kind: m.kind, source: `samples/${m.doc}.txt`, url: `https://councillors.herefordshire.gov.uk/${m.doc}.pdf` };
  let ordinal = 0;
  const meeting = {
    id: meetingId, date: m.date, committee: m.committee, council,
    title: `${m.committee.name}, ${m.date}`, venue: m.venue, start_time: m.start,
    documents: [{ id: document.id, title: document.title, kind: document.kind, source: document.source }],
    attendance: m.attendance, items: [], items_count: m.items.length,
  };
  for (const it of m.items) {
    const item = { number: it.number, title: it.title, ...(it.exempt ? { exempt: true } : {}) };
    const base = {
      date: m.date, council, council_id: slugOf(council), council_source: 'printed', committee: m.committee, meeting_id: meetingId, item, document,
      people: (it.people || []).map((p) => people[p]), topics: (it.topics || []).map((t) => topics[t]),
      procedural: !!it.procedural, ...(it.exempt ? { exempt: true } : {}),
    };
    const mk = (type, title, text, extra = {}) => {
      ordinal += 1;
      const u = { id: `${m.doc}-u${String(ordinal).padStart(4, '0')}`, type, title, text, ...base,
        page: 1 + Math.floor(ordinal / 4), section: `${it.number}`, number: `${ordinal}`, ...extra };
      units.push(u);
      return u;
    };
    const texts = [...(it.paras || []), ...(it.resolutions || [])];
    const itemUnit = mk('item', it.title, `${it.number}. ${it.title.toUpperCase()}\n\n${texts.join('\n\n')}`);
    const itemUnits = [itemUnit];
    for (const p of it.paras || []) itemUnits.push(mk('paragraph', it.title, p));
    (it.resolutions || []).forEach((r, i) => itemUnits.push(mk('resolution', `${it.title}: resolution ${String.fromCharCode(97 + i)}`, r,
      { resolution: { kind: 'resolved', label: String.fromCharCode(97 + i), preamble: 'RESOLVED:', outcome: r } })));
    if (it.table) itemUnits.push(mk('table', it.table.caption, [it.table.header, ...it.table.rows].map((r) => r.join('\t')).join('\n'), { table: it.table }));
    if (it.question) itemUnits.push(mk('question', `Public question ${it.question.number}`, `${it.question.question}\n${it.question.response}`, { question: it.question }));
    if (it.action) itemUnits.push(mk('action', `Action ${it.action.number}`, it.action.action, { action: it.action }));
    meeting.items.push({ number: it.number, title: it.title, procedural: !!it.procedural, exempt: !!it.exempt, units: itemUnits.map((u) => ({ id: u.id, type: u.type, title: u.title })) });
  }
  meetings.push(meeting);
}
// The same resolution text appears in two documents (an agenda pack reprints minutes).
const repeated = units.find((u) => u.text.startsWith('That the fostering recruitment campaign be extended'));
const fosterResolution = units.find((u) => u.text.startsWith('That the executive consider increasing fostering'));
const alsoIn = new Map([[repeated.id, [fosterResolution.id]], [fosterResolution.id, [repeated.id]]]);

// --- decisions, people, committees (shapes of docs/DECISIONS.md) -------------------
const AS_OF = '2025-08-01';
const unitByText = (start) => units.find((u) => u.text.startsWith(start));
const decisionOf = (u, extra) => ({
  id: `d-${u.id}`, unit_id: u.id, kind: 'resolution', label: u.resolution ? u.resolution.label : null, text: u.text,
  preamble: u.resolution ? u.resolution.preamble : '',
  document: { id: u.document.id, kind: u.document.kind, title: u.document.title },
  meeting_id: u.meeting_id, date: u.date, committee: u.committee,
  item: u.item ? { ...u.item, confidence: 1.0 } : null,
  addressee: null,
  outcome: { result: 'agreed', vote: null, votes_for: null, votes_against: null, abstentions: null, proposer: null, seconder: null, evidence: 'recorded in the minutes' },
  owner: null, directorate: null, due_date: null, origin_date: null, progress: null,
  status: 'open', status_source: 'derived', status_reason: 'no later record closes it', overdue: false,
  unlinked_reason: null, people: u.people.map((x) => x.id), thread_id: null, votes: null, declarations: [], amounts: [], ...extra,
});
const dWorkforce = decisionOf(unitByText('That the workforce strategy'), {
  addressee: { id: 'officers', text: 'a progress report on recruitment be brought' },
  outcome: { result: 'agreed', vote: 'majority', votes_for: 5, votes_against: 2, abstentions: 1,
    proposer: { id: 'phillip-howells', name: 'the chair' }, seconder: { id: 'jennie-hewitt', name: 'Cllr Hewitt' },
    evidence: 'The recommendation was proposed by the chair and seconded by Cllr Hewitt. It was carried by 5 votes to 2, with 1 abstention.' },
  owner: { id: 'darryl-freeman', name: 'Darryl Freeman' }, directorate: 'Children and Families', due_date: '2022-08-31',
  status: 'overdue', status_reason: 'due 31 August 2022 and nothing later closes it', overdue: true,
});
const dAllowances = decisionOf(unitByText('That the executive consider increasing fostering'), {
  addressee: { id: 'executive', text: 'That the executive' },
  outcome: { result: 'agreed', vote: 'unanimous', votes_for: null, votes_against: null, abstentions: null,
    proposer: { id: 'phillip-howells', name: 'the chair' }, seconder: { id: 'jennie-hewitt', name: 'Cllr Hewitt' },
    evidence: 'The following recommendations were proposed by the chair, seconded by Cllr Hewitt and carried unanimously.' },
  owner: { id: 'dana-marrett', name: 'Dana Marrett' }, directorate: 'Children and Families', due_date: '2022-04-26', progress: 'Figures circulated',
  status: 'completed', status_source: 'tracker', status_reason: 'tracker row A12 of 2022-03-22: Complete',
});
const dCampaign = decisionOf(unitByText('That a fostering recruitment campaign be reported'), {
  addressee: { id: 'committee', text: 'to the committee' }, status: 'closed', status_reason: 'came back at item 75 of 2022-03-22 (Foster carer recruitment)',
});
const trackerUnit = units.find((u) => u.type === 'action');
const dTracker = decisionOf(trackerUnit, {
  kind: 'tracker-row', label: trackerUnit.action.number, preamble: '', outcome: null,
  owner: { id: 'dana-marrett', name: 'Dana Marrett' }, directorate: trackerUnit.action.directorate,
  due_date: trackerUnit.action.due_date, origin_date: trackerUnit.action.meeting_date, progress: trackerUnit.action.progress,
  status: 'completed', status_source: 'tracker', status_reason: 'tracker row A12 of 2022-03-22: Complete',
});
const dExtended = decisionOf(unitByText('That the fostering recruitment campaign be extended'), {});
const dBudget = decisionOf(unitByText("That the increased budget"), { addressee: { id: 'cabinet', text: 'Cabinet' } });
// A named vote (docs/DECISIONS.md "Recorded votes"): one name not matched, a count that disagrees.
dBudget.votes = { id: 'v-budget-1', motion: 'The Chairman put the motion set out in paragraph 2 to the vote and the voting was as follows:',
  proposer: { id: 'phillip-howells', name: 'Cllr Howells' }, seconder: { id: 'jennie-hewitt', name: 'Cllr Hewitt' },
  for: [{ name: 'Cllr Howells', person: 'phillip-howells', declared_interest: false }, { name: 'Cllr Hewitt', person: 'jennie-hewitt', declared_interest: true },
    { name: 'Cllr Newman', person: null, declared_interest: false }],
  against: [], abstain: [],
  counts: { for: 4, against: 0, abstain: 0 }, listed: { for: 3, against: 0, abstain: 0 }, counts_agree: false,
  disagreements: ['For (4) is printed above 3 names'], result: 'carried', result_text: 'Motion carried.',
  meeting_id: dBudget.meeting_id, date: dBudget.date, item: dBudget.item ? { number: dBudget.item.number, title: dBudget.item.title } : null,
  decisions: [dBudget.id] };
dBudget.amounts = [{ text: '£120,000', value: 120000, currency: 'GBP' }];
dBudget.declarations = [{ id: 'i-budget-1', meeting_id: dBudget.meeting_id, date: dBudget.date, document_id: dBudget.document.id,
  item: dBudget.item ? dBudget.item.number : null, about_item: dBudget.item ? dBudget.item.number : null, member: 'Cllr Hewitt',
  person: 'jennie-hewitt', kind: 'personal', interest: 'a personal interest as a foster carer.', left_room: false, took_no_part: false }];
// A lost amendment before it: a vote of the item with no decision, Howells for and Hewitt against.
const lostAmendment = { ...dBudget.votes, id: 'v-budget-0', result: 'lost', result_text: 'Amendment lost.', decisions: [],
  for: [{ name: 'Cllr Howells', person: 'phillip-howells', declared_interest: false }], against: [{ name: 'Cllr Hewitt', person: 'jennie-hewitt', declared_interest: true }],
  counts: { for: 1, against: 1, abstain: 0 }, listed: { for: 1, against: 1, abstain: 0 }, counts_agree: true, disagreements: [] };
const dAnnual = decisionOf(unitByText('That the fostering annual report be noted'), {
  outcome: { result: 'noted', vote: null, votes_for: null, votes_against: null, abstentions: null, proposer: null, seconder: null, evidence: '…be noted' },
  status: 'no-action', status_reason: 'it notes a report',
});
const dOfsted = decisionOf(unitByText('That the committee note the Ofsted'), {
  addressee: { id: 'committee', text: 'That the committee' },
  outcome: { result: 'noted', vote: null, votes_for: null, votes_against: null, abstentions: null, proposer: { id: 'jennie-hewitt', name: 'the chair' }, seconder: null, evidence: 'proposed by the chair' },
  status: 'no-action', status_reason: 'it notes a report',
});
// A tracker row nothing could be linked to, with the reason.
const dOrphan = { ...decisionOf(trackerUnit, {}), id: `d-${trackerUnit.id}-r2`, kind: 'work-programme-entry', label: '2',
  text: 'Children\'s centres review: requested at committee meeting 07/09/2021', outcome: null, origin_date: '2021-09-07', status: 'to be completed',
  status_source: 'tracker', status_reason: 'work programme row 2 of 2022-03-22: To be completed',
  unlinked_reason: 'no decision of Children and Young People Scrutiny Committee is recorded within 120 days of 2021-09-07 in this archive' };
const comeBackItem = units.find((u) => u.type === 'item' && u.item.number === '75');

const decisionLinks = [
  { from: dAllowances.id, to: dTracker.id, type: 'tracked-by', confidence: 0.82, reason: 'same committee; tracker row cites 22 February 2022 (0 days apart); similar text 0.64 ("fostering", "allowances")', to_date: dTracker.date, to_title: 'Action A12' },
  { from: dCampaign.id, to: comeBackItem.id, type: 'came-back-at', confidence: 0.57, reason: 'heading shares "foster carer recruitment"; 28 days later', to_date: comeBackItem.date, to_title: comeBackItem.title },
];
const threadOf = (id, title, steps) => ({ id, title, confidence: Math.min(...steps.map((s) => s.confidence)), steps,
  links: decisionLinks.filter((l) => steps.some((s) => s.id === l.from) && steps.some((s) => s.id === l.to)) });
const stepOf = (d, linkType, linkedFrom, confidence) => ({ record: 'decision', id: d.id, kind: d.kind, date: d.date, meeting_id: d.meeting_id,
  title: d.item ? d.item.title : null, text: d.text, link_type: linkType, linked_from: linkedFrom, confidence });
const threads = [
  threadOf(`t-${dAllowances.id}`, 'Fostering service update', [stepOf(dAllowances, null, null, 1.0), stepOf(dTracker, 'tracked-by', dAllowances.id, 0.82)]),
  threadOf(`t-${dCampaign.id}`, 'Fostering service update', [stepOf(dCampaign, null, null, 1.0),
    { record: 'item', id: comeBackItem.id, kind: 'item', date: comeBackItem.date, meeting_id: comeBackItem.meeting_id, title: comeBackItem.title,
      text: comeBackItem.text, link_type: 'came-back-at', linked_from: dCampaign.id, confidence: 0.57 }]),
];
const decisions = [dAnnual, dWorkforce, dAllowances, dCampaign, dExtended, dTracker, dOrphan, dBudget, dOfsted]
  .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
for (const t of threads) for (const step of t.steps) if (step.record === 'decision') decisions.find((d) => d.id === step.id).thread_id = t.id;

const fold = (s) => String(s || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
function matchesDecision(d, p) {
  const committee = p.get('committee'); const outcome = p.get('outcome'); const status = p.get('status');
  const owner = p.get('owner'); const from = p.get('from'); const to = p.get('to'); const kind = p.get('kind');
  if (committee && !(d.committee && d.committee.id === committee)) return false;
  const council = p.get('council');
  if (council && !units.some((u) => u.id === d.unit_id && u.council_id === council)) return false;
  if (outcome && !(d.outcome && d.outcome.result === outcome)) return false;
  if (status && !(d.status === status || (status === 'overdue' && d.overdue))) return false;
  if (owner && !(d.owner && (d.owner.id === owner || fold(d.owner.name).includes(fold(owner))))) return false;
  if (kind && d.kind !== kind) return false;
  if (from && d.date < from) return false;
  if (to && d.date > to) return false;
  const words = fold(p.get('q')).split(/\s+/).filter(Boolean);
  const hay = fold([d.text, d.item && d.item.title, d.owner && d.owner.name, d.document.title].join(' '));
  return words.every((w) => hay.includes(w));
}

// People: from every meeting's attendance; roles per committee; decisions proposed and owned.
const AS_LABEL = { present: 'present', in_attendance: 'in-attendance', officers: 'officer', apologies: 'apologies', substitutes: 'substitute' };
const peopleSummaries = new Map();
for (const m of [...meetings].sort((a, b) => a.date.localeCompare(b.date))) {
  for (const [group, as] of Object.entries(AS_LABEL)) {
    for (const a of m.attendance[group] || []) {
      if (!a.person_id) continue;
      const p = peopleSummaries.get(a.person_id) || { id: a.person_id, name: a.name, kind: group === 'officers' ? 'officer' : 'councillor', variants: [],
        roles: [], meetings: [], counts: { attended: 0, apologies: 0, substitutions: 0 }, proposed: [], owned: [] };
      peopleSummaries.set(a.person_id, p);
      p.meetings.push({ meeting_id: m.id, date: m.date, committee_id: m.committee.id, as, role: a.role, remote: !!a.remote, note: null });
      if (as === 'apologies') p.counts.apologies += 1; else p.counts.attended += 1;
      if (as === 'substitute') p.counts.substitutions += 1;
      if (as === 'apologies') continue;
      const roleName = (a.role || (as === 'officer' ? 'officer' : 'member')).toLowerCase();
      const key = roleName.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      const r = p.roles.find((x) => x.role === key && x.committee_id === m.committee.id);
      if (r) { r.to = m.date; r.meetings += 1; } else p.roles.push({ role: key, name: roleName, committee_id: m.committee.id, from: m.date, to: m.date, meetings: 1 });
    }
  }
}
for (const d of decisions) {
  if (d.outcome && d.outcome.proposer && peopleSummaries.has(d.outcome.proposer.id)) peopleSummaries.get(d.outcome.proposer.id).proposed.push(d.id);
  if (d.owner && d.owner.id && peopleSummaries.has(d.owner.id)) peopleSummaries.get(d.owner.id).owned.push(d.id);
}
for (const p of peopleSummaries.values()) { p.votes = []; p.counts.votes = 0; p.declarations = []; p.counts.declarations = 0; }
for (const x of dBudget.declarations) { const p = peopleSummaries.get(x.person); p.declarations.push(x); p.counts.declarations += 1; }
for (const v of [lostAmendment, dBudget.votes]) {
  for (const how of ['for', 'against', 'abstain']) {
    for (const n of v[how]) {
      const p = n.person && peopleSummaries.get(n.person);
      if (!p) continue;
      p.votes.push({ vote: v.id, decision: v.decisions[0] || null, meeting_id: v.meeting_id, date: v.date, item: v.item, motion: v.motion, how, result: v.result,
        declared_interest: n.declared_interest });
      p.counts.votes += 1;
    }
  }
}
// GET /api/people/{id}/agreement, as server/src/vote_agreement.cpp answers it.
function agreementOf(a, b) {
  const byVote = (p) => new Map(p.votes.map((v) => [v.vote, v]));
  const mine = byVote(a); const theirs = byVote(b);
  const votes = [...mine.values()].filter((v) => theirs.has(v.vote)).map((v) => ({ vote: v.vote, decision: v.decision, meeting_id: v.meeting_id,
    date: v.date, item: v.item, motion: v.motion, result: v.result, how: v.how, with_how: theirs.get(v.vote).how, same: v.how === theirs.get(v.vote).how }));
  const same = votes.filter((v) => v.same).length;
  return { person: { id: a.id, name: a.name }, with: { id: b.id, name: b.name }, votes_together: votes.length, same,
    different: votes.length - same, agreement: votes.length ? same / votes.length : null, votes };
}
const personList = [...peopleSummaries.values()].sort((a, b) => a.name.localeCompare(b.name));

// Committees: meetings by date, members over time, chairs, decisions per year.
const committeeSummaries = [CYP, CABINET].map((c) => {
  const ms = meetings.filter((m) => m.committee.id === c.id).sort((a, b) => a.date.localeCompare(b.date));
  const ds = decisions.filter((d) => d.committee && d.committee.id === c.id && d.kind !== 'tracker-row' && d.kind !== 'work-programme-entry');
  const members = [];
  for (const p of personList) for (const r of p.roles) if (r.committee_id === c.id) members.push({ person_id: p.id, name: p.name, role: r.role, from: r.from, to: r.to, meetings: r.meetings });
  const years = new Map();
  for (const d of ds) years.set(d.date.slice(0, 4), (years.get(d.date.slice(0, 4)) || 0) + 1);
  return { id: c.id, name: c.name,
    meetings: ms.map((m) => ({ id: m.id, date: m.date, title: m.title, decisions: ds.filter((d) => d.meeting_id === m.id).length })),
    members,
    chairs: ms.flatMap((m) => (m.attendance.present || []).filter((a) => /^chair/i.test(a.role || '')).map((a) => ({ date: m.date, person_id: a.person_id }))),
    decisions_per_year: [...years].sort().map(([year, count]) => ({ year, count })) };
});

// --- search --------------------------------------------------------------------------
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function snippetOf(text, words) {
  const lower = text.toLowerCase();
  let at = 0;
  for (const w of words) { const i = lower.indexOf(w); if (i >= 0) { at = Math.max(0, i - 60); break; } }
  const piece = text.slice(at, at + 200);
  let html = escapeHtml(piece);
  for (const w of words) {
    if (!w) continue;
    html = html.replace(new RegExp(`(${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\w*)`, 'gi'), '<mark>$1</mark>');
  }
  return (at > 0 ? '… ' : '') + html + (at + 200 < text.length ? ' …' : '');
}

function hitOf(u, rank, words) {
  const { text, ...rest } = u;
  return { ...rest, rank, score: Math.round((20 - rank / 2) * 10) / 10, snippet: snippetOf(text, words), also_in: alsoIn.get(u.id) || [], why: { matched: words, related: [] } };
}

function facetOf(list, pick) {
  const counts = new Map();
  for (const u of list) for (const v of pick(u)) {
    const e = counts.get(v.id) || { id: v.id, name: v.name, count: 0 };
    e.count += 1; counts.set(v.id, e);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const TYPE_NAMES = { item: 'Item', paragraph: 'Paragraph', table: 'Table', resolution: 'Resolution', question: 'Question', action: 'Action' };

function search(params) {
  const q = (params.get('q') || '').trim();
  let words = q.toLowerCase().split(/\s+/).filter((w) => w && !w.includes(':')).map((w) => w.replace(/^[+"]+|["]+$/g, ''));
  // More like this: the mock takes the unit's two longest words as the query.
  const likeUnit = params.get('like') ? units.find((u) => u.id === params.get('like')) : null;
  if (likeUnit) words = [...new Set(likeUnit.text.toLowerCase().match(/[a-z]{6,}/g) || [])].sort((a, b) => b.length - a.length).slice(0, 1);
  const want = (name) => params.getAll(name).filter(Boolean);
  const [committee, person, topic, type, council] = ['committee', 'person', 'topic', 'type', 'council'].map(want);
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  let hits = units.filter((u) => {
    const hay = `${u.title} ${u.text}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
    if (likeUnit && u.id === likeUnit.id) return false;
    if (committee.length && !committee.includes(u.committee.id)) return false;
    if (council.length && !council.includes(u.council_id)) return false;
    if (person.length && !u.people.some((p) => person.includes(p.id))) return false;
    if (topic.length && !u.topics.some((t) => topic.includes(t.id))) return false;
    if (type.length && !type.includes(u.type)) return false;
    if (from && u.date < from) return false;
    if (to && u.date > to) return false;
    return true;
  });
  const sort = params.get('sort') || 'relevance';
  if (sort === 'newest') hits.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  else if (sort === 'oldest') hits.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  else hits.sort((a, b) => (b.text.length < 200) - (a.text.length < 200) || a.id.localeCompare(b.id));
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  const perPage = Math.min(100, Math.max(1, parseInt(params.get('per_page') || '10', 10) || 10));
  const slice = hits.slice((page - 1) * perPage, page * perPage);
  return {
    query: { q, mode: params.get('mode') || 'hybrid', read_as: words.length ? `${likeUnit ? `like ${likeUnit.id} · ` : ''}all of: ${words.join(', ')}` : '', all_of: words, parsed: words.length ? words.map((w) => `Zstem:${w}`).join(' AND ') : '<alldocuments>' },
    total: hits.length, page, per_page: perPage, took_ms: 0.4,
    suggestion: hits.length === 0 && /fost/.test(q) ? 'fostering' : null,
    hits: slice.map((u, i) => hitOf(u, (page - 1) * perPage + i + 1, words)),
    facets: {
      committee: facetOf(hits, (u) => [u.committee]),
      year: facetOf(hits, (u) => [{ id: u.date.slice(0, 4), name: u.date.slice(0, 4) }]).sort((a, b) => b.id.localeCompare(a.id)),
      type: facetOf(hits, (u) => [{ id: u.type, name: TYPE_NAMES[u.type] }]),
      person: facetOf(hits, (u) => u.people),
      topic: facetOf(hits, (u) => u.topics),
      council: facetOf(hits, (u) => [{ id: u.council_id, name: u.council }]),
    },
  };
}

const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

// --- HTTP ----------------------------------------------------------------------------
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.png': 'image/png' };

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
const json = (res, status, value) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
const notFound = (res, what) => json(res, 404, { error: { code: 'not_found', message: `No ${what} with that id.` } });

function handle(req, res) {
  const url = new URL(req.url, 'http://mock');
  const p = url.pathname;
  if (p === '/' || p.startsWith('/static/')) {
    const file = p === '/' ? 'index.html' : p.slice('/static/'.length);
    const full = path.join(WEB_DIR, file);
    if (!full.startsWith(WEB_DIR + path.sep) || !fs.existsSync(full)) return send(res, 404, 'text/plain', 'not found');
    return send(res, 200, CONTENT_TYPES[path.extname(full)] || 'application/octet-stream', fs.readFileSync(full));
  }
  if (p === '/healthz') return json(res, 200, { status: 'ok', units: units.length });
  if (p === '/api/search') {
    const result = search(url.searchParams);
    const format = url.searchParams.get('format');
    if (format === 'csv') {
      const rows = [['rank', 'id', 'type', 'date', 'committee', 'item', 'title', 'url']];
      for (const h of result.hits) rows.push([h.rank, h.id, h.type, h.date, h.committee.name, h.item ? h.item.number : '', h.title, h.document.url]);
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="quorum-results.csv"' });
      return res.end(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
    }
    if (format === 'atom') {
      const entries = result.hits.map((h) => `<entry><id>urn:quorum:${h.id}</id><title>${escapeHtml(h.title)}</title><updated>${h.date}T00:00:00Z</updated></entry>`).join('');
      return send(res, 200, 'application/atom+xml; charset=utf-8', `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quorum search</title><id>urn:quorum:search</id><updated>2025-01-01T00:00:00Z</updated>${entries}</feed>`);
    }
    return json(res, 200, result);
  }
  let m0;
  if (p === '/api/decisions') {
    const q = url.searchParams;
    const list = decisions.filter((d) => matchesDecision(d, q));
    const page = Math.max(1, parseInt(q.get('page') || '1', 10) || 1);
    const perPage = Math.min(1000, Math.max(1, parseInt(q.get('per_page') || String(list.length || 1), 10) || 1));
    const slice = list.slice((page - 1) * perPage, page * perPage);
    if (q.get('format') === 'csv') {
      const rows = [['id', 'kind', 'label', 'date', 'committee', 'item', 'text', 'outcome', 'status', 'overdue', 'owner', 'due_date']];
      for (const d of list) rows.push([d.id, d.kind, d.label || '', d.date, d.committee ? d.committee.name : '', d.item ? d.item.number : '', d.text, d.outcome ? d.outcome.result : '', d.status, d.overdue, d.owner ? d.owner.name : '', d.due_date || '']);
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="quorum-decisions.csv"' });
      return res.end(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n');
    }
    if (q.get('format') === 'atom') {
      const entries = list.map((d) => `<entry><id>urn:quorum:${d.id}</id><title>${escapeHtml(d.text)}</title><updated>${d.date}T00:00:00Z</updated></entry>`).join('');
      return send(res, 200, 'application/atom+xml; charset=utf-8', `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quorum decisions</title><id>urn:quorum:decisions</id><updated>${AS_OF}T00:00:00Z</updated>${entries}</feed>`);
    }
    return json(res, 200, { as_of: AS_OF, total: list.length, page, per_page: perPage, decisions: slice });
  }
  m0 = p.match(/^\/api\/decisions\/([a-z0-9._-]+)$/);
  if (m0) {
    const d = decisions.find((x) => x.id === m0[1]);
    if (!d) return notFound(res, 'decision');
    return json(res, 200, { ...d, links: decisionLinks.filter((l) => l.from === d.id || l.to === d.id),
      thread: threads.find((t) => t.id === d.thread_id) || null });
  }
  if (p === '/api/compare') {
    const q = url.searchParams.get('q') || '';
    if (!q.trim()) return json(res, 400, { error: { code: 'bad_request', message: 'q is required' } });
    const by = ['year', 'council'].includes(url.searchParams.get('by')) ? url.searchParams.get('by') : 'committee';
    const all = search(new URLSearchParams({ q }));
    const groups = (all.facets[by] || []).slice(0, 10).map((f) => {
      const found = search(new URLSearchParams({ q, type: 'resolution', [by]: f.id }));
      const best = found.hits[0] ? { ...found.hits[0], decision: found.hits[0].decision || { id: `d-${found.hits[0].id}` } } : null;
      return { id: f.id, name: f.name || f.id, count: f.count, resolutions: found.total, best };
    });
    return json(res, 200, { q, by, total: all.total, exact: true, groups });
  }
  if (p === '/api/people') {
    const words = fold(url.searchParams.get('q')).split(/\s+/).filter(Boolean);
    const list = personList.filter((x) => words.every((w) => fold(x.name).includes(w)))
      .map(({ id, name, kind, roles, counts }) => ({ id, name, kind, roles, counts }));
    return json(res, 200, { total: list.length, people: list });
  }
  m0 = p.match(/^\/api\/people\/([a-z0-9._-]+)\/agreement$/);
  if (m0) {
    const a = peopleSummaries.get(m0[1]); const b = peopleSummaries.get(url.searchParams.get('with') || '');
    return a && b ? json(res, 200, agreementOf(a, b)) : notFound(res, 'person');
  }
  m0 = p.match(/^\/api\/people\/([a-z0-9._-]+)$/);
  if (m0) return peopleSummaries.has(m0[1]) ? json(res, 200, peopleSummaries.get(m0[1])) : notFound(res, 'person');
  if (p === '/api/councils') {
    const councils = [...new Set(meetings.map((x) => x.council))].sort().map((name) => {
      const own = meetings.filter((x) => x.council === name).map((x) => x.date).sort();
      return { id: slugOf(name), name, meetings: own.length, decisions: decisions.filter((d) => units.find((u) => u.id === d.unit_id && u.council === name)).length,
        people: 1, units: units.filter((u) => u.council === name).length, first_date: own[0] || null, last_date: own[own.length - 1] || null };
    });
    return json(res, 200, { total: councils.length, councils });
  }
  m0 = p.match(/^\/api\/councils\/([a-z0-9._-]+)$/);
  if (m0) {
    const own = meetings.filter((x) => slugOf(x.council) === m0[1]);
    if (!own.length) return notFound(res, 'council');
    const dates = own.map((x) => x.date).sort();
    const perCommittee = new Map();
    for (const x of own) perCommittee.set(x.committee.id, { ...x.committee, meetings: (perCommittee.get(x.committee.id)?.meetings || 0) + 1 });
    const perYear = new Map();
    for (const d of dates) perYear.set(d.slice(0, 4), (perYear.get(d.slice(0, 4)) || 0) + 1);
    const members = [...new Map(own.flatMap((x) => x.attendance.present).filter((a) => a.person_id)
      .map((a) => [a.person_id, { id: a.person_id, name: a.name, kind: 'councillor', variants: [], roles: [], counts: {} }])).values()];
    return json(res, 200, { id: m0[1], name: own[0].council, meetings: own.length, decisions: 0, people: members.length, units: units.filter((u) => u.council_id === m0[1]).length,
      first_date: dates[0], last_date: dates[dates.length - 1], committees: [...perCommittee.values()],
      meetings_by_year: [...perYear.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([year, n]) => ({ year, meetings: n })), members });
  }
  if (p === '/api/committees') {
    return json(res, 200, { committees: committeeSummaries.map((c) => ({ id: c.id, name: c.name, meetings_count: c.meetings.length,
      decisions_count: c.decisions_per_year.reduce((n, y) => n + y.count, 0),
      first_date: c.meetings.length ? c.meetings[0].date : null, last_date: c.meetings.length ? c.meetings[c.meetings.length - 1].date : null })) });
  }
  m0 = p.match(/^\/api\/committees\/([a-z0-9._-]+)$/);
  if (m0) { const c = committeeSummaries.find((x) => x.id === m0[1]); return c ? json(res, 200, c) : notFound(res, 'committee'); }
  let m = p.match(/^\/api\/units\/([a-z0-9._-]+)$/);
  if (m) {
    const u = units.find((x) => x.id === m[1]);
    return u ? json(res, 200, { ...u, rank: 0, score: 0, snippet: '', also_in: alsoIn.get(u.id) || [] }) : notFound(res, 'unit');
  }
  m = p.match(/^\/api\/meetings\/([a-z0-9._-]+)$/);
  if (m) {
    const meeting = meetings.find((x) => x.id === m[1]);
    return meeting ? json(res, 200, meeting) : notFound(res, 'meeting');
  }
  if (p === '/api/meetings') {
    const list = [...meetings].sort((a, b) => b.date.localeCompare(a.date))
      .map(({ id, date, committee, title, items_count }) => ({ id, date, committee, title, items_count }));
    const perPage = parseInt(url.searchParams.get('per_page') || '0', 10);
    return json(res, 200, { meetings: perPage > 0 ? list.slice(0, perPage) : list });
  }
  return json(res, 404, { error: { code: 'not_found', message: `Nothing at ${p}.` } });
}

function startMockServer(port = 0) {
  return new Promise((resolve) => {
    const server = http.createServer(handle);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolve({ url, units, meetings, decisions, people: personList, committees: committeeSummaries, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) });
    });
  });
}

module.exports = { startMockServer };

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  startMockServer(i > 0 ? Number(process.argv[i + 1]) : 8088).then((s) => console.log(`mock Quorum server on ${s.url}`));
}
