// The pure half of Check installation and of the result dialogs: the checks
// that need no platform to fail, and the report page's escaping.
import { checkDateFormat, checkScopes, checkTriggers, CHECK_IDS, type InstallCheck } from '../../src/domain/install/checks';
import { orderChecks, renderReportHtml, reportHeight } from '../../src/domain/install/report';

describe('install checks (pure)', () => {
  it('triggers: a trigger run that stopped for missing permissions warns and names who must grant them', () => {
    const c = checkTriggers({
      user: 'a@x.org',
      installer: 'a@x.org',
      spreadsheetId: 's',
      mine: [
        { handler: 'onFormSubmit', eventType: 'ON_FORM_SUBMIT', sourceId: 's' },
        { handler: 'sweep', eventType: 'CLOCK', sourceId: '' },
      ],
      stoppedForScopes: { at: '2023-08-01T14:00:00.000Z', trigger: 'sweep', missing: ['https://www.googleapis.com/auth/calendar'] },
    });
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/hourly run of 2023-08-01 14:00 UTC stopped/);
    expect(c.detail).toMatch(/calendar/);
    expect(c.fix).toMatch(/^a@x\.org opens/);
  });

  it('scopes: missing ones are named and the authorization link kept only when https', () => {
    const c = checkScopes({
      supported: true,
      required: true,
      missing: ['https://www.googleapis.com/auth/calendar'],
      authorizationUrl: 'https://script.google.com/macros/auth?x=1',
    });
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('calendar');
    expect(c.link).toBe('https://script.google.com/macros/auth?x=1');
    expect(checkScopes({ supported: true, required: true, missing: [], authorizationUrl: 'javascript:alert(1)' }).link).toBeUndefined();
    expect(checkScopes({ supported: true, required: false, missing: [], authorizationUrl: '' }).status).toBe('ok');
  });

  it('date-format: a date text that differs from the platform fails and shows both', () => {
    const c = checkDateFormat('Asia/Kolkata', [{ label: 'meeting 1', ours: 'Tuesday, 2:00 pm GMT+5:30', platform: 'Tuesday, 2:00 pm IST' }]);
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('GMT+5:30');
    expect(c.detail).toContain('IST');
  });

  it('triggers: none at all for the installer fails; the form-submit trigger of another sheet fails', () => {
    expect(checkTriggers({ user: 'a@x.org', installer: 'a@x.org', mine: [], spreadsheetId: 's' }).status).toBe('fail');
    const other = checkTriggers({
      user: 'a@x.org',
      installer: '',
      spreadsheetId: 's',
      mine: [
        { handler: 'onFormSubmit', eventType: 'ON_FORM_SUBMIT', sourceId: 'other' },
        { handler: 'sweep', eventType: 'CLOCK', sourceId: '' },
      ],
    });
    expect(other.status).toBe('fail');
    expect(other.detail).toMatch(/another spreadsheet/);
  });
});

describe('report dialog page', () => {
  const hostile = '<img src=x onerror=alert(1)> & "quotes" \'single\'';
  const checks: InstallCheck[] = CHECK_IDS.map((id, i) => ({
    id,
    title: `T ${hostile}`,
    status: i === 3 ? 'fail' : i === 5 ? 'warn' : 'ok',
    detail: hostile,
    fix: hostile,
  }));

  it('escapes every piece of text, and carries no script but the Close button', () => {
    const html = renderReportHtml({ title: hostile, headline: hostile, lines: [`Error: ${hostile}\nsecond line`], checks });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/on[a-z]+="/g)).toEqual(['onclick="']);
    expect(html).toContain('<li>second line</li>');
  });

  it('shows problems first, each with an icon AND a word, and the fix only where something is wrong', () => {
    expect(
      orderChecks(checks)
        .map((c) => c.status)
        .slice(0, 2),
    ).toEqual(['fail', 'warn']);
    const html = renderReportHtml({ title: 'Check installation', headline: 'x', checks });
    expect(html.indexOf('data-check="triggers"')).toBeLessThan(html.indexOf('data-check="scopes"'));
    expect(html).toMatch(/<span class="icon" aria-hidden="true">✕<\/span>.*?<span class="status">Problem<\/span>/);
    expect(html).toMatch(/<span class="status">Needs attention<\/span>/);
    expect((html.match(/What to do:/g) ?? []).length).toBe(2);
  });

  it('sizes the dialog to its content within the limits', () => {
    expect(reportHeight({ title: 't', headline: 'h', lines: ['a'] })).toBe(220);
    expect(reportHeight({ title: 't', headline: 'h', lines: ['a'], checks })).toBe(640);
  });
});
