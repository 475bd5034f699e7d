// Helpers for the program-year bundle tests: a 2023 program run for real, then the clock moved to
// today (2026-12-07), and a state snapshot in which ids minted by Google are named by what they are.
import { Workspace } from '../../emulator';
import type { ProposeOk, StartResult } from '../../src/shared/programYear';
import { answers, OWNER, STAFF } from './intake.support';

export const TODAY = '2026-12-07T15:00:00Z';

export function workspace(now: string): Workspace {
  return new Workspace({ now, scriptTimeZone: 'America/New_York', owner: OWNER, editors: [STAFF], mailQuota: 1500 });
}

export function propose(ws: Workspace, user = OWNER): ProposeOk {
  const p = ws.run('proposeProgramYear', [], { user }) as ProposeOk | { ok: false; error: string };
  if (!p.ok) throw new Error(p.error);
  return p;
}

export function start(ws: Workspace, proposal: unknown, user = OWNER): StartResult {
  return ws.run('startProgramYear', [proposal], { user }) as StartResult;
}

/** The 2023–2024 year as it ran: two applicants, one accepted and invited, then today: the old form closed by the sweep. */
export function lastYearRun(): Workspace {
  const ws = workspace('2023-08-01T14:00:00Z');
  ws.run('setup');
  ws.submitForm({ email: 'jane@ohio.gov', answers: answers({ email: 'jane@ohio.gov', first: 'Jane', communities: ['Learner Voice'] }) });
  ws.submitForm({ email: 'bob@texas.gov', answers: answers({ email: 'bob@texas.gov', first: 'Bob', communities: ['Data and Accountability'] }) });
  ws.clock.set('2023-08-16T14:00:00Z');
  const jane = ws.records('Applications').find((r) => r.Email === 'jane@ohio.gov')!;
  ws.run('decide', [{ applicationIds: [jane['Application ID']], decision: 'accept' }], { user: STAFF });
  ws.clock.set(TODAY);
  ws.run('sweep');
  return ws;
}

/** Replaces Google's ids (forms, events, Meet links) with what they name, so two runs compare. */
function namer(ws: Workspace): (v: unknown) => unknown {
  const names = new Map<string, string>();
  for (const f of ws.allForms) names.set(f.id, `<form ${f.title}>`);
  for (const e of ws.events()) {
    const start = e.start instanceof Date ? e.start.toISOString() : String(e.start);
    names.set(e.id, `<event ${e.summary} ${start}>`);
    names.set(`${e.id}@google.com`, `<event ${e.summary} ${start}>`);
    if (e.hangoutLink) names.set(e.hangoutLink, '<meet>');
  }
  const ids = [...names.keys()].sort((a, b) => b.length - a.length);
  return (v: unknown): unknown => {
    if (typeof v !== 'string') return v instanceof Date ? v.toISOString() : v;
    let s = v;
    for (const id of ids) if (s.includes(id)) s = s.split(id).join(names.get(id) ?? id);
    return s;
  };
}

export interface Snapshot {
  tabs: Record<string, unknown[][]>;
  linkedForms: unknown[];
  unlinkedForms: number;
  events: unknown[];
  outbox: number;
  invitations: number;
  properties: Record<string, unknown>;
}

export function snapshot(ws: Workspace): Snapshot {
  const name = namer(ws);
  const tabs: Record<string, unknown[][]> = {};
  for (const tab of ws.sheetNames()) tabs[tab] = ws.sheet(tab)!.values.map((r) => r.map(name));
  const forms = ws.allForms;
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ws.properties.script)) {
    if (k === 'cop.meetLinks') properties[k] = Object.keys(JSON.parse(v) as Record<string, unknown>).length;
    // the Applications revision is a fresh unique value per write (open review pages poll it): only its presence compares
    else if (k === 'applications.revision') properties[k] = v ? '<revision>' : '';
    // what the Attendance tab last took from Calendar: set after each RSVP sync that wrote, so it
    // depends on when the last sweep ran; a stale one costs one more sync, never a wrong row
    else if (k === 'cop.rsvpSynced') properties[k] = v ? '<fingerprint>' : '';
    else properties[k] = name(v);
  }
  return {
    tabs,
    linkedForms: forms
      .filter((f) => f.destinationId)
      .map((f) => ({
        title: f.title,
        accepting: f.acceptingResponses,
        items: f.items.map((i) => `${i.type} ${i.title} ${i.required}`),
        responses: f.responses,
      })),
    unlinkedForms: forms.filter((f) => !f.destinationId).length,
    events: ws
      .events()
      .map(
        (e) =>
          `${e.summary} ${(e.start as Date).toISOString()} ${(e.end as Date).toISOString()} meet:${!!e.hangoutLink} guests:${e.attendees.map((a) => a.email).join(',')}`,
      )
      .sort(),
    outbox: ws.outbox.length,
    invitations: ws.invitationsSent.length,
    properties,
  };
}
