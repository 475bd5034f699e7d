// setup() on the built bundle: the form, the five tabs, the triggers; idempotent and repairing.
import { Workspace } from '../../emulator';
import { DEFAULT_COMMUNITIES, STATES_AND_TERRITORIES } from '../../src/domain/program/defaults';
import { APPLICATION_HEADERS, COMMUNITY_HEADERS, LOG_HEADERS, MEETING_HEADERS, SETTINGS_HEADERS } from '../../src/domain/program/layout';
import { deleteRows, setCell } from '../../emulator/spreadsheet/sheetModel';
import { OWNER, STAFF } from './intake.support';

function newWorkspace(): Workspace {
  return new Workspace({ now: '2023-07-20T14:00:00Z', scriptTimeZone: 'America/New_York', owner: OWNER, editors: [STAFF], mailQuota: 100 });
}

function headers(ws: Workspace, tab: string): unknown[] {
  return ws.sheet(tab)!.values[0].filter((h) => h !== '');
}

describe('setup on a fresh spreadsheet', () => {
  const ws = newWorkspace();
  const summary = ws.run('setup') as string;

  it('returns and shows a summary', () => {
    expect(summary).toMatch(/Form: created/);
    expect(summary).toMatch(/Triggers: installed/);
    // the full summary, in a dialog (a toast would cut it at about 160 characters)
    const dialog = ws.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Set up: Communities of Practice');
    expect(dialog.modal).toBe(true);
    expect(dialog.html).toContain('Form: created');
    expect(dialog.html).toContain('Triggers: installed');
  });

  it('creates the two-page form with the exact questions, linked to the sheet', () => {
    const form = ws.form!;
    expect(form.title).toBe('2023–2024 Communities of Practice Application');
    expect(form.collectsEmail).toBe(true);
    expect(form.acceptingResponses).toBe(true);
    const questions = form.items.filter((i) => i.type !== 'PAGE_BREAK');
    expect(questions.map((i) => [i.title, i.type, i.required])).toEqual([
      ['First name', 'TEXT', true],
      ['Last name', 'TEXT', true],
      ['Job title', 'TEXT', true],
      ['Agency or organization', 'TEXT', true],
      ['Agency type', 'MULTIPLE_CHOICE', true],
      ['State', 'LIST', true],
      ['Communities of Practice', 'CHECKBOX', true],
      ['What do you hope to gain?', 'PARAGRAPH_TEXT', false],
      ['Commitment', 'CHECKBOX', true],
    ]);
    expect(form.items.filter((i) => i.type === 'PAGE_BREAK').map((i) => i.title)).toEqual(['Your communities and commitment']);
    expect(new Set(form.items.map((i) => i.title)).size).toBe(form.items.length);
    const byTitle = Object.fromEntries(form.items.map((i) => [i.title, i]));
    expect(byTitle['Agency type'].choices).toEqual(['Lead state CTE agency', 'State-level partnering agency', 'Other']);
    expect(byTitle.State.choices).toEqual([...STATES_AND_TERRITORIES]);
    expect(byTitle.State.choices).toHaveLength(56);
    expect(byTitle['Communities of Practice'].choices).toEqual(DEFAULT_COMMUNITIES.map((c) => c.name));
    for (const c of DEFAULT_COMMUNITIES) expect(byTitle['Communities of Practice'].helpText).toContain(c.description);
    expect(byTitle['Communities of Practice'].helpText).toContain('Learner Voice (August 2023 to February 2024)');
    expect(byTitle['Communities of Practice'].helpText).toContain('Data and Accountability (September 2023 to March 2024)');
    expect(byTitle.Commitment.choices).toHaveLength(1);
    expect(form.description).toContain('efabillar@careertech.org');
    expect(form.description).toContain('Friday, September 15, 2023');
    expect(ws.sheetNames()).toContain('Form Responses 1');
  });

  it('creates the five tabs with the exact headers and seeded rows', () => {
    expect(headers(ws, 'Applications')).toEqual([...APPLICATION_HEADERS]);
    expect(headers(ws, 'Communities')).toEqual([...COMMUNITY_HEADERS]);
    expect(headers(ws, 'Meetings')).toEqual([...MEETING_HEADERS]);
    expect(headers(ws, 'Settings')).toEqual([...SETTINGS_HEADERS]);
    expect(headers(ws, 'Log')).toEqual([...LOG_HEADERS]);
    const settings = Object.fromEntries(ws.records('Settings').map((r) => [String(r.Setting), r.Value]));
    expect(Object.keys(settings)).toEqual([
      'Program',
      'Time zone',
      'Registration deadline',
      'Notify from',
      'Contact name',
      'Contact email',
      'Sender name',
      'Calendar ID',
      'Send confirmations',
      'Close form at deadline',
      'Reviewers',
      'Agenda lead days',
      'Send attendance follow-up',
    ]);
    expect(settings.Program).toBe('2023–2024 Communities of Practice');
    expect((settings['Registration deadline'] as Date).toISOString()).toBe('2023-09-16T03:59:00.000Z');
    expect((settings['Notify from'] as Date).toISOString()).toBe('2023-08-15T04:00:00.000Z');
    expect(settings['Send confirmations']).toBe(true);
    expect(settings['Close form at deadline']).toBe(true);
    expect(settings.Reviewers).toBe('');
    const communities = ws.records('Communities');
    expect(communities.map((c) => [c.Key, c.Community, c.Capacity])).toEqual(DEFAULT_COMMUNITIES.map((c) => [c.key, c.name, '']));
    const meetings = ws.records('Meetings');
    expect(meetings).toHaveLength(16);
    const clna = meetings.filter((m) => m.Community === 'clna').map((m) => (m.Start as Date).toISOString());
    // 2:00 pm ET across daylight saving: 18:00Z in EDT, 19:00Z in EST.
    expect(clna).toEqual(['2023-08-29T18:00:00.000Z', '2023-10-24T18:00:00.000Z', '2023-12-12T19:00:00.000Z', '2024-02-27T19:00:00.000Z']);
  });

  it('installs exactly one form-submit trigger and one hourly sweep', () => {
    const submit = ws.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT');
    const clock = ws.triggers.filter((t) => t.eventType === 'CLOCK');
    expect(submit.map((t) => [t.handler, t.source])).toEqual([['onFormSubmit', 'SPREADSHEETS']]);
    expect(clock.map((t) => [t.handler, t.everyHours])).toEqual([['sweep', 1]]);
  });

  it('holds the script lock for every sheet write', () => {
    const exec = ws.executions.find((e) => e.fn === 'setup')!;
    const writes = exec.calls.filter((c) => c.service === 'SpreadsheetApp' && /\.(setValues|setValue|insertRowsAfter|setNumberFormat)$/.test(c.method));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((c) => !c.lockHeld)).toEqual([]);
  });

  it('creates nothing the second time', () => {
    const before = {
      sheets: ws.sheetNames(),
      triggers: ws.triggers.length,
      settings: ws.records('Settings').length,
      meetings: ws.records('Meetings').length,
      communities: ws.records('Communities').length,
      items: ws.form!.items.length,
    };
    const again = ws.run('setup') as string;
    expect(again).toMatch(/Tabs: already in place/);
    expect(again).toMatch(/Form: already in place/);
    expect(again).toMatch(/Triggers: already in place/);
    expect({
      sheets: ws.sheetNames(),
      triggers: ws.triggers.length,
      settings: ws.records('Settings').length,
      meetings: ws.records('Meetings').length,
      communities: ws.records('Communities').length,
      items: ws.form!.items.length,
    }).toEqual(before);
  });
});

