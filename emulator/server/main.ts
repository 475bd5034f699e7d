// `npm start` (after `npm run build`): the whole product on this machine, in a browser, on the
// emulator. Environment: PORT (default 8080), HOST (default 127.0.0.1: this is a local tool),
// DATA_DIR (default <repo>/.workspace-data, git-ignored).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Workspace } from '../index';
import { loadAssets } from './assets';
import { createDevServer } from './app';
import type { WorkspacePort } from './port';
import { Store } from './store';

const repoRoot = resolve(__dirname, '..', '..');
const distDir = join(repoRoot, 'dist');
const OWNER = 'efabillar@careertech.org';
const EDITORS = ['kgreen@careertech.org', 'dlopez@careertech.org'];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 8080;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`PORT=${text} is not a port number (0-65535). Example: PORT=8081 npm start`);
  return n;
}

const port = parsePort(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR || join(repoRoot, '.workspace-data'));

for (const f of ['Code.js', 'Sidebar.html']) {
  if (!existsSync(join(distDir, f))) fail(`dist/${f} is missing: run \`npm run build\` first (\`npm start\` builds before serving).`);
}

// A first start begins TODAY (the real clock), with the seeded 2023–2024 program: a newcomer meets
// what a real first install meets (setup leaves the form closed; New program year… is the next
// step). The "2023–2024 demo" clock preset moves to late July 2023 for the original walk-through.
const options = {
  now: new Date().toISOString(),
  scriptTimeZone: 'America/New_York',
  owner: OWNER,
  editors: EDITORS,
  // careertech.org is a Google Workspace domain: 1,500 recipients a day (consumer Gmail: 100).
  mailQuota: 1500,
  bundlePath: join(distDir, 'Code.js'),
  // Each service call takes 10 ms of emulated time, so the Executions view shows which runs cost
  // what (and time-budget code sees time pass); 0 would show every run as taking no time.
  latencyMs: 10,
  // The script is "deployed as a web app" at this server's /exec, so emails carry personal links
  // (ScriptApp.getService().getUrl()) that open the applicant's page right here.
  webAppUrl: `http://localhost:${port}/exec`,
};

let store: Store;
let assets: ReturnType<typeof loadAssets>;
try {
  store = new Store(
    {
      // a fresh (or reset) workspace starts at the real time of day it is made
      create: (): WorkspacePort => new Workspace({ ...options, now: new Date().toISOString() }),
      // The saved clock wins over the initial one: restoring must not move time back to July.
      restore: (json: unknown): WorkspacePort => Workspace.fromJSON(json as Parameters<typeof Workspace.fromJSON>[0], { ...options, now: undefined }),
    },
    dataDir,
  );
  assets = loadAssets(join(__dirname, 'client'));
} catch (e) {
  fail(`The dev server could not start: ${e instanceof Error ? e.message : String(e)}`);
}
if (store.loadProblem) console.warn(store.loadProblem);

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const server = createDevServer({
  store,
  assets,
  distDir,
  owner: OWNER,
  users: [OWNER, ...EDITORS],
  allowedHosts: LOOPBACK.includes(host) ? LOOPBACK : null,
});

server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE') {
    fail(`Port ${port} is already in use (another npm start?). Stop it, or pick another port: PORT=${port === 65535 ? 8081 : port + 1} npm start`);
  }
  if (e.code === 'EACCES') fail(`Port ${port} needs privileges this user does not have. Pick a port above 1023: PORT=8080 npm start`);
  if (e.code === 'EADDRNOTAVAIL') fail(`HOST=${host} is not an address of this machine. Leave HOST unset to use 127.0.0.1.`);
  fail(`The dev server stopped: ${e.message}`);
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const rel = relative(process.cwd(), store.file);
  const state = rel && !rel.startsWith('..') ? rel : store.file;
  console.log(`Communities of Practice on the emulator: http://${shownHost}:${actual}/  (form: /form; state: ${state}; Ctrl+C stops)`);
});

function stop(): void {
  try {
    store.save();
  } catch (e) {
    console.error(`Could not save the state on exit: ${e instanceof Error ? e.message : String(e)}`);
  }
  server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
