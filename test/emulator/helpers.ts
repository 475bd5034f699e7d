import path from 'node:path';
import { Workspace, type WorkspaceOptions } from '../../emulator';

export const PROBE = path.join(__dirname, 'fixtures', 'probe.js');

/** The probe bundle's own manifest scopes: every service it exercises (it is not the product). */
export const PROBE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/calendar',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** A Workspace over the probe bundle (or another fixture), at a fixed time. */
export function probeWorkspace(options: WorkspaceOptions = {}): Workspace {
  return new Workspace({
    now: '2023-08-01T14:00:00Z',
    scriptTimeZone: 'America/New_York',
    owner: 'owner@careertech.org',
    editors: ['staff@careertech.org'],
    bundlePath: PROBE,
    manifestScopes: PROBE_SCOPES,
    ...options,
  });
}
