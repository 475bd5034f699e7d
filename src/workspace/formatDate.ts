// Dates as people read them, in the program's time zone (SimpleDateFormat patterns, any IANA zone).
// Memoised per execution: every acceptance email formats the same meeting times, and each
// Utilities call is a call into the platform.
import type { FormatDate } from '../domain/emails/when';

const memo = new Map<string, string>();

export const formatDate_: FormatDate = (date, timeZone, pattern) => {
  const key = `${date.getTime()}|${timeZone}|${pattern}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = Utilities.formatDate(date, timeZone, pattern);
    memo.set(key, out);
  }
  return out;
};
