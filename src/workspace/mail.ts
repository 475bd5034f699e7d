// Outgoing mail through MailApp (scope script.send_mail: no access to anyone's inbox).
// Never call these under the script lock: a slow send must not block other executions' writes.

export interface OutgoingMail {
  to: string;
  replyTo?: string;
  /** sender display name */
  name?: string;
  subject: string;
  /** plain-text body */
  text: string;
  /** HTML body (applicant text already escaped) */
  html?: string;
}

export function sendMail_(mail: OutgoingMail): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: mail.to,
    subject: mail.subject,
    body: mail.text,
  };
  if (mail.html) message.htmlBody = mail.html;
  if (mail.replyTo) message.replyTo = mail.replyTo;
  if (mail.name) message.name = mail.name;
  MailApp.sendEmail(message);
}

/** Recipients left today (valid for this execution only). */
export function remainingMailQuota_(): number {
  return MailApp.getRemainingDailyQuota();
}
