// HtmlService: HtmlOutput and templates (<? ?>, <?= ?> escaped, <?!= ?> raw) evaluated in the bundle's context.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { HtmlResponse, ServiceName } from '../execution';
import { jsString } from '../realm';
import { ScriptError, ServiceObject, type Runtime } from '../runtime';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function readProjectFile(rt: Runtime, filename: string): string {
  const dir = path.dirname(rt.core.options.bundlePath);
  const name = filename.endsWith('.html') ? filename : `${filename}.html`;
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new ScriptError(`No HTML file named ${filename} was found.`);
  return readFileSync(file, 'utf8');
}

export class HtmlOutput extends ServiceObject {
  _content: string;
  _title = '';
  _width = 0;
  _height = 0;
  _xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  _metaTags: { name: string; content: string }[] = [];
  _faviconUrl = '';
  constructor(rt: Runtime, content: string) {
    super(rt);
    this._content = content;
  }
  _kind(): [ServiceName, string] {
    return ['HtmlService', 'HtmlOutput'];
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): HtmlOutput {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): HtmlOutput {
    this._height = height;
    return this;
  }
  setSandboxMode(_mode?: unknown): HtmlOutput {
    return this;
  }
  getSandboxMode(): string {
    return SandboxMode.IFRAME;
  }
  setXFrameOptionsMode(mode?: unknown): HtmlOutput {
    if (mode !== XFrameOptionsMode.ALLOWALL && mode !== XFrameOptionsMode.DEFAULT) throw new ScriptError('Invalid argument: mode');
    this._xFrameOptionsMode = mode;
    return this;
  }
  setFaviconUrl(iconUrl?: string): HtmlOutput {
    this._faviconUrl = String(iconUrl ?? '');
    return this;
  }
  /** Only these names are allowed; meta tags written in the HTML itself are ignored by web apps. */
  addMetaTag(name?: string, content?: string): HtmlOutput {
    const allowed = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];
    if (!allowed.includes(String(name))) throw new ScriptError(`Invalid argument: name`);
    this._metaTags.push({ name: String(name), content: String(content ?? '') });
    return this;
  }
  getFaviconUrl(): string {
    return this._faviconUrl;
  }
  /** What Google serves for this output when a web app's doGet returns it. */
  _served(): HtmlResponse {
    return {
      content: this._content,
      title: this._title,
      xFrameOptionsMode: this._xFrameOptionsMode,
      sandboxMode: SandboxMode.IFRAME,
      metaTags: this._metaTags.map((t) => ({ ...t })),
      faviconUrl: this._faviconUrl,
    };
  }
  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this._rt, this._content);
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

/** Turns template text into the body of a function run (sloppy mode, `with`) in the bundle's context. */
export function compileTemplate(source: string): string {
  let code = 'var __o = "";\n';
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('<?', i);
    if (start < 0) {
      code += `__o += ${JSON.stringify(source.slice(i))};\n`;
      break;
    }
    code += `__o += ${JSON.stringify(source.slice(i, start))};\n`;
    const end = source.indexOf('?>', start + 2);
    if (end < 0) throw new ScriptError('Unterminated scriptlet in HTML template');
    const inner = source.slice(start + 2, end);
    if (inner.startsWith('!=')) code += `__o += __str(${inner.slice(2)});\n`;
    else if (inner.startsWith('=')) code += `__o += __esc(__str(${inner.slice(1)}));\n`;
    else code += `${inner}\n`;
    i = end + 2;
  }
  return code + 'return __o;';
}

export class HtmlTemplate extends ServiceObject {
  constructor(
    rt: Runtime,
    readonly _source: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['HtmlService', 'HtmlTemplate'];
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): HtmlOutput {
    const realm = this._rt.realm;
    if (!realm) throw new ScriptError('HtmlTemplate.evaluate outside an execution');
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = (this as unknown as Record<string, unknown>)[k];
    const fn = vm.runInContext(`(function (__vars, __esc, __str) { with (__vars) { ${compileTemplate(this._source)} } })`, realm.context) as (
      v: Record<string, unknown>,
      esc: (s: string) => string,
      str: (v: unknown) => string,
    ) => string;
    const html = fn(vars, escapeHtml, (v) => (v === undefined || v === null ? '' : jsString(v)));
    return new HtmlOutput(this._rt, html);
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

export class HtmlService extends ServiceObject {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  _kind(): [ServiceName, string] {
    return ['HtmlService', 'HtmlService'];
  }
  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this._rt, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this._rt, readProjectFile(this._rt, String(filename)));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this._rt, String(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this._rt, readProjectFile(this._rt, String(filename)));
  }
  toString(): string {
    return 'HtmlService';
  }
}
