// A stand-in for Utilities.formatDate (SimpleDateFormat patterns in an IANA zone) built on Intl,
// covering the letters the email code uses: EEEE MMMM MM d dd yyyy h HH mm a z.
import type { FormatDate } from '../../src/domain/notify/emails/when';

export const formatDate: FormatDate = (date, timeZone, pattern) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const h24 = Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(date));
  const month = Number(new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' }).format(date));
  const map: Record<string, string> = {
    EEEE: get('weekday'),
    MMMM: get('month'),
    MM: String(month).padStart(2, '0'),
    dd: get('day').padStart(2, '0'),
    d: get('day'),
    yyyy: get('year'),
    HH: String(h24).padStart(2, '0'),
    h: get('hour'),
    mm: get('minute'),
    a: get('dayPeriod'),
    z: get('timeZoneName'),
  };
  return pattern.replace(/EEEE|MMMM|MM|dd|d|yyyy|HH|h|mm|a|z/g, (t) => map[t]);
};
