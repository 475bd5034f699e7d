import path from 'node:path';
import { Workspace, type WorkspaceOptions } from '../../emulator';

export const PROBE = path.join(__dirname, 'fixtures', 'probe.js');

/** A Workspace over the probe bundle (or another fixture), at a fixed time. */
export function probeWorkspace(options: WorkspaceOptions = {}): Workspace {
  return new Workspace({
    now: '2023-08-01T14:00:00Z',
    scriptTimeZone: 'America/New_York',
    owner: 'owner@careertech.org',
    editors: ['staff@careertech.org'],
    bundlePath: PROBE,
    ...options,
  });
}
