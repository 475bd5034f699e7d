// Tab names and exact header names from the SPEC. Columns are always found by header, never by
// position: staff may reorder them or add their own.

export const TABS = {
  responses: 'Form Responses 1',
  applications: 'Applications',
  communities: 'Communities',
  meetings: 'Meetings',
  settings: 'Settings',
  log: 'Log',
  attendance: 'Attendance',
} as const;

export const APPLICATION_HEADERS = [
  'Application ID',
  'Response Key',
  'Submitted',
  'Email',
  'First Name',
  'Last Name',
  'Job Title',
  'Agency',
  'Agency Type',
  'State',
  'Community',
  'Cohort',
  'Flags',
  'Status',
  'Decided By',
  'Decided At',
  'Note',
  'Notified',
  'Invited',
  // not in the SPEC's list (staff may add columns; these are ours): the member emails sent
  // (src/domain/members/plan.ts), kept next to Invited so a delivery run writes them in one block
  'Agenda Sent',
  'Follow-up Sent',
] as const;
export type ApplicationHeader = (typeof APPLICATION_HEADERS)[number];

export const COMMUNITY_HEADERS = ['Key', 'Community', 'Description', 'Cohort Start', 'Cohort End', 'Capacity'] as const;
export const MEETING_HEADERS = ['Community', 'Meeting', 'Start', 'End', 'Event ID', 'Agenda'] as const;
/** One row per member and meeting (SPEC behaviour 8), exactly these columns. */
export const ATTENDANCE_HEADERS = ['Application ID', 'Email', 'Community', 'Meeting', 'RSVP', 'Attended', 'Recorded By', 'Recorded At'] as const;
export const SETTINGS_HEADERS = ['Setting', 'Value'] as const;
export const LOG_HEADERS = ['Time', 'Actor', 'Action', 'Application IDs', 'Details', 'Response Key'] as const;

export const SETTING_NAMES = {
  program: 'Program',
  timeZone: 'Time zone',
  registrationDeadline: 'Registration deadline',
  notifyFrom: 'Notify from',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  senderName: 'Sender name',
  calendarId: 'Calendar ID',
  sendConfirmations: 'Send confirmations',
  closeFormAtDeadline: 'Close form at deadline',
  reviewers: 'Reviewers',
  agendaLeadDays: 'Agenda lead days',
  sendAttendanceFollowUp: 'Send attendance follow-up',
} as const;

/** Form question titles, exactly as the SPEC names them (they are also the response sheet's headers). */
export const QUESTIONS = {
  firstName: 'First name',
  lastName: 'Last name',
  jobTitle: 'Job title',
  agency: 'Agency or organization',
  agencyType: 'Agency type',
  state: 'State',
  communities: 'Communities of Practice',
  hopes: 'What do you hope to gain?',
  commitment: 'Commitment',
} as const;

/** Google Forms' own columns in the response sheet. */
export const RESPONSE_COLUMNS = { timestamp: 'Timestamp', email: 'Email Address' } as const;
