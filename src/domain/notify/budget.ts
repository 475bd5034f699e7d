// The time a run may spend starting new work. Apps Script kills an execution at 6 minutes, so a
// run stops starting emails or events at its deadline, and earlier when the longest item so far
// would not finish before it (a slow day makes every call slow): what is left of the 6 minutes
// after the deadline is for the run's own ending (records, Log, lease).
export interface Budget {
  /** whether one more item (as long as the longest so far) fits before the deadline */
  canStart(): boolean;
  /** runs one item, measuring it */
  time<T>(fn: () => T): T;
}

export function createBudget(deadline: number, clock: () => number): Budget {
  let longest = 0;
  return {
    canStart: () => clock() + longest < deadline,
    time<T>(fn: () => T): T {
      const start = clock();
      try {
        return fn();
      } finally {
        longest = Math.max(longest, clock() - start);
      }
    },
  };
}
