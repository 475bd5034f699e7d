import type { Application, Program } from '../../src/domain/program/model';
import { DEFAULT_COMMUNITIES, DEFAULT_MEETINGS, DEFAULT_SETTINGS } from '../../src/domain/program/defaults';

export function program(): Program {
  return {
    settings: { ...DEFAULT_SETTINGS },
    communities: DEFAULT_COMMUNITIES.map((c) => ({ ...c })),
    meetings: DEFAULT_MEETINGS.map((m) => ({ ...m, eventId: `ev-${m.community}-${m.number}` })),
  };
}

let seq = 0;
export function app(over: Partial<Application> = {}): Application {
  seq += 1;
  return {
    id: `A${seq}`,
    responseKey: `k${seq}`,
    submitted: new Date('2023-08-02T12:00:00Z'),
    email: `person${seq}@state.gov`,
    firstName: 'Pat',
    lastName: 'Doe',
    jobTitle: 'Director',
    agency: 'State CTE',
    agencyType: 'Lead state CTE agency',
    state: 'Ohio',
    community: 'clna',
    cohort: 'Aug 2023 – Feb 2024',
    flags: [],
    status: 'Pending',
    decidedBy: '',
    decidedAt: null,
    note: '',
    notified: '',
    invited: '',
    ...over,
  };
}
