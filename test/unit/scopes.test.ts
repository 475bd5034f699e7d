// The scope list the guard names missing scopes from is the manifest's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_SCOPES } from '../../src/workspace/scopes';

it('MANIFEST_SCOPES equals appsscript.json oauthScopes', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  expect([...MANIFEST_SCOPES].sort()).toEqual([...manifest.oauthScopes].sort());
});
