// The sidebar's endpoints (see src/shared/wire.ts Endpoints). Each one treats its arguments as
// untrusted and never throws: a failure comes back as { ok: false, error }.
export { reviewRevision_, reviewState_ } from './review/state';
export { decide_ } from './review/decide';
export { preview_ } from './review/preview';
