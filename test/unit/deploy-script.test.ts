// scripts/deploy.mjs (npm run deploy): the Script ID goes into a git-ignored .clasp.json made from
// the tracked template, never into a tracked file; a missing or placeholder ID stops before any push.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '../..');
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopq';

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(repo, 'scripts/deploy.mjs'), join(dir, 'scripts/deploy.mjs'));
  copyFileSync(join(repo, '.clasp.json.example'), join(dir, '.clasp.json.example'));
  for (const f of ['Code.js', 'appsscript.json', 'Sidebar.html']) writeFileSync(join(dir, 'dist', f), '');
  return dir;
}

function deploy(dir: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(dir, 'scripts/deploy.mjs'), '--skip-build', '--check', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CLASP_SCRIPT_ID: '' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run deploy (scripts/deploy.mjs)', () => {
  it('the repository tracks only the template; .clasp.json is git-ignored', () => {
    expect(JSON.parse(readFileSync(join(repo, '.clasp.json.example'), 'utf8'))).toEqual({
      scriptId: 'PASTE_YOUR_SCRIPT_ID_HERE',
      rootDir: 'dist',
      filePushOrder: ['dist/Code.js'],
    });
    expect(spawnSync('git', ['check-ignore', '-q', '.clasp.json'], { cwd: repo }).status).toBe(0);
    expect(spawnSync('git', ['ls-files', '--error-unmatch', '.clasp.json'], { cwd: repo }).status).not.toBe(0);
  });

  it('without a Script ID it stops and says where to find one', () => {
    const r = deploy(sandbox());
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/npm run deploy -- --script-id/);
    expect(r.out).toMatch(/Project Settings/);
  });

  it('refuses something that is not a Script ID, and the placeholder', () => {
    const dir = sandbox();
    expect(deploy(dir, '--script-id', 'my script').status).toBe(1);
    copyFileSync(join(dir, '.clasp.json.example'), join(dir, '.clasp.json'));
    const r = deploy(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/no real Script ID/);
  });

  it('--script-id writes .clasp.json from the template; later runs use it', () => {
    const dir = sandbox();
    const first = deploy(dir, '--script-id', ID);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/ready to push/);
    expect(existsSync(join(dir, '.clasp.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toMatchObject({ scriptId: ID, rootDir: 'dist' });
    expect(deploy(dir).status).toBe(0);
  });
});
