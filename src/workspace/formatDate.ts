// Dates as people read them, in the program's time zone (SimpleDateFormat patterns, any IANA zone).
import type { FormatDate } from '../domain/emails/when';

export const formatDate_: FormatDate = (date, timeZone, pattern) => Utilities.formatDate(date, timeZone, pattern);
