export function runSweep_(): string {
  throw new Error('not implemented yet');
}
