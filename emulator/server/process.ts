// Starts the dev server (`tsx emulator/server/main.ts`, what `npm start` runs after the build) as a
// child process on a free port with its own state folder, for the browser tests and the
// screenshot script.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface DevServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  output(): string;
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function spawnDevServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  // `node --import tsx` rather than the tsx CLI: one process, so SIGTERM reaches the server's own
  // handler (which saves the state) instead of the CLI's signal relay.
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function startDevServer(dataDir: string, port?: number): Promise<DevServerProcess> {
  const p = port ?? (await freePort());
  const { child, output, exited } = spawnDevServer({ PORT: String(p), DATA_DIR: dataDir });
  const deadline = Date.now() + 30_000;
  let exitCode: number | null | undefined;
  void exited.then((c) => {
    exitCode = c;
  });
  while (!/http:\/\/\S+/.test(output())) {
    if (exitCode !== undefined) throw new Error(`the dev server exited (${exitCode}) before listening:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the dev server did not start in 30 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port: p,
    base: `http://127.0.0.1:${p}`,
    output,
    async stop() {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
