// Two builds:
//  1. src/index.ts -> dist/Code.js: one plain Apps Script file. Every function Apps Script calls by
//     name is a named export of the entry and becomes a top-level `function` declaration that
//     delegates into the closure holding the rest of the code (see gasEntryPoints).
//  2. src/sidebar/main.ts + index.html + styles.css -> dist/Sidebar.html: one self-contained page
//     (HtmlService serves a single file; the script and styles are inlined).
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

/** Inlines the sidebar bundle and its stylesheet into the HTML shell, as Sidebar.html. */
function inlineSidebar({ html, css, out }) {
  return {
    name: 'inline-sidebar',
    buildStart() {
      this.addWatchFile(html);
      this.addWatchFile(css);
    },
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((f) => f.type === 'chunk');
      // `</script` inside the code would end the inline script early.
      const js = chunk.code.replace(/<\/script/gi, '<\\/script');
      const page = readFileSync(html, 'utf8')
        .replace('/*__STYLES__*/', () => readFileSync(css, 'utf8'))
        .replace('/*__SCRIPT__*/', () => js);
      for (const name of Object.keys(bundle)) delete bundle[name];
      this.emitFile({ type: 'asset', fileName: out, source: page });
    },
  };
}

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
  {
    input: 'src/sidebar/main.ts',
    output: { dir: 'dist', format: 'iife', entryFileNames: 'sidebar.tmp.js' },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.sidebar.json', noEmitOnError: true, outDir: 'dist' }),
      inlineSidebar({ html: 'src/sidebar/index.html', css: 'src/sidebar/styles.css', out: 'Sidebar.html' }),
    ],
  },
];
