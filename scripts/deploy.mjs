#!/usr/bin/env node
// npm run deploy: build dist/ and push it to YOUR Apps Script project with clasp.
//
// The Script ID is yours, not the repository's: it lives in a git-ignored .clasp.json, made once
// from the tracked template .clasp.json.example. So a deploy never leaves a modified tracked file.
//
//   npm run deploy -- --script-id <ID>   first time: writes .clasp.json from the template, then deploys
//   npm run deploy                        every later time
//   npm run deploy -- --check             checks .clasp.json and the build, pushes nothing
//
// CLASP_SCRIPT_ID=<ID> works like --script-id.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(root, '.clasp.json');
const TEMPLATE = join(root, '.clasp.json.example');
const PLACEHOLDER = 'PASTE_YOUR_SCRIPT_ID_HERE';

function fail(message) {
  console.error(`\ndeploy: ${message}\n`);
  process.exit(1);
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1] ?? '';
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : undefined;
}

const has = (flag) => process.argv.includes(flag);
const checkOnly = has('--check');
const skipBuild = has('--skip-build');
const given = argValue('--script-id') ?? (process.env.CLASP_SCRIPT_ID || undefined);

// A Script ID (Project Settings → IDs) is a long string of letters, digits, - and _.
const looksLikeId = (id) => typeof id === 'string' && /^[A-Za-z0-9_-]{25,}$/.test(id) && id !== PLACEHOLDER;

// 1. .clasp.json: create it from the template when a Script ID is given, then check it.
if (given !== undefined) {
  if (!looksLikeId(given))
    fail(`"${given}" does not look like a Script ID. Copy it from the Apps Script editor: Project Settings (gear icon) → IDs → Script ID.`);
  if (!existsSync(TEMPLATE)) fail('.clasp.json.example is missing: restore it with git checkout .clasp.json.example');
  const config = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
  config.scriptId = given;
  writeFileSync(CONFIG, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`deploy: wrote .clasp.json for Script ID ${given}`);
}
if (!existsSync(CONFIG)) {
  fail('no .clasp.json yet. Run once:  npm run deploy -- --script-id <your Script ID>\n(Apps Script editor → Project Settings (gear icon) → IDs → Script ID)');
}
let config;
try {
  config = JSON.parse(readFileSync(CONFIG, 'utf8'));
} catch (e) {
  fail(`.clasp.json is not valid JSON (${e.message}). Delete it and run: npm run deploy -- --script-id <your Script ID>`);
}
if (!looksLikeId(config.scriptId)) fail('.clasp.json has no real Script ID. Run: npm run deploy -- --script-id <your Script ID>');
if (config.rootDir !== 'dist') fail('.clasp.json must keep "rootDir": "dist" (clasp pushes only the built files).');

// 2. The Script ID must never end up in a tracked file.
const ignored = spawnSync('git', ['check-ignore', '-q', '.clasp.json'], { cwd: root });
if (ignored.status === 1) fail('.clasp.json is not git-ignored here; add it to .gitignore so your Script ID is never committed.');

// 3. Build, and check the files Apps Script needs are there.
if (!skipBuild) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) fail('the build failed (see above); nothing was pushed.');
}
for (const f of ['Code.js', 'appsscript.json', 'Sidebar.html']) {
  if (!existsSync(join(root, 'dist', f))) fail(`dist/${f} is missing after the build; nothing was pushed.`);
}

if (checkOnly) {
  console.log(`deploy: ready to push dist/ to Script ID ${config.scriptId} (--check: nothing pushed)`);
  process.exit(0);
}

// 4. Push. --force replaces the project's manifest with ours (scopes, time zone, Calendar service).
const push = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (push.status !== 0) {
  fail(
    'clasp push failed. If it says you are not logged in: npx clasp login. If it mentions the Apps Script API: turn it on at script.google.com → Settings, wait a minute, and run npm run deploy again.',
  );
}
console.log('\ndeploy: pushed. Reload the spreadsheet, then Extensions → Communities of Practice → Set up (first time) or Check installation.');
