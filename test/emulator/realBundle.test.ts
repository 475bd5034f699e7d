// Smoke test of the emulator against the real build (npm run build first): it loads, and entry points run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../emulator';
import { SPEC_ENTRY_POINTS } from '../support/bundleContract';

const bundle = path.join(__dirname, '..', '..', 'dist', 'Code.js');

(existsSync(bundle) ? describe : describe.skip)('dist/Code.js in the emulator', () => {
  it('loads in a fresh context per execution and exposes every entry point', () => {
    const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: 'owner@careertech.org' });
    for (const fn of SPEC_ENTRY_POINTS) {
      ws.run(fn, [], { catch: true });
      expect(ws.lastExecution?.error?.message ?? '').not.toMatch(/Script function not found|is not defined/);
    }
  });

  it('builds the add-on menu on open', () => {
    const ws = new Workspace({ now: '2023-08-01T14:00:00Z', owner: 'owner@careertech.org' });
    const [exec] = ws.open();
    expect(exec.error).toBeUndefined();
    expect(ws.ui.menus.length).toBeGreaterThan(0);
    expect(ws.ui.menus[0].items.length).toBeGreaterThan(0);
  });
});
