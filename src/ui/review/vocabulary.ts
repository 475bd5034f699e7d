// The words the review pages use for statuses, flags and decisions.
import type { Decision, WireStatus } from '../../shared/wire';

export const STATUSES: WireStatus[] = ['Pending', 'Accepted', 'Waitlisted', 'Declined', 'Withdrawn'];
export const FLAG_OPTIONS = ['late', 'eligibility-review', 'resubmitted', 'personal-email', 'incomplete', 'unknown-community'];

/** The decision buttons, named exactly as the SPEC says; `key` is the review window's shortcut. */
export const ACTIONS: { decision: Decision; label: string; key: string; cls: string }[] = [
  { decision: 'accept', label: 'Accept', key: 'a', cls: 'action' },
  { decision: 'waitlist', label: 'Waitlist', key: 'w', cls: '' },
  { decision: 'decline', label: 'Decline', key: 'd', cls: '' },
  { decision: 'withdraw', label: 'Withdraw', key: 'x', cls: '' },
  { decision: 'reopen', label: 'Reopen', key: 'r', cls: '' },
];

export const DONE: Record<Decision, string> = {
  accept: 'Accepted',
  waitlist: 'Waitlisted',
  decline: 'Declined',
  withdraw: 'Withdrawn',
  reopen: 'Reopened (back to Pending)',
};
