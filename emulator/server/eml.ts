// One sent email as an RFC 5322 message (.eml) that a mail client opens: multipart/alternative
// text + html, quoted-printable bodies, RFC 2047 encoded words for non-ASCII header text.
// Header values come from applicant input (names in subjects), so CR/LF never reach a header.

export interface MailForEml {
  id: string;
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  replyTo?: string;
  name?: string;
  cc?: string;
  /** the account the mail was sent from (the user the execution ran as) */
  from: string;
  sentAt: Date;
}

const CRLF = '\r\n';

export function toEml(mail: MailForEml): string {
  const headers: string[] = [];
  headers.push(header('From', mailbox(mail.name, mail.from)));
  headers.push(header('To', addressList(mail.to)));
  if (mail.cc) headers.push(header('Cc', addressList(mail.cc)));
  if (mail.replyTo) headers.push(header('Reply-To', addressList(mail.replyTo)));
  headers.push(foldEncoded('Subject', oneLine(mail.subject)));
  headers.push(header('Date', rfc5322Date(mail.sentAt)));
  headers.push(header('Message-ID', `<${safeIdPart(mail.id)}@devserver.localhost>`));
  headers.push(header('MIME-Version', '1.0'));

  if (mail.htmlBody === undefined || mail.htmlBody === '') {
    headers.push(header('Content-Type', 'text/plain; charset=UTF-8'));
    headers.push(header('Content-Transfer-Encoding', 'quoted-printable'));
    return headers.join(CRLF) + CRLF + CRLF + quotedPrintable(mail.body) + CRLF;
  }
  const boundary = `=_alt_${safeIdPart(mail.id)}_${hashHex(mail.body + mail.htmlBody)}`;
  headers.push(header('Content-Type', `multipart/alternative; boundary="${boundary}"`));
  const parts = [part('text/plain; charset=UTF-8', mail.body), part('text/html; charset=UTF-8', mail.htmlBody)];
  return (
    headers.join(CRLF) +
    CRLF +
    CRLF +
    'This is a multi-part message in MIME format.' +
    CRLF +
    parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('') +
    `--${boundary}--${CRLF}`
  );
}

function part(contentType: string, content: string): string {
  return `Content-Type: ${contentType}${CRLF}` + `Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}` + quotedPrintable(content);
}

function header(name: string, value: string): string {
  return `${name}: ${value}`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ');
}

function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/** `"Display Name" <addr>`, with the name quoted or RFC 2047 encoded as it needs. */
function mailbox(name: string | undefined, address: string): string {
  const addr = cleanAddress(address);
  const display = name ? oneLine(name).trim() : '';
  if (!display) return addr;
  if (!isAscii(display)) return `${encodedWords(display).join(' ')} <${addr}>`;
  return `"${display.replace(/[\\"]/g, (c) => '\\' + c)}" <${addr}>`;
}

function addressList(list: string): string {
  return list
    .split(',')
    .map((a) => cleanAddress(a))
    .filter((a) => a.length > 0)
    .join(', ');
}

/** An address as Apps Script was given it; anything that could break the header is dropped. */
function cleanAddress(address: string): string {
  return address.replace(/[\r\n\t<>",;\\]/g, '').trim();
}

function safeIdPart(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_') || 'mail';
}

/** A header whose value may need RFC 2047 encoding, folded so no line passes 78 characters. */
function foldEncoded(name: string, value: string): string {
  if (isAscii(value) && !/=\?/.test(value)) return foldAscii(`${name}: ${value}`);
  return `${name}: ${encodedWords(value).join(CRLF + ' ')}`;
}

function foldAscii(line: string): string {
  if (line.length <= 78) return line;
  const out: string[] = [];
  let rest = line;
  while (rest.length > 78) {
    let cut = rest.lastIndexOf(' ', 78);
    if (cut <= 0) cut = rest.indexOf(' ', 78);
    if (cut <= 0) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut); // keeps the space: it becomes the continuation's leading white space
  }
  out.push(rest);
  return out.join(CRLF);
}

/** `=?UTF-8?B?...?=` words of at most 75 characters each, never splitting a character. */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  // 75 - len('=?UTF-8?B?') - len('?=') = 63 base64 chars => 45 bytes of UTF-8 at most
  const maxBytes = 45;
  let chunk = '';
  let chunkBytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (chunkBytes + n > maxBytes && chunk) {
      words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += ch;
    chunkBytes += n;
  }
  if (chunk || words.length === 0) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
  return words;
}

/** RFC 2045 quoted-printable of UTF-8 text, CRLF line breaks, lines of at most 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map(qpLine).join(CRLF);
}

function qpLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  const tokens: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const last = i === bytes.length - 1;
    if ((b === 0x20 || b === 0x09) && !last) tokens.push(String.fromCharCode(b));
    else if (b >= 33 && b <= 126 && b !== 61) tokens.push(String.fromCharCode(b));
    else tokens.push('=' + b.toString(16).toUpperCase().padStart(2, '0'));
  }
  // Soft breaks: at most 75 characters plus the trailing '=', never inside an =XX escape.
  const out: string[] = [];
  let current = '';
  for (const t of tokens) {
    if (current.length + t.length > 75) {
      out.push(current + '=');
      current = '';
    }
    current += t;
  }
  out.push(current);
  return out.join(CRLF);
}

/** `Tue, 15 Aug 2023 09:00:00 -0400` in America/New_York, as a mail client in the program's zone would write it. */
export function rfc5322Date(d: Date, timeZone = 'America/New_York'): string {
  const parts = zonedParts(d, timeZone);
  const offsetMin = Math.round(
    (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(d.getTime() / 1000) * 1000) / 60000,
  );
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const weekday = days[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()];
  return (
    `${weekday}, ${parts.day} ${months[parts.month - 1]} ${parts.year} ` +
    `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(d: Date, timeZone: string): ZonedParts {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const get = (type: string): number => Number(fmt.formatToParts(d).find((p) => p.type === type)?.value ?? '0');
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function hashHex(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16);
}
