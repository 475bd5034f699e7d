// Checks the shape Apps Script needs of dist/Code.js: a classic script (no import/export) whose
// top-level function declarations are exactly the SPEC's entry points plus private `_` helpers.
import ts from 'typescript';

export const SPEC_ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'setup',
  'onFormSubmit',
  'sweep',
  'showSidebar',
  'sendDueNotifications',
  'getReviewState',
  'decide',
  'previewNotification',
  'getMembersState',
  'recordAttendance',
  'checkInstallation',
  // menu actions and page endpoints the product calls by name (SPEC "Entry points", README)
  'showReviewWindow',
  'getReviewRevision',
  'showInstallationCheck',
  'showMembers',
  'showProgramYearDialog',
  'proposeProgramYear',
  'startProgramYear',
  // the applicant web app (SPEC behaviour 9) and the menu action the product calls by name
  'doGet',
  'applicantView',
  'applicantWithdraw',
  'resetApplicantLinks',
] as const;

export interface ContractReport {
  problems: string[];
  topLevelFunctions: string[];
}

export function checkBundle(code: string): ContractReport {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const problems: string[] = [];
  const topLevelFunctions: string[] = [];
  const parseErrors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of parseErrors) problems.push(`syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);

  for (const stmt of file.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt) || ts.isExportAssignment(stmt)) {
      problems.push(`module syntax at top level: ${stmt.getText().slice(0, 60)}`);
      continue;
    }
    const modifiers = ts.canHaveModifiers(stmt) ? (ts.getModifiers(stmt) ?? []) : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      problems.push(`exported declaration at top level: ${stmt.getText().slice(0, 60)}`);
    }
    if (ts.isFunctionDeclaration(stmt) && stmt.name) {
      topLevelFunctions.push(stmt.name.text);
    } else if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        const name = d.name.getText();
        const isFunction = d.initializer && (ts.isFunctionExpression(d.initializer) || ts.isArrowFunction(d.initializer));
        // V8 "improved function detection" also exposes `var x = function () {}`.
        if (isFunction) topLevelFunctions.push(name);
        else if (!name.endsWith('_')) problems.push(`top-level variable ${name} does not end in _`);
      }
    } else if (ts.isClassDeclaration(stmt) && stmt.name && !stmt.name.text.endsWith('_')) {
      problems.push(`top-level class ${stmt.name.text} does not end in _`);
    }
  }
  const entry = new Set<string>(SPEC_ENTRY_POINTS);
  for (const name of SPEC_ENTRY_POINTS) {
    if (!topLevelFunctions.includes(name)) problems.push(`entry point ${name} is not a top-level function declaration`);
  }
  for (const name of topLevelFunctions) {
    if (!entry.has(name) && !name.endsWith('_')) problems.push(`helper ${name} is exposed (top-level, no trailing _)`);
  }
  const seen = new Set<string>();
  for (const name of topLevelFunctions) {
    if (seen.has(name)) problems.push(`top-level function ${name} is declared twice`);
    seen.add(name);
  }
  return { problems, topLevelFunctions };
}

/** A page HtmlService can serve: one file, script and styles inline, nothing loaded from elsewhere. */
export function checkPageHtml(html: string, name = 'Sidebar.html'): string[] {
  const problems: string[] = [];
  if (/<script[^>]*\bsrc\s*=/i.test(html)) problems.push(`${name} loads an external script`);
  if (/<link[^>]*rel\s*=\s*["']?stylesheet/i.test(html)) problems.push(`${name} links an external stylesheet`);
  if (!/<script>[\s\S]{20,}<\/script>/i.test(html)) problems.push(`${name} has no inline script`);
  if (!/<style>[\s\S]+<\/style>/i.test(html)) problems.push(`${name} has no inline styles`);
  if (/\/\*__(SCRIPT|STYLES)__\*\/|__TITLE__|__BODY_CLASS__/.test(html)) problems.push(`${name} still has a build placeholder`);
  if (/@import\s|url\(\s*['"]?(https?:)?\/\//i.test(html)) problems.push(`${name} loads a stylesheet or asset from elsewhere`);
  return problems;
}
