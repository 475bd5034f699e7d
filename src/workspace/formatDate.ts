// Kept for callers that import the formatter from here (review's preview): dates are formatted in
// the domain now (src/domain/notify/emails/when.ts, Intl tz data), with no call into the platform.
export { formatDate as formatDate_ } from '../domain/notify/emails/when';
