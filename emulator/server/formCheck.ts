// What Google Forms itself enforces before a response exists: required answers, a valid email
// when the form collects it, and only offered choices. The respondent's page checks the same
// things; this is the server's copy, since the page is not trusted.
import type { DevForm } from './devWire';
import { isRec } from './views';
import { HttpError } from './httpError';

export interface FormResponse {
  email: string;
  answers: Record<string, string | string[]>;
}

class InvalidResponse extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

export function validateResponse(form: DevForm, body: unknown): FormResponse {
  if (!isRec(body) || !isRec(body.answers)) throw new InvalidResponse('expected {email, answers}');
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (form.collectsEmail && !/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(email)) {
    throw new InvalidResponse('Email: must be a valid email address');
  }
  const answers: Record<string, string | string[]> = {};
  const problems: string[] = [];
  for (const item of form.items) {
    if (item.kind === 'page' || item.kind === 'section') continue;
    const raw = body.answers[item.title];
    if (item.kind === 'checkbox') {
      const list = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
      const bad = list.filter((x) => !item.choices.includes(x));
      if (bad.length) problems.push(`${item.title}: not an option: ${bad.join(', ')}`);
      if (item.required && list.length === 0) problems.push(`${item.title}: this is a required question`);
      if (list.length) answers[item.title] = item.choices.filter((c) => list.includes(c));
      continue;
    }
    const value = typeof raw === 'string' ? raw : '';
    if ((item.kind === 'choice' || item.kind === 'list') && value !== '' && !item.choices.includes(value)) {
      problems.push(`${item.title}: not an option: ${value}`);
    }
    if (item.required && value.trim() === '') problems.push(`${item.title}: this is a required question`);
    if (value !== '') answers[item.title] = value;
  }
  if (problems.length) throw new InvalidResponse(problems.join('; '));
  return { email, answers };
}
