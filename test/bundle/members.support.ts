// Shared fixture of the members bundle tests: a set-up program with accepted (and told) members.
import type { Workspace } from '../../emulator';
import { runScript } from '../support/seed';
import { addApplications, type Applicant } from './notify.support';

/** Writes one cell of the Meetings tab (what staff do when they paste an agenda). */
export function setAgenda(ws: Workspace, community: string, n: number, agenda: string): void {
  runScript(
    ws,
    `function agenda_(community, n, agenda) {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Meetings');
      var v = sh.getDataRange().getValues();
      var c = v[0].indexOf('Agenda'), k = v[0].indexOf('Community'), m = v[0].indexOf('Meeting');
      if (c < 0) throw new Error('no Agenda column');
      for (var r = 1; r < v.length; r++) if (v[r][k] === community && Number(v[r][m]) === n) { sh.getRange(r + 1, c + 1).setValue(agenda); return; }
      throw new Error('no meeting ' + community + ' ' + n);
    }`,
    'agenda_',
    [community, n, agenda],
  );
}

export function setSetting(ws: Workspace, name: string, value: unknown): void {
  runScript(
    ws,
    `function setting_(name, value) {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings');
      var v = sh.getDataRange().getValues();
      for (var r = 1; r < v.length; r++) if (v[r][0] === name) { sh.getRange(r + 1, 2).setValue(value); return; }
      throw new Error('no setting ' + name);
    }`,
    'setting_',
    [name, value],
  );
}

/** Members accepted and told; the next delivery run makes them guests of their open meetings (no email). */
export function addMembers(ws: Workspace, members: Omit<Applicant, 'status'>[]): void {
  addApplications(
    ws,
    members.map((m) => ({ notified: 'Accepted', invited: '', ...m, status: 'Accepted' })),
  );
}

/** Agenda emails in the outbox (subject of the default `Agenda` template). */
export function agendaMails(ws: Workspace, to?: string) {
  return ws.outbox.filter((m) => /: agenda for /.test(m.subject) && (!to || m.to.toLowerCase() === to.toLowerCase()));
}

export function followUpMails(ws: Workspace, to?: string) {
  return ws.outbox.filter((m) => /we missed you/.test(m.subject) && (!to || m.to.toLowerCase() === to.toLowerCase()));
}

export function sheetSnapshot(ws: Workspace, tab: string): string {
  return JSON.stringify(ws.sheet(tab)?.values ?? null);
}
