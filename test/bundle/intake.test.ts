// onFormSubmit / sweep on the built bundle: each case of issue 3.
import type { Workspace } from '../../emulator';
import { applications, confirmations, freshWorkspace, isSheetWrite, logRows, staffEdit, submit, sweepLater } from './intake.support';

describe('a response becomes tagged Applications rows', () => {
  const ws = freshWorkspace();
  const result = submit(ws, { email: 'Jane.Doe@State.gov', communities: ['Learner Voice', 'Data and Accountability'], hopes: 'Ideas' });
  const rows = applications(ws);

  it('one Pending row per chosen community, showing the community name', () => {
    expect(rows.map((r) => [r.Email, r.Community, r.Cohort, r.Status, r.Flags])).toEqual([
      ['jane.doe@state.gov', 'Learner Voice', 'August 2023 – February 2024', 'Pending', ''],
      ['jane.doe@state.gov', 'Data and Accountability', 'September 2023 – March 2024', 'Pending', ''],
    ]);
    expect(rows[0]['First Name']).toBe('Jane');
    expect(rows[0]['Agency Type']).toBe('Lead state CTE agency');
    expect(rows[0].State).toBe('Ohio');
    expect((rows[0].Submitted as Date).toISOString()).toBe('2023-08-01T14:00:00.000Z');
    expect(rows[0]['Response Key']).toBe('2023-08-01T14:00:00.000Z jane.doe@state.gov');
    expect(rows[0]['Application ID']).toMatch(/^APP-/);
    expect(rows[0]['Application ID']).not.toBe(rows[1]['Application ID']);
  });

  it('leaves a Log row carrying the response key', () => {
    const log = logRows(ws).filter((l) => l.Action === 'Response processed');
    expect(log).toHaveLength(1);
    expect(log[0]['Response Key']).toBe(rows[0]['Response Key']);
    expect(log[0]['Application IDs']).toBe(`${String(rows[0]['Application ID'])}, ${String(rows[1]['Application ID'])}`);
  });

  it('sends one confirmation: reply-to the contact, communities with cohort dates, the notify date', () => {
    const mails = confirmations(ws);
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.to).toBe('jane.doe@state.gov');
    expect(m.replyTo).toBe('efabillar@careertech.org');
    expect(m.name).toBe('Advance CTE Communities of Practice');
    expect(m.via).toBe('MailApp');
    expect(m.body).toContain('Learner Voice (August 2023 – February 2024)');
    expect(m.body).toContain('Data and Accountability (September 2023 – March 2024)');
    expect(m.body).toContain('starting August 15, 2023');
    expect(m.htmlBody).toContain('<li><strong>Learner Voice</strong>');
  });

  it('writes under the script lock and mails outside it', () => {
    const exec = result.executions[0];
    const writes = exec.calls.filter(isSheetWrite);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((c) => !c.lockHeld)).toEqual([]);
    const mail = exec.calls.filter((c) => c.service === 'MailApp');
    expect(mail.map((c) => c.method)).toContain('MailApp.sendEmail');
    expect(mail.filter((c) => c.lockHeld)).toEqual([]);
    expect(exec.calls.filter((c) => c.service === 'PropertiesService' && c.method.includes('set')).length).toBeGreaterThan(0);
  });
});

