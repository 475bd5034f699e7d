// The optional Templates tab (Template | Subject | Body): staff edit the decision emails there.
// Setup creates it pre-filled with the default wording; a missing tab or a blank cell means the
// default applies, so the emails never depend on the tab being right.
import { DEFAULT_TEMPLATES, TEMPLATE_HEADERS, TEMPLATE_NAMES, TEMPLATE_TAB, templatesFromRows, type Templates } from '../domain/notify/emails/templates';
import { cellOf, appendRows_, ensureTab_, readTable_, type Table } from '../workspace/table';
import { withScriptLock_ } from '../workspace/lock';
import { cellString } from '../domain/program/cells';

function rowsOf(table: Table | null): { template: string; subject: string; body: string }[] {
  if (!table) return [];
  return table.rows.map((_r, i) => ({
    template: cellString(cellOf(table, i, 'Template')),
    subject: cellString(cellOf(table, i, 'Subject')),
    body: cellString(cellOf(table, i, 'Body')),
  }));
}

/** The templates in effect (one getValues of the Templates tab, none when it is missing). */
export function readTemplates_(): Templates {
  return templatesFromRows(rowsOf(readTable_(TEMPLATE_TAB)));
}

/** Setup: creates the Templates tab with the default rows; adds rows for templates missing from it. Never overwrites staff text. */
export function ensureTemplates_(): string {
  return withScriptLock_(() => {
    const ensured = ensureTab_(TEMPLATE_TAB, TEMPLATE_HEADERS);
    const table = readTable_(TEMPLATE_TAB) as Table;
    const present = new Set(rowsOf(table).map((r) => r.template.trim().toLowerCase()));
    const missing = TEMPLATE_NAMES.filter((n) => !present.has(n.toLowerCase()));
    if (missing.length) {
      appendRows_(
        table,
        missing.map((n) => ({ Template: n, Subject: DEFAULT_TEMPLATES[n].subject, Body: DEFAULT_TEMPLATES[n].body })),
      );
    }
    if (ensured.created) return `Templates tab created with the default wording of the ${missing.length} decision emails.`;
    return missing.length ? `Templates tab: added ${missing.join(', ')}.` : 'Templates tab already in place.';
  });
}
