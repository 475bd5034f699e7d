// Delivering what is due: decision emails, meeting invitations, the agenda on the events, and the
// members' agenda and follow-up emails, in one run under one lease. The run and its exactly-once
// argument are described at the top of notify/deliver.ts; each step is a module of notify/.
export { deliverDue_ } from './notify/deliver';
export { TIME_BUDGET_MS, type DeliverOptions, type DeliveryResult } from './notify/run';
export { composeFor_, previewEmail_ } from './notify/decisionEmails';
export { storedMeetLinks_ } from './notify/meetLinks';
export { AGENDA_SYNC_PROPERTY, fingerprint_ } from './notify/agendaOnEvents';
export { runDueNotifications_, summarize } from './notify/summary';