describe('trigger quirks', () => {
  it.each(['twice', 'blank-too'] as const)('firing %s processes the response once', (firing) => {
    const ws = freshWorkspace();
    const r = submit(ws, { email: 'a@state.gov', communities: ['Learner Voice'] }, firing);
    expect(r.executions.length).toBeGreaterThanOrEqual(2);
    expect(r.executions.filter((e) => e.error)).toEqual([]);
    expect(applications(ws)).toHaveLength(1);
    expect(confirmations(ws)).toHaveLength(1);
    expect(logRows(ws).filter((l) => l.Action === 'Response processed')).toHaveLength(1);
  });

  it('a missed firing is caught by the hourly sweep', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', communities: ['Learner Voice', 'Comprehensive Local Needs Assessment'] }, 'none');
    expect(applications(ws)).toHaveLength(0);
    sweepLater(ws);
    expect(applications(ws).map((r) => r.Community)).toEqual(['Learner Voice', 'Comprehensive Local Needs Assessment']);
    expect(confirmations(ws)).toHaveLength(1);
    sweepLater(ws);
    expect(applications(ws)).toHaveLength(2);
    expect(confirmations(ws)).toHaveLength(1);
  });

  it('two responses at once: the second run picks up the first, nothing twice', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov' }, 'none');
    submit(ws, { email: 'b@state.gov' }, 'once');
    expect(applications(ws).map((r) => r.Email)).toEqual(['a@state.gov', 'b@state.gov']);
    expect(
      confirmations(ws)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['a@state.gov', 'b@state.gov']);
  });

  it('a run that cannot get the lock fails; the sweep catches the response up', () => {
    const ws = freshWorkspace();
    ws.faults.failNthCall('Lock.waitLock', 1, new Error('Lock timeout: another process was holding the lock for too long.'));
    const r = submit(ws, { email: 'a@state.gov' });
    expect(r.executions[0].error?.message).toMatch(/Lock timeout/);
    expect(applications(ws)).toHaveLength(0);
    ws.faults.clear();
    sweepLater(ws);
    expect(applications(ws)).toHaveLength(1);
    expect(confirmations(ws)).toHaveLength(1);
  });
});

describe('a renamed responses tab', () => {
  it('is found through its linked form', () => {
    const ws = freshWorkspace();
    ws.state.spreadsheet.sheets.find((s) => s.name === 'Form Responses 1')!.name = 'Responses (do not edit)';
    submit(ws, { email: 'a@state.gov' });
    expect(applications(ws)).toHaveLength(1);
  });
});

describe('the script lock', () => {
  it('a run waits for another process holding the lock, then processes the response', () => {
    const ws = freshWorkspace();
    ws.faults.holdScriptLock(10_000);
    const r = submit(ws, { email: 'a@state.gov' });
    expect(r.executions[0].error).toBeUndefined();
    expect(applications(ws)).toHaveLength(1);
    expect(confirmations(ws)).toHaveLength(1);
  });

  it('a run that cannot get the lock in 30 s fails; the sweep catches the response up once', () => {
    const ws = freshWorkspace();
    ws.faults.holdScriptLock();
    const r = submit(ws, { email: 'a@state.gov' }, 'twice');
    expect(r.executions.map((e) => e.error?.message)).toEqual([
      'Lock timeout: another process was holding the lock for too long.',
      'Lock timeout: another process was holding the lock for too long.',
    ]);
    expect(applications(ws)).toHaveLength(0);
    ws.faults.releaseScriptLock();
    sweepLater(ws);
    expect(applications(ws)).toHaveLength(1);
    expect(confirmations(ws)).toHaveLength(1);
  });
});

