// Every email the bundle sent: a list, and the selected message with its headers, its plain text,
// and its HTML body in a sandboxed frame (scripts off, no same-origin, no network: the server
// adds a CSP). Downloadable as .eml.
import type { DevMail } from '../devWire';
import { getJson } from './api';
import { h, replace } from './dom';

let selected = '';
let filter = '';
let showHtml = true;

export async function renderOutbox(root: HTMLElement): Promise<void> {
  const mails = await getJson<DevMail[]>('/api/outbox');
  draw(root, mails);
}

function draw(root: HTMLElement, mails: DevMail[]): void {
  const needle = filter.toLowerCase();
  const shown = mails
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !needle || `${m.to} ${m.subject} ${m.cc}`.toLowerCase().includes(needle))
    .reverse();
  if (!mails.some((m) => m.id === selected)) selected = shown[0]?.m.id ?? '';
  const current = mails.find((m) => m.id === selected);

  const search = h('input', { type: 'search', placeholder: 'Filter by recipient or subject', 'aria-label': 'Filter emails', value: filter });
  search.addEventListener('input', () => {
    filter = search.value;
    draw(root, mails);
    const again = root.querySelector<HTMLInputElement>('input[type=search]');
    again?.focus();
    again?.setSelectionRange(filter.length, filter.length);
  });

  const list = h(
    'table',
    { class: 'list', 'aria-label': 'Sent emails' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Sent'), h('th', {}, 'To'), h('th', {}, 'Subject'))),
    h(
      'tbody',
      {},
      shown.map(({ m }) =>
        h(
          'tr',
          {
            class: m.id === selected ? 'selected' : undefined,
            tabindex: 0,
            'data-mail-id': m.id,
            onclick: () => {
              selected = m.id;
              draw(root, mails);
            },
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'Enter') {
                selected = m.id;
                draw(root, mails);
              }
            },
          },
          h('td', { title: m.sentAtLocal }, m.sentAtLocal.replace(/^\w+, /, '').replace(/, \d{4},/, ',')),
          h('td', { title: m.to }, m.to),
          h('td', { title: m.subject }, m.subject),
        ),
      ),
    ),
  );

  replace(
    root,
    h(
      'div',
      { class: 'split' },
      h(
        'div',
        { class: 'split-list' },
        h('div', { class: 'toolbar' }, h('strong', {}, `${mails.length} email${mails.length === 1 ? '' : 's'} sent`), search),
        mails.length ? list : h('p', { class: 'empty' }, 'No email has been sent yet.'),
      ),
      h('div', { class: 'split-detail' }, current ? detail(current) : null),
    ),
  );
}

/** The applicant's personal link in this email (the web app served by this server at /exec), as a button. */
function personalPage(m: DevMail): HTMLElement | null {
  const link = /https?:\/\/[^\s/]+(\/exec\?t=[A-Za-z0-9_-]+)/.exec(m.body);
  return link ? h('a', { href: link[1], target: '_blank', rel: 'noopener', class: 'button' }, 'Open personal page') : null;
}

function detail(m: DevMail): HTMLElement {
  const row = (k: string, v: string): HTMLElement | null => (v ? h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)) : null);
  const toggle = h(
    'button',
    {
      type: 'button',
      onclick: () => {
        showHtml = !showHtml;
        body.replaceChildren(content());
        toggle.textContent = showHtml ? 'Show plain text' : 'Show HTML';
      },
    },
    showHtml ? 'Show plain text' : 'Show HTML',
  );
  const content = (): HTMLElement =>
    showHtml && m.hasHtml
      ? h('iframe', {
          class: 'mail-html',
          sandbox: '',
          title: `HTML body of ${m.subject}`,
          src: `/api/outbox/${encodeURIComponent(m.id)}/html`,
          referrerpolicy: 'no-referrer',
        })
      : h('pre', { class: 'mail-text' }, m.body);
  const body = h('div', { class: 'mail-body' }, content());
  return h(
    'article',
    { class: 'mail', 'aria-label': `Email ${m.subject}` },
    h('h2', {}, m.subject),
    h(
      'table',
      { class: 'headers' },
      h(
        'tbody',
        {},
        row('From', m.name ? `${m.name} <${m.from}>` : m.from),
        row('To', m.to),
        row('Cc', m.cc),
        row('Bcc', m.bcc),
        row('Reply-To', m.replyTo),
        row('Date', m.sentAtLocal),
        row('Sent with', m.via),
      ),
    ),
    h(
      'div',
      { class: 'toolbar' },
      personalPage(m),
      h('a', { href: `/api/outbox/${encodeURIComponent(m.id)}.eml`, download: '', class: 'button' }, 'Download .eml'),
      m.hasHtml ? toggle : h('span', { class: 'muted' }, 'plain text only'),
    ),
    body,
  );
}
