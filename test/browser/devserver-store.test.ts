// The dev server's state file: written atomically, restored on start, an unreadable file kept
// aside (never overwritten), reset starting fresh.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type WorkspaceFactory } from '../../emulator/server/store';
import type { WorkspacePort } from '../../emulator/server/port';

/** Just enough of a workspace to persist: a counter standing for its state. */
function fakeFactory(): WorkspaceFactory & { restored: unknown[] } {
  const make = (n: number): WorkspacePort =>
    ({
      n,
      toJSON(this: { n: number }) {
        return { n: this.n };
      },
    }) as unknown as WorkspacePort;
  const f = {
    restored: [] as unknown[],
    create: () => make(0),
    restore: (json: unknown) => {
      f.restored.push(json);
      const n = (json as { n?: unknown }).n;
      if (typeof n !== 'number') throw new Error('bad state');
      return make(n);
    },
  };
  return f;
}

const count = (s: Store): number => (s.ws as unknown as { n: number }).n;

describe('dev server state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cop-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically (no temp file left) and restores what it wrote', async () => {
    const a = new Store(fakeFactory(), dir);
    (a.ws as unknown as { n: number }).n = 7;
    a.changed();
    a.changed();
    await new Promise((r) => setTimeout(r, 400));
    expect(readdirSync(dir)).toEqual(['workspace.json']);
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'))).toMatchObject({ format: 1, workspace: { n: 7 } });
    const factory = fakeFactory();
    const b = new Store(factory, dir);
    expect(factory.restored).toEqual([{ n: 7 }]);
    expect(count(b)).toBe(7);
    expect(b.loadProblem).toBeNull();
  });

  it('keeps an unreadable file aside and starts fresh', () => {
    writeFileSync(join(dir, 'workspace.json'), '{"format":1,"workspace":{"n":"x"}');
    const s = new Store(fakeFactory(), dir);
    expect(count(s)).toBe(0);
    expect(s.loadProblem).toMatch(/kept it as .*workspace\.json\.unreadable-\d+ and started fresh/);
    expect(readdirSync(dir).filter((f) => f.startsWith('workspace.json.unreadable-'))).toHaveLength(1);
  });

  it('reset replaces the workspace and the file at once', () => {
    const s = new Store(fakeFactory(), dir);
    (s.ws as unknown as { n: number }).n = 3;
    s.save();
    const before = s.version;
    s.reset();
    expect(count(s)).toBe(0);
    expect(s.version).toBe(before + 1);
    expect((JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')) as { workspace: unknown }).workspace).toEqual({ n: 0 });
  });
});
