// README.md and docs/ link only inside the repository (the product contract lives in docs/), and
// every link into docs/ resolves to a file that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repo = join(__dirname, '../..');
const files = [
  'README.md',
  ...readdirSync(join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Markdown text without fenced code blocks and inline code, where a URL is an example, not a link. */
function prose(md: string): string {
  return md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

describe('links in README.md and docs/', () => {
  it.each(files)('%s links nowhere outside the repository, and to files that exist', (file) => {
    const text = prose(readFileSync(join(repo, file), 'utf8'));
    const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
    const outside = [
      ...targets.filter((t) => /^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//')),
      ...[...text.matchAll(/<(https?:[^>]+)>/g)].map((m) => m[1]),
      ...[...text.matchAll(/(?<![(<])\bhttps?:\/\/[^\s)>]+/g)].map((m) => m[0]),
    ];
    expect(outside).toEqual([]);
    for (const t of targets) {
      if (t.startsWith('#')) continue;
      const path = resolve(dirname(join(repo, file)), t.split('#')[0]);
      expect([t, path.startsWith(repo + '/') || path === repo]).toEqual([t, true]);
      // bench-results/ is written by npm run bench / simulate; the docs must all be there
      if (path.startsWith(join(repo, 'docs'))) expect([t, existsSync(path)]).toEqual([t, true]);
    }
  });
});