describe('mail quota', () => {
  /** The next day's sweep, with the quota renewed. */
  const sweepWithQuotaBack = (ws: Workspace): void => {
    ws.faults.clear();
    ws.clock.advance(24 * 60 * 60 * 1000);
    sweepLater(ws);
  };
  const confirmedTo = (ws: Workspace): string[] =>
    confirmations(ws)
      .map((m) => m.to)
      .sort();

  it('confirmations that do not fit today wait for a later sweep, none twice', () => {
    const ws = freshWorkspace();
    ws.faults.setMailQuota(1);
    submit(ws, { email: 'a@state.gov' });
    submit(ws, { email: 'b@state.gov' }, 'twice');
    submit(ws, { email: 'c@state.gov' });
    expect(applications(ws)).toHaveLength(3);
    expect(confirmations(ws).map((m) => m.to)).toEqual(['a@state.gov']);
    sweepLater(ws);
    expect(confirmations(ws)).toHaveLength(1);
    sweepWithQuotaBack(ws);
    expect(confirmedTo(ws)).toEqual(['a@state.gov', 'b@state.gov', 'c@state.gov']);
    sweepLater(ws);
    expect(confirmations(ws)).toHaveLength(3);
  });

  it('with the quota spent and confirmations waiting, an hourly sweep after the first writes nothing (no lease taken for no mail)', () => {
    const ws = freshWorkspace();
    ws.faults.setMailQuota(1);
    submit(ws, { email: 'a@state.gov' });
    submit(ws, { email: 'b@state.gov' });
    submit(ws, { email: 'c@state.gov' });
    expect(confirmations(ws)).toHaveLength(1);
    sweepLater(ws);
    const props = JSON.stringify(ws.properties.script);
    const logRows = ws.records('Log').length;
    sweepLater(ws);
    expect(JSON.stringify(ws.properties.script)).toBe(props);
    expect(ws.records('Log').length).toBe(logRows);
    expect(ws.lastExecution!.calls.filter(isSheetWrite)).toEqual([]);
    // they still go, each once, when the quota comes back
    sweepWithQuotaBack(ws);
    expect(confirmedTo(ws)).toEqual(['a@state.gov', 'b@state.gov', 'c@state.gov']);
  });

  it('a failed send is retried by the next sweep', () => {
    const ws = freshWorkspace();
    ws.faults.failNthCall('MailApp.sendEmail', 1, new Error('Service unavailable: Gmail'));
    const r = submit(ws, { email: 'a@state.gov' });
    expect(r.executions[0].error).toBeUndefined();
    expect(confirmations(ws)).toHaveLength(0);
    sweepLater(ws);
    expect(confirmations(ws)).toHaveLength(1);
  });
});

describe('flags', () => {
  it('late, eligibility-review, personal-email, incomplete', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'x@gmail.com', agencyType: 'Other', job: '' });
    ws.clock.set('2023-09-16T04:00:00Z');
    submit(ws, { email: 'y@state.gov' });
    const rows = applications(ws);
    expect(rows.map((r) => r.Flags)).toEqual(['eligibility-review, personal-email, incomplete', 'late']);
    const late = confirmations(ws).find((m) => m.to === 'y@state.gov')!;
    expect(late.body).toMatch(/after registration closed/);
  });

  it('keeps an unknown option as a flagged row and matches known ones tolerantly', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', communities: ['  learner   VOICE ', 'Astronomy Club'] });
    expect(applications(ws).map((r) => [r.Community, r.Flags, r.Cohort])).toEqual([
      ['Learner Voice', '', 'August 2023 – February 2024'],
      ['Astronomy Club', 'unknown-community', ''],
    ]);
  });

  it('a missing answer is kept and flagged incomplete', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', first: '', state: '', commitment: false });
    const [row] = applications(ws);
    expect(row.Flags).toBe('incomplete');
    expect(logRows(ws).find((l) => l.Action === 'Response processed')!.Details).toMatch(/missing: First name, State, Commitment/);
  });
});

describe('hostile and odd answers', () => {
  const hostile = {
    first: '=HYPERLINK("http://evil.example","click")',
    last: '+1+1',
    job: '-2+3',
    agency: '@SUM(A1)',
    state: 'Ohio',
  };
  it('are stored as text, never as formulas, and escaped in the email', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', ...hostile, hopes: '<script>alert(1)</script>' });
    const row = applications(ws)[0];
    expect([row['First Name'], row['Last Name'], row['Job Title'], row.Agency]).toEqual([hostile.first, hostile.last, hostile.job, hostile.agency]);
    const sheet = ws.sheet('Applications')!;
    expect(sheet.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(sheet.displayValues[1]).toContain(hostile.first);
    const mail = confirmations(ws)[0];
    expect(mail.htmlBody).toContain('Dear =HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;),');
  });

  it('keeps HTML as text and number- or boolean-looking answers as text', () => {
    const ws = freshWorkspace();
    // Forms itself writes a numeric answer as a number (a leading zero is lost before we see it).
    submit(ws, { email: 'a@state.gov', first: '<b>Bo</b>', agency: '2134', job: 'TRUE', last: '12.5%' });
    const row = applications(ws)[0];
    expect([row['First Name'], row.Agency, row['Job Title'], row['Last Name']]).toEqual(['<b>Bo</b>', '2134', 'TRUE', '12.5%']);
    expect(confirmations(ws)[0].htmlBody).toContain('Dear &lt;b&gt;Bo&lt;/b&gt;,');
  });

  it('cuts a very long answer to the 50,000-character cell limit and logs it', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', agency: 'A'.repeat(70000) });
    const row = applications(ws)[0];
    expect(String(row.Agency)).toHaveLength(50000);
    expect(logRows(ws).find((l) => l.Action === 'Response processed')!.Details).toMatch(/cut to 50,000 characters: Agency or organization/);
  });
});