describe('setup repairs what is missing', () => {
  it('re-adds a deleted tab, a deleted Settings row and a missing trigger, removes a duplicate trigger, keeps staff data', () => {
    const ws = newWorkspace();
    ws.run('setup');
    const state = ws.state;
    state.spreadsheet.sheets = state.spreadsheet.sheets.filter((s) => s.name !== 'Log');
    const settings = state.spreadsheet.sheets.find((s) => s.name === 'Settings')!;
    const reviewersRow = settings.rows.findIndex((r) => r?.[0]?.v === 'Reviewers') + 1;
    deleteRows(settings, reviewersRow, 1);
    const programRow = settings.rows.findIndex((r) => r?.[0]?.v === 'Program') + 1;
    setCell(settings, programRow, 2, { v: 'Staff renamed program' });
    const submit = state.triggers.find((t) => t.handler === 'onFormSubmit')!;
    state.triggers = state.triggers.filter((t) => t.handler !== 'sweep');
    state.triggers.push({ ...submit, uid: `${submit.uid}-copy` });
    const summary = ws.run('setup') as string;
    expect(summary).toMatch(/created the Log tab/);
    expect(summary).toMatch(/seeded Settings: Reviewers/);
    expect(summary).toMatch(/installed the hourly sweep/);
    expect(summary).toMatch(/removed 1 duplicate trigger/);
    expect(ws.sheetNames()).toContain('Log');
    expect(ws.triggers.filter((t) => t.handler === 'sweep')).toHaveLength(1);
    expect(ws.triggers.filter((t) => t.handler === 'onFormSubmit')).toHaveLength(1);
    const values = Object.fromEntries(ws.records('Settings').map((r) => [String(r.Setting), r.Value]));
    expect(values.Program).toBe('Staff renamed program');
    expect('Reviewers' in values).toBe(true);
    expect(ws.records('Communities')).toHaveLength(4);
    expect(ws.records('Meetings')).toHaveLength(16);
    expect(ws.forms).toBe(1);
  });
});
