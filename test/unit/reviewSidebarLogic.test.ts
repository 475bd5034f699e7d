import fs from 'node:fs';
import path from 'node:path';
import { coverage } from '../../src/ui/review/coverage';
import { applyFilter, EMPTY_FILTER, indexApplications, NO_FLAGS, pageOf, sortItems, type Sort } from '../../src/ui/review/filter';
import { confirmationQuestion, needsConfirmation } from '../../src/ui/review/useDecisionFlow';
import { describeChange } from '../../src/ui/review/useReview';
import type { ReviewState } from '../../src/shared/wire';
import type { WireApplication } from '../../src/shared/wire';

function app(over: Partial<WireApplication>): WireApplication {
  return {
    id: 'x',
    email: 'x@state.gov',
    firstName: 'X',
    lastName: 'Y',
    jobTitle: '',
    agency: 'Dept of Ed',
    agencyType: '',
    state: 'Ohio',
    community: 'lv',
    status: 'Pending',
    flags: [],
    submittedAt: null,
    decidedAt: null,
    decidedBy: '',
    note: '',
    notified: '',
    invited: '',
    answers: [],
    ...over,
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
    const p = pageOf(
      Array.from({ length: 120 }, (_, i) => i),
      2,
      50,
    );
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

describe('the staff pages source (src/ui)', () => {
  it('never turns text into markup (no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML)', () => {
    const dir = path.join(__dirname, '../../src/ui');
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const code = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect([file, /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML)\b/.test(code)]).toEqual([file, false]);
    }
  });
});

describe('review window sorting', () => {
  const order = (sort: Sort | null) => sortItems(index, sort, (k) => (k === 'lv' ? 'Learner Voice' : 'CLNA')).map((i) => i.app.id);
  it('sorts by last name, agency, state, community and status, both ways, keeping sheet order for ties', () => {
    expect(order(null)).toEqual(['1', '2', '3']);
    expect(order({ key: 'name', dir: 'asc' })).toEqual(['1', '3', '2']); // Doe, Lee, Roe
    expect(order({ key: 'name', dir: 'desc' })).toEqual(['2', '3', '1']);
    expect(order({ key: 'state', dir: 'asc' })).toEqual(['2', '1', '3']); // Guam, Ohio, Texas
    expect(order({ key: 'community', dir: 'asc' })).toEqual(['2', '1', '3']); // CLNA first, then LV in sheet order
    expect(order({ key: 'status', dir: 'asc' })).toEqual(['1', '2', '3']); // Pending before Accepted
    expect(order({ key: 'agency', dir: 'desc' })).toEqual(['3', '1', '2']);
  });
  it('puts missing dates last in both directions', () => {
    const dated = indexApplications([
      app({ id: 'a', submittedAt: null }),
      app({ id: 'b', submittedAt: '2023-08-02T00:00:00Z' }),
      app({ id: 'c', submittedAt: '2023-08-01T00:00:00Z' }),
    ]);
    expect(sortItems(dated, { key: 'submitted', dir: 'asc' }, (k) => k).map((i) => i.app.id)).toEqual(['c', 'b', 'a']);
    expect(sortItems(dated, { key: 'submitted', dir: 'desc' }, (k) => k).map((i) => i.app.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('confirmation and live changes', () => {
  const state = {
    communities: [
      { key: 'lv', name: 'Learner Voice' },
      { key: 'clna', name: 'CLNA' },
    ],
    applications: apps,
  } as unknown as ReviewState;
  const byId = new Map(index.map((i) => [i.app.id, i]));
  it('asks for Decline and Withdraw always, and for anything over 10', () => {
    expect(needsConfirmation('decline', 1)).toBe(true);
    expect(needsConfirmation('withdraw', 1)).toBe(true);
    expect(needsConfirmation('accept', 10)).toBe(false);
    expect(needsConfirmation('accept', 11)).toBe(true);
    expect(needsConfirmation('reopen', 11)).toBe(true);
  });
  it('names the count and the community (or each community with its count)', () => {
    expect(confirmationQuestion('decline', [{ id: '1', expected: 'Pending' }], byId, state)).toBe('Decline 1 application in Learner Voice (Jane Doe)?');
    expect(
      confirmationQuestion(
        'withdraw',
        [
          { id: '1', expected: 'Pending' },
          { id: '2', expected: 'Accepted' },
          { id: '3', expected: 'Accepted' },
        ],
        byId,
        state,
      ),
    ).toBe('Withdraw 3 applications in 2 communities (Learner Voice: 2, CLNA: 1) (Jane Doe, John Roe, Ann Lee)?');
  });
  it('describes what a refresh brought', () => {
    const before = { applications: apps } as unknown as ReviewState;
    const after = {
      applications: [...apps.slice(0, 2).map((a) => (a.id === '1' ? { ...a, status: 'Accepted' } : a)), app({ id: '9' }), app({ id: '10' })],
    } as unknown as ReviewState;
    expect(describeChange(before, after)).toBe('2 new applications, 1 status changed, 1 application removed');
    expect(describeChange(before, before)).toBe('');
  });
});
