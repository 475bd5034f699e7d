import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { checkBundle, checkPageHtml, SPEC_ENTRY_POINTS } from '../support/bundleContract';

const dist = path.join(__dirname, '..', '..', 'dist');
const code = readFileSync(path.join(dist, 'Code.js'), 'utf8');

describe('dist/Code.js contract', () => {
  it('is a classic script whose only public functions are the SPEC entry points', () => {
    const report = checkBundle(code);
    expect(report.problems).toEqual([]);
    expect([...report.topLevelFunctions].sort()).toEqual([...SPEC_ENTRY_POINTS].sort());
  });

  it('loads in a bare V8 context and exposes every entry point as a global function', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of SPEC_ENTRY_POINTS) expect(typeof context[name]).toBe('function');
  });

  it('fails when an entry point is missing', () => {
    const broken = code.replace(/^function sweep\(\)/m, 'function sweepRenamed_()');
    expect(checkBundle(broken).problems).toContain('entry point sweep is not a top-level function declaration');
  });

  it('fails when a helper is exposed', () => {
    expect(checkBundle(`${code}\nfunction parseRow(x) { return x; }\n`).problems).toContain('helper parseRow is exposed (top-level, no trailing _)');
    expect(checkBundle(`${code}\nvar leak = function () {};\n`).problems).toContain('helper leak is exposed (top-level, no trailing _)');
  });

  it('fails on module syntax', () => {
    expect(checkBundle(`${code}\nexport { sweep };\n`).problems.join()).toMatch(/module syntax/);
  });
});

// Every page of rollup.config.mjs's PAGES (dist/*.html), not only the sidebar.
const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));

describe('dist/*.html pages', () => {
  it('include the sidebar and the review window', () => {
    expect(pages).toEqual(expect.arrayContaining(['Sidebar.html', 'ReviewWindow.html']));
  });
  it.each(pages)('%s is one self-contained page within the 150 KB budget', (name) => {
    const html = readFileSync(path.join(dist, name), 'utf8');
    expect(checkPageHtml(html, name)).toEqual([]);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
  });
  it('fails on a page that loads a script from elsewhere', () => {
    expect(checkPageHtml('<style>a{}</style><script src="https://cdn.example/x.js"></script>', 'X.html')).toContain('X.html loads an external script');
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as {
    timeZone: string;
    runtimeVersion: string;
    dependencies: { enabledAdvancedServices: unknown[] };
    oauthScopes: string[];
    webapp?: unknown;
  };
  it('runs V8 in America/New_York with the Calendar advanced service', () => {
    expect(manifest.timeZone).toBe('America/New_York');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' });
  });
  it('asks for narrow scopes only', () => {
    const scopes: string[] = manifest.oauthScopes;
    expect(scopes).not.toContain('https://mail.google.com/');
    expect(scopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    // The applicant web app has no active spreadsheet and opens the sheet by ID, which
    // spreadsheets.currentonly is not documented to allow: the full spreadsheets scope, and no
    // Drive scope (openById needs none).
    expect(scopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(scopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(scopes.filter((s) => /\/drive/.test(s))).toEqual([]);
    expect(new Set(scopes).size).toBe(scopes.length);
  });
  it('declares the applicant web app: runs as the deployer, anyone may open it', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });
});
