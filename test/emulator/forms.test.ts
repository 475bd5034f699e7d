import { probeWorkspace } from './helpers';
import type { Workspace } from '../../emulator';

/** A linked form with email collection, a text, a list and a checkbox question, and the probe's onSubmit trigger. */
function linkedWorkspace(): Workspace {
  const ws = probeWorkspace();
  ws.run('setupForm');
  return ws;
}

describe('forms', () => {
  it('creates forms with settings and items', () => {
    const ws = probeWorkspace();
    const out = ws.run('js', [
      "var f = FormApp.create('Apply', true); f.setDescription('Join us').setCollectEmail(true).setConfirmationMessage('Thanks').setAcceptingResponses(true).setCustomClosedFormMessage('Closed; write to e@x.org');" +
        "f.addTextItem().setTitle('First name').setRequired(true).setHelpText('Given name');" +
        "f.addParagraphTextItem().setTitle('What do you hope to gain?');" +
        "f.addMultipleChoiceItem().setTitle('Agency type').setChoiceValues(['Lead state CTE agency', 'Other']);" +
        "f.addListItem().setTitle('State').setChoiceValues(['Ohio', 'Utah']);" +
        "f.addPageBreakItem().setTitle('Page 2'); f.addSectionHeaderItem().setTitle('About you');" +
        "var cb = f.addCheckboxItem().setTitle('Communities of Practice'); cb.setChoices([cb.createChoice('Learner Voice'), cb.createChoice('Data and Accountability')]);" +
        'var items = f.getItems();' +
        'return [items.length, items.map(function (i) { return i.getType(); }), items[6].asCheckboxItem().getChoices().map(function (c) { return c.getValue(); }),' +
        ' f.getItems(FormApp.ItemType.CHECKBOX).length, f.isAcceptingResponses(), f.getCustomClosedFormMessage(), f.getPublishedUrl().indexOf("/viewform") > 0, FormApp.openById(f.getId()).getTitle(), FormApp.openByUrl(f.getEditUrl()).getId() === f.getId(), FormApp.openByUrl(f.getPublishedUrl()).getId() === f.getId()];',
    ]);
    expect(out).toEqual([
      7,
      ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'PAGE_BREAK', 'SECTION_HEADER', 'CHECKBOX'],
      ['Learner Voice', 'Data and Accountability'],
      1,
      true,
      'Closed; write to e@x.org',
      true,
      'Apply',
      true,
      true,
    ]);
    expect(ws.form).toMatchObject({
      title: 'Apply',
      description: 'Join us',
      collectsEmail: true,
      acceptingResponses: true,
      closedMessage: 'Closed; write to e@x.org',
      destinationId: null,
      items: expect.arrayContaining([{ id: expect.any(Number), type: 'TEXT', title: 'First name', helpText: 'Given name', required: true }]),
    });
  });

  it("linking creates 'Form Responses 1' first, with Timestamp, Email Address and one column per question", () => {
    const ws = linkedWorkspace();
    expect(ws.sheetNames()).toEqual(['Form Responses 1', 'Sheet1']);
    expect(ws.sheet('Form Responses 1')?.values).toEqual([['Timestamp', 'Email Address', 'First name', 'Communities']]);
    expect(ws.sheet('Form Responses 1')?.frozenRows).toBe(1);
    expect(ws.form?.destinationId).toBe(ws.spreadsheetId);
    expect(
      ws.run('js', [
        'var ss = SpreadsheetApp.getActiveSpreadsheet(); return [FormApp.openByUrl(ss.getFormUrl()).getDestinationId() === ss.getId(), ss.getSheetByName("Form Responses 1").getFormUrl() === ss.getFormUrl()];',
      ]),
    ).toEqual([true, true]);
    // A question added after linking appends a column; renaming a question renames its header.
    ws.run('js', [
      "var f = FormApp.openByUrl(SpreadsheetApp.getActiveSpreadsheet().getFormUrl()); f.addTextItem().setTitle('State'); f.getItems()[0].setTitle('Given name');",
    ]);
    expect(ws.sheet('Form Responses 1')?.values[0]).toEqual(['Timestamp', 'Email Address', 'Given name', 'Communities', 'State']);
  });

  it('writes a submission the way Google does and fires the trigger with the real SheetsOnFormSubmit event', () => {
    const ws = linkedWorkspace();
    ws.clock.set('2023-08-01T14:03:22Z');
    const r = ws.submitForm({ email: 'jane@state.gov', answers: { 'First name': 'Jane', Communities: ['A', 'B'] } });
    expect(r.row).toBe(2);
    expect(r.responseId).toMatch(/^2_/);
    expect(ws.records('Form Responses 1')).toEqual([
      { Timestamp: new Date('2023-08-01T14:03:22Z'), 'Email Address': 'jane@state.gov', 'First name': 'Jane', Communities: 'A, B' },
    ]);
    expect(ws.sheet('Form Responses 1')?.displayValues[1][0]).toBe('8/1/2023 10:03:22');
    expect(r.executions).toHaveLength(1);
    const [exec] = r.executions;
    expect(exec.error).toBeUndefined();
    expect(exec.user).toBe('owner@careertech.org');
    expect(exec.trigger).toEqual({ uid: ws.triggers[0].uid, eventType: 'ON_FORM_SUBMIT' });
    // The probe's onSubmit logs [namedValues JSON, values joined, range row, range value is a Date].
    expect(ws.sheet('Log')?.values).toEqual([
      [
        JSON.stringify({ Timestamp: ['8/1/2023 10:03:22'], 'Email Address': ['jane@state.gov'], 'First name': ['Jane'], Communities: ['A, B'] }),
        '8/1/2023 10:03:22|jane@state.gov|Jane|A, B',
        2,
        true,
      ],
    ]);
  });

  it('passes the documented event fields: authMode FULL, triggerUid, values (strings), namedValues, range', () => {
    const ws = linkedWorkspace();
    ws.run('js', [
      "ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); ScriptApp.newTrigger('captureEvent').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();",
    ]);
    ws.clock.set('2023-09-15T23:59:30Z');
    ws.submitForm({ email: 'a@state.gov', answers: { 'First name': '42', Communities: ['B'] } });
    expect(JSON.parse(ws.properties.script.event)).toEqual({
      authMode: 'FULL',
      triggerUid: ws.triggers[0].uid,
      values: ['9/15/2023 19:59:30', 'a@state.gov', '42', 'B'],
      valueTypes: ['string', 'string', 'string', 'string'],
      namedValues: { Timestamp: ['9/15/2023 19:59:30'], 'Email Address': ['a@state.gov'], 'First name': ['42'], Communities: ['B'] },
      namedValuesAreArrays: true,
      range: 'A2:D2',
      rangeSheet: 'Form Responses 1',
      rangeValues: [['2023-09-15T23:59:30.000Z', 'a@state.gov', 42, 'B']],
    });
  });

  it.each([
    ['once', 1],
    ['twice', 2],
    ['blank-too', 2],
    ['none', 0],
  ] as const)('firing %s runs the trigger %i time(s)', (firing, runs) => {
    const ws = linkedWorkspace();
    const r = ws.submitForm({ email: 'a@state.gov', answers: { 'First name': 'Al' } }, { firing });
    expect(r.executions).toHaveLength(runs);
    expect(ws.sheet('Form Responses 1')?.values).toHaveLength(2);
    const log = ws.sheet('Log')?.values ?? [];
    expect(log).toHaveLength(runs);
    if (firing === 'blank-too') {
      expect(log[1][1]).toMatch(/^\d+\/\d+\/\d{4} \d+:\d{2}:\d{2}\|\|\|$/);
      expect((JSON.parse(String(log[1][0])) as Record<string, unknown>)['First name']).toEqual(['']);
    }
  });

  it('fires every installed trigger, each as its owner (two installs = two runs)', () => {
    const ws = linkedWorkspace();
    ws.run('js', ["ScriptApp.newTrigger('onSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();"], { user: 'staff@careertech.org' });
    const r = ws.submitForm({ email: 'a@state.gov', answers: {} });
    expect(r.executions.map((e) => e.user)).toEqual(['owner@careertech.org', 'staff@careertech.org']);
  });

  it('gives form-bound triggers {authMode, response, source, triggerUid}', () => {
    const ws = linkedWorkspace();
    ws.run('js', [
      "ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); ScriptApp.newTrigger('onFormEvent').forForm(FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl())).onFormSubmit().create();",
    ]);
    ws.submitForm({ email: 'jo@state.gov', answers: { 'First name': 'Jo', Communities: ['B'] } });
    expect(ws.properties.script.formEvent).toBe(
      JSON.stringify({
        authMode: 'FULL',
        email: 'jo@state.gov',
        items: [
          ['First name', 'Jo'],
          ['Communities', ['B']],
        ],
        isDate: true,
        source: 'Apply',
      }),
    );
  });

  it('keeps responses in the form (getResponses) and refuses submissions when closed', () => {
    const ws = linkedWorkspace();
    ws.submitForm({ email: 'a@state.gov', answers: { 'First name': 'A' } });
    ws.clock.advance(60000);
    ws.submitForm({ email: 'b@state.gov', answers: { 'First name': 'B', Communities: ['A'] } });
    const out = ws.run('js', [
      'var f = FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()); var rs = f.getResponses();' +
        'return rs.map(function (r) { return [r.getRespondentEmail(), r.getTimestamp() instanceof Date, r.getItemResponses().map(function (i) { return [i.getItem().getTitle(), i.getResponse()]; }), f.getResponse(r.getId()).getId() === r.getId()]; });',
    ]);
    expect(out).toEqual([
      ['a@state.gov', true, [['First name', 'A']], true],
      [
        'b@state.gov',
        true,
        [
          ['First name', 'B'],
          ['Communities', ['A']],
        ],
        true,
      ],
    ]);
    ws.run('js', ["FormApp.openByUrl(SpreadsheetApp.getActive().getFormUrl()).setAcceptingResponses(false).setCustomClosedFormMessage('Closed');"]);
    expect(() => ws.submitForm({ email: 'c@state.gov', answers: {} })).toThrow(/not accepting responses/);
    expect(() => linkedWorkspace().submitForm({ answers: { Nope: 'x' } })).toThrow(/no question titled "Nope"/);
  });

  it('copies existing responses into the tab when a form is linked later', () => {
    const ws = probeWorkspace();
    ws.run('js', ["var f = FormApp.create('Late'); f.addTextItem().setTitle('Q'); PropertiesService.getScriptProperties().setProperty('formId', f.getId());"]);
    const form = ws.state.forms[0];
    form.responses.push({ id: '2_x', timestamp: new Date('2023-08-01T12:00:00Z'), email: '', answers: [{ itemId: form.items[0].id, response: 'old' }] });
    ws.run('js', [
      "FormApp.openById(PropertiesService.getScriptProperties().getProperty('formId')).setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());",
    ]);
    expect(ws.records('Form Responses 1')).toEqual([{ Timestamp: new Date('2023-08-01T12:00:00Z'), Q: 'old' }]);
  });
});
