// The one shared Workspace of the dev server, and its file: state survives a restart as JSON
// (the emulator's toJSON/fromJSON) in a git-ignored folder, written atomically (temp file, fsync,
// rename) so a crash mid-write leaves the previous state, never half a file.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspacePort } from './port';

export interface WorkspaceFactory {
  create(): WorkspacePort;
  restore(json: unknown): WorkspacePort;
}

const FILE_VERSION = 1;

export class Store {
  ws: WorkspacePort;
  version = 0;
  readonly file: string;
  /** set when the saved file could not be read (it is kept aside, never overwritten) */
  readonly loadProblem: string | null;

  constructor(
    private readonly factory: WorkspaceFactory,
    readonly dataDir: string,
  ) {
    this.file = join(dataDir, 'workspace.json');
    const loaded = this.load();
    this.ws = loaded.ws;
    this.loadProblem = loaded.problem;
  }

  private load(): { ws: WorkspacePort; problem: string | null } {
    if (!existsSync(this.file)) return { ws: this.factory.create(), problem: null };
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FILE_VERSION) {
        throw new Error('not a dev server state file (format 1)');
      }
      return { ws: this.factory.restore((parsed as { workspace: unknown }).workspace), problem: null };
    } catch (e) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      const reason = e instanceof Error ? e.message : String(e);
      return { ws: this.factory.create(), problem: `Could not restore ${this.file} (${reason}); kept it as ${aside} and started fresh.` };
    }
  }

  private pending: NodeJS.Timeout | null = null;

  /**
   * Records a change: bumps the version and writes the state file soon after (a burst of changes,
   * such as a demo load, is one write; the response to the page does not wait for the disk).
   */
  changed(): void {
    this.version++;
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      try {
        this.save();
      } catch (e) {
        console.error(`Could not save ${this.file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, 250);
  }

  /** Records a change the page should see, without writing the file yet (a long job saves at its end). */
  bump(): void {
    this.version++;
  }

  /** Writes the state file now (on exit, after a reset). */
  save(): void {
    if (this.pending) {
      clearTimeout(this.pending);
      this.pending = null;
    }
    mkdirSync(this.dataDir, { recursive: true });
    const json = JSON.stringify({ format: FILE_VERSION, savedAt: new Date().toISOString(), workspace: this.ws.toJSON() });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, json);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.ws = this.factory.create();
    this.version++;
    this.save();
  }
}
