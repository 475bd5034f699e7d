// The dev server's own pages: static HTML/CSS from client/, and the client TypeScript compiled
// in memory with esbuild (the one tsx already brings) when the server starts. Nothing is fetched
// from a CDN: every byte the browser loads comes from this server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export interface Assets {
  html(name: 'index' | 'form'): string;
  css(): string;
  js(name: 'page' | 'form' | 'shim'): string;
}

export function loadAssets(clientDir: string): Assets {
  const entries = { page: 'page.ts', form: 'form.ts', shim: 'shim.ts' } as const;
  const js = {} as Record<keyof typeof entries, string>;
  for (const [name, file] of Object.entries(entries) as [keyof typeof entries, string][]) {
    const out = buildSync({
      entryPoints: [join(clientDir, file)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      platform: 'browser',
      charset: 'utf8',
      logLevel: 'silent',
    });
    js[name] = out.outputFiles[0].text;
  }
  const read = (f: string): string => readFileSync(join(clientDir, f), 'utf8');
  const pages = { index: read('index.html'), form: read('form.html') };
  const styles = read('styles.css');
  return {
    html: (name) => pages[name],
    css: () => styles,
    js: (name) => js[name],
  };
}
