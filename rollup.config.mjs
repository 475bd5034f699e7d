// Two builds:
//  1. src/index.ts -> dist/Code.js: one plain Apps Script file. Every function Apps Script calls by
//     name is a named export of the entry and becomes a top-level `function` declaration that
//     delegates into the closure holding the rest of the code (see gasEntryPoints).
//  2. one self-contained page per entry of PAGES -> dist/<name>.html (HtmlService serves a single
//     file; the script and styles are inlined). Pages are Preact + TSX (tsconfig.sidebar.json).
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import nodeResolve from '@rollup/plugin-node-resolve';

/**
 * Apps Script finds callable functions by their top-level `function` declarations, and every
 * top-level function is reachable by google.script.run unless its name ends in `_`. So the bundle
 * keeps all of our code inside one closure (`var CoP_ = (function (exports) {...})({})`) and
 * declares, at top level, one thin function per export of src/index.ts that delegates into it.
 * Nothing else is at top level, so no helper can leak out as a callable endpoint.
 */
function gasEntryPoints(namespace) {
  return {
    name: 'gas-entry-points',
    renderChunk(code, chunk) {
      const stubs = [];
      for (const name of chunk.exports) {
        if (name === 'default') this.error('gas-entry-points: use named exports, not export default');
        if (name.endsWith('_')) this.error(`gas-entry-points: ${name} ends in _ but is exported as an entry point`);
        stubs.push(`function ${name}() {\n  return ${namespace}.${name}.apply(this, arguments);\n}`);
      }
      if (/^(export\s|import\s)/m.test(code)) this.error('gas-entry-points: ES module syntax left in the bundle');
      return { code: `${code}\n${stubs.join('\n\n')}\n`, map: null };
    },
  };
}

function copyAsset(from, to) {
  return {
    name: 'copy-asset',
    buildStart() {
      this.addWatchFile(from);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    },
  };
}

/**
 * One self-contained HTML page: the page's bundle and its stylesheets inlined into the shared shell
 * (src/ui/page.html). HtmlService serves a single file, so nothing may be loaded from elsewhere.
 */
function inlinePage({ name, title, css, shell, bodyClass }) {
  return {
    name: 'inline-page',
    buildStart() {
      this.addWatchFile(shell);
      for (const f of css) this.addWatchFile(f);
    },
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((f) => f.type === 'chunk');
      // `</script` inside the code would end the inline script early.
      const js = chunk.code.replace(/<\/script/gi, '<\\/script');
      const styles = css
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n')
        // the sources are Prettier-formatted (one declaration a line); the page needs none of that indentation
        .replace(/\n\s*/g, '\n')
        .replace(/<\/style/gi, '<\\/style');
      const page = readFileSync(shell, 'utf8')
        .replace('__TITLE__', () => escapeHtml(title))
        .replace('__BODY_CLASS__', () => escapeHtml(bodyClass))
        .replace('/*__STYLES__*/', () => styles)
        .replace('/*__SCRIPT__*/', () => js);
      for (const key of Object.keys(bundle)) delete bundle[key];
      this.emitFile({ type: 'asset', fileName: `${name}.html`, source: page });
    },
  };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/**
 * A browser page (sidebar, dialog, web app) built into dist/<name>.html. Adding a page is one line in
 * PAGES below. `entry` is a .ts/.tsx module that renders into <main id="app">; the page gets the
 * shared stylesheet (src/ui/styles.css) plus any `css` files listed.
 */
function page({ name, entry, title, css = [], bodyClass = '' }) {
  return {
    input: entry,
    output: { dir: 'dist', format: 'iife', entryFileNames: `${name}.tmp.js` },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.sidebar.json', noEmitOnError: true, outDir: 'dist' }),
      inlinePage({ name, title, css: ['src/ui/styles.css', ...css], shell: 'src/ui/page.html', bodyClass }),
    ],
  };
}

// Every HTML page the project serves. One line per page.
export const PAGES = [
  { name: 'Sidebar', entry: 'src/ui/pages/sidebar/main.tsx', title: 'Review applications', bodyClass: 'sidebar-page', css: ['src/ui/members/members.css'] },
  {
    name: 'ReviewWindow',
    entry: 'src/ui/pages/reviewWindow/main.tsx',
    title: 'Review applications',
    bodyClass: 'window-page',
    css: ['src/ui/members/members.css'],
  },
  {
    name: 'ProgramYear',
    entry: 'src/ui/pages/programYear/main.tsx',
    title: 'New program year',
    bodyClass: 'dialog-page',
    css: ['src/ui/pages/programYear/programYear.css'],
  },
  // the applicant's personal page, served by doGet (the web app)
  {
    name: 'Applicant',
    entry: 'src/webapp/main.tsx',
    title: 'Your Communities of Practice applications',
    css: ['src/webapp/styles.css'],
    bodyClass: 'applicant-page',
  },
  { name: 'Members', entry: 'src/ui/pages/members/main.tsx', title: 'Members', bodyClass: 'sidebar-page', css: ['src/ui/members/members.css'] },
];

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/Code.js', format: 'iife', name: 'CoP_', strict: true },
    treeshake: { moduleSideEffects: false },
    plugins: [
      nodeResolve(),
      typescript({ tsconfig: './tsconfig.json', noEmitOnError: true }),
      gasEntryPoints('CoP_'),
      copyAsset('appsscript.json', 'appsscript.json'),
    ],
  },
  ...PAGES.map(page),
];
