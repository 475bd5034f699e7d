// Who is calling. For a sidebar call this is the staff member viewing the sidebar (google.script.run
// executes as them), which is what the Reviewers setting is checked against.

/** The caller's email, lower-cased; '' when Apps Script will not say (e.g. consumer accounts across domains). */
export function activeUserEmail_(): string {
  let email: string;
  try {
    email = Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  return String(email ?? '')
    .trim()
    .toLowerCase();
}
