// Like the Apps Script editor's Executions panel: each run of dist/Code.js (function, user,
// duration, status), with the error and its server-side stack, logs and service calls.
import type { DevExecution } from '../devWire';
import { getJson } from './api';
import { h, replace } from './dom';

export async function renderExecutions(root: HTMLElement): Promise<void> {
  const list = await getJson<DevExecution[]>('/api/executions');
  if (!list.length) {
    replace(root, h('p', { class: 'empty' }, 'Nothing has run yet.'));
    return;
  }
  replace(
    root,
    h(
      'table',
      { class: 'list executions', 'aria-label': 'Executions' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Started'),
          h('th', {}, 'Function'),
          h('th', {}, 'Type'),
          h('th', {}, 'User'),
          h('th', { title: 'emulated: 10 ms per service call' }, 'Duration'),
          h('th', {}, 'Status'),
          h('th', {}, 'Service calls'),
        ),
      ),
      h('tbody', {}, list.flatMap(row)),
    ),
  );
}

function row(e: DevExecution): HTMLElement[] {
  const status = e.cutOff ? 'Timed out' : e.ok ? 'Completed' : 'Failed';
  const calls = Object.entries(e.callsByService)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const main = h(
    'tr',
    { class: e.ok ? undefined : 'failed', 'data-execution': e.index },
    h('td', { class: 'nowrap' }, e.startedAtLocal),
    h('td', {}, h('code', {}, e.fn)),
    h('td', {}, e.type),
    h('td', {}, e.user),
    h('td', { class: 'num' }, e.durationMs === null ? '' : `${e.durationMs} ms`),
    h('td', {}, status),
    h('td', {}, `${e.callCount}`),
  );
  const hasDetail = e.error || e.logs.length || calls;
  const detail = hasDetail
    ? h(
        'tr',
        { class: 'execution-detail' },
        h(
          'td',
          { colspan: 7 },
          e.error ? h('div', { class: 'error' }, h('strong', {}, e.error.message), e.error.stack ? h('pre', { class: 'stack' }, e.error.stack) : null) : null,
          e.logs.length ? h('details', { open: !e.ok }, h('summary', {}, `Logs (${e.logs.length})`), h('pre', { class: 'logs' }, e.logs.join('\n'))) : null,
          calls ? h('div', { class: 'muted' }, calls) : null,
        ),
      )
    : null;
  if (!detail) return [main];
  detail.hidden = e.ok;
  main.classList.add('expandable');
  main.addEventListener('click', () => {
    detail.hidden = !detail.hidden;
  });
  return [main, detail];
}
