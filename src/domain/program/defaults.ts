// The program `setup` seeds into the settings tabs. Everything here is editable by staff in the
// sheet afterwards; a new program year is new rows there, not new code.
// Instants carry their ET offset explicitly: 2:00 pm ET is 18:00Z in EDT months, 19:00Z in EST months.
import type { Community, Meeting, Settings } from './model';

export const DEFAULT_SETTINGS: Settings = {
  program: '2023–2024 Communities of Practice',
  timeZone: 'America/New_York',
  registrationDeadline: new Date('2023-09-15T23:59:00-04:00'),
  notifyFrom: new Date('2023-08-15T00:00:00-04:00'),
  contactName: 'Eliza Fabillar',
  contactEmail: 'efabillar@careertech.org',
  senderName: 'Advance CTE Communities of Practice',
  calendarId: '',
  sendConfirmations: true,
  closeFormAtDeadline: true,
  reviewers: [],
  agendaLeadDays: 7,
  sendAttendanceFollowUp: false,
};

export const DEFAULT_COMMUNITIES: Community[] = [
  {
    key: 'clna',
    name: 'Comprehensive Local Needs Assessment',
    description:
      'Using the CLNA to advance stakeholder engagement and equity, and implementing CLNA strategies to support local education agencies and regional collaborations.',
    cohortStart: new Date('2023-08-01T00:00:00-04:00'),
    cohortEnd: new Date('2024-02-29T00:00:00-05:00'),
    capacity: null,
  },
  {
    key: 'learner-voice',
    name: 'Learner Voice',
    description: 'Identifying opportunities to engage learners more meaningfully in the design and delivery of CTE programs and policies.',
    cohortStart: new Date('2023-08-01T00:00:00-04:00'),
    cohortEnd: new Date('2024-02-29T00:00:00-05:00'),
    capacity: null,
  },
  {
    key: 'data-accountability',
    name: 'Data and Accountability',
    description:
      'Exploring effective data systems, linking data across agencies, strategies for monitoring progress, and building a culture of data-driven decision making.',
    cohortStart: new Date('2023-09-01T00:00:00-04:00'),
    cohortEnd: new Date('2024-03-31T00:00:00-04:00'),
    capacity: null,
  },
  {
    key: 'k12-postsecondary',
    name: 'K-12/Postsecondary Alignment',
    description:
      'Strategies for deepening partnerships to align pathways between K-12 and postsecondary institutions and systems, and increasing postsecondary credential attainment.',
    cohortStart: new Date('2023-09-01T00:00:00-04:00'),
    cohortEnd: new Date('2024-03-31T00:00:00-04:00'),
    capacity: null,
  },
];

const MEETING_DAYS: Record<string, string[]> = {
  clna: ['2023-08-29', '2023-10-24', '2023-12-12', '2024-02-27'],
  'learner-voice': ['2023-08-31', '2023-10-26', '2023-12-14', '2024-02-29'],
  'data-accountability': ['2023-09-26', '2023-11-28', '2024-01-23', '2024-03-26'],
  'k12-postsecondary': ['2023-09-28', '2023-11-30', '2024-01-25', '2024-03-28'],
};

/** US Eastern offset for a 2023–2024 calendar day: EDT from the 2nd Sunday of March to the 1st Sunday of November. */
function easternOffset(day: string): string {
  const inEdt = (day >= '2023-03-12' && day < '2023-11-05') || (day >= '2024-03-10' && day < '2024-11-03');
  return inEdt ? '-04:00' : '-05:00';
}

export const DEFAULT_MEETINGS: Meeting[] = Object.keys(MEETING_DAYS).flatMap((community) =>
  MEETING_DAYS[community].map((day, i) => ({
    community,
    number: i + 1,
    start: new Date(`${day}T14:00:00${easternOffset(day)}`),
    end: new Date(`${day}T15:30:00${easternOffset(day)}`),
    eventId: '',
  })),
);

/** The 50 states, DC and the five inhabited territories, as the form lists them. */
export const STATES_AND_TERRITORIES = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'District of Columbia',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'Washington',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
  'American Samoa',
  'Guam',
  'Northern Mariana Islands',
  'Puerto Rico',
  'U.S. Virgin Islands',
] as const;

export const PERSONAL_EMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'protonmail.com',
  'proton.me',
] as const;
