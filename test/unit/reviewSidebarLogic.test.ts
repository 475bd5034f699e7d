import { coverage } from '../../src/ui/review/coverage';
import { applyFilter, EMPTY_FILTER, indexApplications, NO_FLAGS, pageOf } from '../../src/ui/review/filter';
import type { WireApplication } from '../../src/shared/wire';

function app(over: Partial<WireApplication>): WireApplication {
  return {
    id: 'x', email: 'x@state.gov', firstName: 'X', lastName: 'Y', jobTitle: '', agency: 'Dept of Ed', agencyType: '',
    state: 'Ohio', community: 'lv', status: 'Pending', flags: [], submittedAt: null, decidedAt: null, decidedBy: '',
    note: '', notified: '', invited: '', answers: [], ...over,
  };
}

const apps = [
  app({ id: '1', firstName: 'Jane', lastName: 'Doe', email: 'jane@ohio.gov', state: 'Ohio' }),
  app({ id: '2', firstName: 'John', lastName: 'Roe', email: 'jr@gmail.com', flags: ['personal-email'], status: 'Accepted', community: 'clna', state: 'Guam' }),
  app({ id: '3', firstName: 'Ann', lastName: 'Lee', agency: 'Texas Workforce Commission', state: 'Texas', status: 'Accepted' }),
];
const index = indexApplications(apps);

describe('sidebar filtering', () => {
  const ids = (f: Partial<typeof EMPTY_FILTER>) => applyFilter(index, { ...EMPTY_FILTER, ...f }).map((i) => i.app.id);
  it('filters by community, status and flag', () => {
    expect(ids({ community: 'lv' })).toEqual(['1', '3']);
    expect(ids({ status: 'Accepted' })).toEqual(['2', '3']);
    expect(ids({ flag: 'personal-email' })).toEqual(['2']);
    expect(ids({ flag: NO_FLAGS })).toEqual(['1', '3']);
    expect(ids({ community: 'lv', status: 'Accepted' })).toEqual(['3']);
  });
  it('searches name, email, agency and state, case-insensitively, every word', () => {
    expect(ids({ query: 'jane doe' })).toEqual(['1']);
    expect(ids({ query: 'GMAIL' })).toEqual(['2']);
    expect(ids({ query: 'workforce' })).toEqual(['3']);
    expect(ids({ query: 'guam' })).toEqual(['2']);
    expect(ids({ query: 'jane texas' })).toEqual([]);
  });
  it('pages', () => {
    const p = pageOf(Array.from({ length: 120 }, (_, i) => i), 2, 50);
    expect(p).toMatchObject({ page: 2, pages: 3, first: 101, last: 120 });
    expect(pageOf([], 5, 50)).toMatchObject({ page: 0, pages: 1, first: 0, last: 0 });
  });
});

describe('state coverage', () => {
  it('splits the states into members, applicants only and none, per community', () => {
    const c = coverage(['Guam', 'Ohio', 'Texas', 'Utah'], [...apps, app({ id: '4', state: 'Atlantis' })], 'lv');
    expect(c).toEqual({ members: ['Texas'], applicantsOnly: ['Ohio'], none: ['Guam', 'Utah'], other: ['Atlantis'], applicantStates: 2 });
  });
});

describe('the sidebar source', () => {
  it('never turns text into markup (no innerHTML, outerHTML, insertAdjacentHTML or document.write)', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const dir = path.join(__dirname, '../../src/sidebar');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const code = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect([file, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/.test(code)]).toEqual([file, false]);
    }
  });
});
