export function runDueNotifications_(): string {
  throw new Error('not implemented yet');
}
