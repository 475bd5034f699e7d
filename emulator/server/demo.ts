// A few hundred realistic, varied applicants for the "load demo applicants" action. Answers are
// built from the form the bundle created (titles and choices come from the form model), so the
// demo follows the form rather than a copy of it. Deterministic for a given seed.
// The word lists: demoNames.ts.
import type { DevForm } from './devWire';
import { mulberry32 } from '../random';
import { FIRST, HOPES, HOSTILE, LAST, PERSONAL, TITLES } from './demoNames';

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