describe('resubmissions', () => {
  it('updates the Pending row (resubmitted); a new community adds a row', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', communities: ['Learner Voice'] });
    const id = applications(ws)[0]['Application ID'];
    ws.clock.advance(60_000);
    submit(ws, { email: 'A@State.gov', first: 'Janet', communities: ['Learner Voice', 'Data and Accountability'] });
    const rows = applications(ws);
    expect(rows.map((r) => [r['Application ID'] === id, r.Community, r['First Name'], r.Flags])).toEqual([
      [true, 'Learner Voice', 'Janet', 'resubmitted'],
      [false, 'Data and Accountability', 'Janet', ''],
    ]);
    expect((rows[0].Submitted as Date).toISOString()).toBe('2023-08-01T14:01:00.000Z');
    expect(confirmations(ws)).toHaveLength(2);
  });

  it('never resets a decision already made, and logs it', () => {
    const ws = freshWorkspace();
    submit(ws, { email: 'a@state.gov', communities: ['Learner Voice'] });
    staffEdit(ws, 'Applications', 2, 'Status', 'Accepted');
    staffEdit(ws, 'Applications', 2, 'Decided By', 'staff@careertech.org');
    ws.clock.advance(60_000);
    submit(ws, { email: 'a@state.gov', first: 'Changed', communities: ['Learner Voice'] });
    const rows = applications(ws);
    expect(rows).toHaveLength(1);
    expect([rows[0].Status, rows[0]['First Name'], rows[0]['Decided By']]).toEqual(['Accepted', 'Jane', 'staff@careertech.org']);
    expect(
      logRows(ws)
        .filter((l) => l.Action === 'Response processed')
        .pop()!.Details,
    ).toMatch(/decision kept \(Accepted\)/);
  });
});

describe('settings', () => {
  it('Send confirmations FALSE sends none', () => {
    const ws = freshWorkspace();
    setSetting(ws, 'Send confirmations', false);
    submit(ws, { email: 'a@state.gov' });
    expect(applications(ws)).toHaveLength(1);
    expect(confirmations(ws)).toHaveLength(0);
  });

  it('sweep closes the form after the deadline, naming the contact, and never reopens it', () => {
    const ws = freshWorkspace();
    sweepLater(ws);
    expect(ws.form!.acceptingResponses).toBe(true);
    ws.clock.set('2023-09-16T04:30:00Z');
    ws.runTimeTriggers();
    expect(ws.form!.acceptingResponses).toBe(false);
    expect(ws.form!.closedMessage).toMatch(/Eliza Fabillar at efabillar@careertech.org/);
    expect(logRows(ws).map((l) => l.Action)).toContain('Form closed');
    // Staff reopen the form by hand: the sweep leaves it as they set it.
    ws.state.forms[0].acceptingResponses = true;
    sweepLater(ws);
    expect(ws.form!.acceptingResponses).toBe(true);
    expect(logRows(ws).filter((l) => l.Action === 'Form closed')).toHaveLength(1);
  });

  it('does not close the form when Close form at deadline is FALSE', () => {
    const ws = freshWorkspace();
    setSetting(ws, 'Close form at deadline', false);
    ws.clock.set('2023-09-16T04:30:00Z');
    ws.runTimeTriggers();
    expect(ws.form!.acceptingResponses).toBe(true);
  });
});

function setSetting(ws: Workspace, name: string, value: unknown): void {
  const rows = ws.records('Settings');
  const i = rows.findIndex((r) => r.Setting === name);
  staffEdit(ws, 'Settings', i + 2, 'Value', value);
}
