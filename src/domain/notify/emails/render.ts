// Fills a plain-text template into both a text and an HTML body. Values are escaped in HTML;
// the template text is escaped too (staff write plain text). A line that holds only a block
// placeholder ({{meetings}}, {{sections}}) becomes that block's own markup (a list, sections).
import { escapeHtml } from './html';

export interface Block {
  text: string;
  /** trusted markup built by this module's callers from escaped parts */
  html: string;
}
export type Value = string | Block;
export type Values = Record<string, Value>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

function isBlock(v: Value | undefined): v is Block {
  return typeof v === 'object' && v !== null;
}

/** {{name}} → value; an unknown placeholder stays visible so a typo shows in the preview. */
export function fillText(template: string, values: Values): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return isBlock(v) ? v.text : v;
  });
}

function fillInlineHtml(line: string, values: Values): string {
  let out = '';
  let last = 0;
  line.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    out += escapeHtml(line.slice(last, offset));
    const v = values[name];
    out += v === undefined ? escapeHtml(whole) : escapeHtml(isBlock(v) ? v.text : v).replace(/\n/g, '<br>');
    last = offset + whole.length;
    return whole;
  });
  return out + escapeHtml(line.slice(last));
}

export function renderText(template: string, values: Values): string {
  const filled = template
    .split('\n')
    .map((line) => fillText(line, values).replace(/[ \t]+$/, ''))
    .join('\n');
  // an empty optional value (removalNote) must not leave a hole of blank lines
  return filled.replace(/\n{3,}/g, '\n\n').trim();
}

/** Paragraphs (blank-line separated) become <p>, single line breaks <br>, block lines their markup. */
export function renderHtml(template: string, values: Values): string {
  const parts: string[] = [];
  let para: string[] = [];
  const flush = () => {
    const lines = para.filter((l) => l.trim() !== '');
    if (lines.length) parts.push(`<p>${lines.join('<br>\n')}</p>`);
    para = [];
  };
  for (const line of template.split('\n')) {
    const only = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}\s*$/.exec(line);
    const v = only ? values[only[1]] : undefined;
    if (isBlock(v)) {
      flush();
      parts.push(v.html);
    } else if (line.trim() === '') {
      flush();
    } else {
      const html = fillInlineHtml(line, values);
      if (html.trim() !== '') para.push(html);
    }
  }
  flush();
  return parts.join('\n');
}
