export function runSetup_(): string {
  throw new Error('not implemented yet');
}
