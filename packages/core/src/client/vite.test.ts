// @vitest-environment node
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { defineHost, defineModule, resolveHost, z } from '../index.js';
import { serviceWorkerSource } from './service-worker.js';
import { addCompileHints, clientModuleCode, compileHint, kotaKit, precompressFiles, vitePreloadHelperId } from '../vite.js';

const notes = defineModule({
  id: 'notes',
  package: '@kota-kit/notes',
  hasStyles: true,
  options: z.object({ greeting: z.string().min(1) }),
});
const plain = defineModule({ id: 'plain', package: '@region/plain' });

const region = {
  name: 'Kota Contoh',
  appName: 'Contoh Live',
  code: '36.99',
  logo: '/logo.svg',
  colors: { primary: '#0b5cad', accent: '#f5a400' },
};
const host = defineHost({ region, modules: [notes.with({ greeting: 'Halo' }), plain.with({})] });

type Hook = (...args: unknown[]) => unknown;
const call = (plugin: Plugin, name: keyof Plugin, ...args: unknown[]) => (plugin[name] as Hook).call({}, ...args);

describe('kotaKit vite plugin', () => {
  it('serves a virtual module that imports styles and every module client', () => {
    const plugin = kotaKit({ host, clientEntries: { plain: '/abs/fixture/plain-client.tsx' } });
    call(plugin, 'config');
    const id = call(plugin, 'resolveId', 'virtual:kota-kit/client') as string;
    expect(id).toBe('\0virtual:kota-kit/client');
    const code = call(plugin, 'load', id) as string;
    expect(code).toContain(`import '@kota-kit/core/style.css';`);
    expect(code).toContain(`import "@kota-kit/notes/style.css";`);
    expect(code).not.toContain('@region/plain/style.css');
    expect(code).toContain(`import * as module0 from "@kota-kit/notes/client";`);
    expect(code).toContain(`import * as module1 from "/abs/fixture/plain-client.tsx";`);
    expect(code).toMatch(/export const clientModules = \[pick\(module0, "notes".*pick\(module1, "plain"/);
    expect(call(plugin, 'resolveId', 'other')).toBeUndefined();
    // The render entry (vite build --ssr) bundles what the modules import: Node could not find it from the host.
    expect(call(plugin, 'config', {}, { command: 'build', mode: 'production', isSsrBuild: true })).toMatchObject({ ssr: { noExternal: true, target: 'node' } });
  });

  it('fails at config time with the host config error', () => {
    const bad = defineHost({ region: { ...region, code: 'x' }, modules: [notes.with({ greeting: '' })] });
    const plugin = kotaKit({ host: bad });
    expect(() => call(plugin, 'config')).toThrow(/region\.code: must be an official region code[\s\S]*module "notes", option "greeting"/);
  });

  it('refuses an index.html without the head marker', () => {
    const plugin = kotaKit({ host });
    const transform = (plugin.transformIndexHtml as { handler: Hook }).handler;
    expect(() => transform('<html><head></head></html>')).toThrow(/<!--kota-kit:head-->/);
    expect(transform('<head><!--kota-kit:head--></head>')).toContain('<!--kota-kit:head-->');
  });

  it("loads the app's scripts at low priority: the server-rendered page paints without them", () => {
    const transform = (kotaKit({ host }).transformIndexHtml as { handler: Hook }).handler;
    const html = transform('<head><!--kota-kit:head--><script type="module" crossorigin src="/assets/index.js"></script><link rel="modulepreload" crossorigin href="/assets/a.js"><link rel="stylesheet" crossorigin href="/assets/index.css"></head>') as string;
    expect(html).toContain('<script type="module" crossorigin fetchpriority="low" src="/assets/index.js">');
    expect(html).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/a.js">');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index.css">');
  });

  it('emits sw.js listing the hashed assets', () => {
    const plugin = kotaKit({ host });
    call(plugin, 'configResolved', { base: '/', build: { ssr: false } });
    const emitted: { fileName: string; source: string }[] = [];
    const bundle = { 'assets/index-abc.js': {}, 'assets/index-abc.js.map': {}, 'index.html': {}, 'assets/index-def.css': {} };
    (plugin.generateBundle as Hook).call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) }, {}, bundle);
    const sw = emitted.find((file) => file.fileName === 'sw.js')!;
    expect(sw.source).toContain('["/assets/index-abc.js","/assets/index-def.css"]');
    expect(sw.source).not.toContain('index-abc.js.map');
    expect(sw.source).toContain('/logo.svg');
  });

  it('writes .br and .gz beside the hashed scripts and styles of the browser build, not the server render', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kk-precompress-'));
    try {
      await mkdir(join(dir, 'assets'));
      const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `kata-${i}`))};\n`;
      await writeFile(join(dir, 'assets/app-abc.js'), script);
      await writeFile(join(dir, 'assets/tiny-abc.js'), 'export {};\n');
      await writeFile(join(dir, 'assets/photo-abc.png'), Buffer.alloc(4096, 7));
      await writeFile(join(dir, 'index.html'), `<!doctype html>${' '.repeat(2048)}`);
      const files = ['assets/app-abc.js', 'assets/tiny-abc.js', 'assets/photo-abc.png', 'index.html'];
      const bundle = Object.fromEntries(files.map((file) => [file, {}]));

      const server = kotaKit({ host });
      call(server, 'configResolved', { base: '/', build: { ssr: true, assetsDir: 'assets' } });
      await (server.writeBundle as Hook).call({}, { dir }, bundle);
      expect(existsSync(join(dir, 'assets/app-abc.js.br'))).toBe(false);

      const browser = kotaKit({ host });
      call(browser, 'configResolved', { base: '/', build: { ssr: false, assetsDir: 'assets' } });
      await (browser.writeBundle as Hook).call({}, { dir }, bundle);
      expect(brotliDecompressSync(await readFile(join(dir, 'assets/app-abc.js.br'))).toString()).toBe(script);
      expect(gunzipSync(await readFile(join(dir, 'assets/app-abc.js.gz'))).toString()).toBe(script);
      expect((await readFile(join(dir, 'assets/app-abc.js.br'))).length).toBeLessThan((await readFile(join(dir, 'assets/app-abc.js.gz'))).length);
      // Too small to gain, not text, or not hashed (index.html is rewritten per region by the server): left alone.
      for (const file of ['assets/tiny-abc.js', 'assets/photo-abc.png', 'index.html']) expect(existsSync(join(dir, `${file}.br`)), file).toBe(false);
      // A host can turn it off.
      await rm(join(dir, 'assets/app-abc.js.br'));
      const off = kotaKit({ host, precompress: false });
      call(off, 'configResolved', { base: '/', build: { ssr: false, assetsDir: 'assets' } });
      await (off.writeBundle as Hook).call({}, { dir }, bundle);
      expect(existsSync(join(dir, 'assets/app-abc.js.br'))).toBe(false);
      expect(await precompressFiles(dir, files)).toEqual(['assets/app-abc.js']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists each language's translation chunks, with what they import, for the server to preload", () => {
    const plugin = kotaKit({ host });
    call(plugin, 'configResolved', { base: '/', build: { ssr: false } });
    const emitted: { fileName: string; source: string }[] = [];
    const chunk = (facadeModuleId: string, imports: string[] = []) => ({ type: 'chunk', facadeModuleId, imports });
    const bundle = {
      'assets/index-abc.js': { ...chunk('/app/src/main.tsx'), isEntry: true, dynamicImports: ['assets/client-666.js', 'assets/app-777.js'] },
      'assets/client-666.js': chunk('/app/node_modules/react-dom/client.js', ['assets/react-888.js']),
      'assets/app-777.js': chunk('/app/src/app.ts', ['assets/react-888.js', 'assets/layout-999.js']),
      'assets/react-888.js': chunk('/app/node_modules/react/index.js'),
      'assets/layout-999.js': chunk('/app/node_modules/@kota-kit/core/dist/client/layout.js'),
      'assets/id-111.js': chunk('/app/node_modules/@kota-kit/laksa/dist/client/translations/id.js', ['assets/shared-333.js']),
      'assets/en-222.js': chunk('/app/node_modules/@kota-kit/laksa/dist/client/translations/en.js'),
      'assets/id-444.js': chunk('C:\\app\\packages\\berita\\src\\client\\translations\\id.ts'),
      'assets/shared-333.js': chunk('/app/node_modules/@kota-kit/laksa/dist/client/shared.js'),
      'assets/board-555.js': chunk('/app/node_modules/@kota-kit/harga-pasar/dist/client/board-page.js'),
    };
    // As in Vite, an emitted file joins the bundle at once.
    const emitFile = (file: { fileName: string; source: string }) => void (emitted.push(file), ((bundle as Record<string, unknown>)[file.fileName] = { type: 'asset' }));
    (plugin.generateBundle as Hook).call({ emitFile }, {}, bundle);
    const preload = JSON.parse(emitted.find((file) => file.fileName === 'kota-kit-preload.json')!.source);
    // What the entry starts first (React DOM, then the app, each with its imports), then the language's tables.
    const started = ['assets/client-666.js', 'assets/react-888.js', 'assets/app-777.js', 'assets/layout-999.js'];
    expect(preload).toEqual({ id: [...started, 'assets/id-111.js', 'assets/shared-333.js', 'assets/id-444.js'], en: [...started, 'assets/en-222.js'] });
    expect(emitted.find((file) => file.fileName === 'sw.js')!.source).not.toContain('kota-kit-preload.json');
  });

  it('marks the scripts the app starts with for eager compilation, moving their source maps down a line', () => {
    const chunk = (code: string, imports: string[] = []) => ({ type: 'chunk', code, imports, map: null as { mappings: string } | null });
    const bundle: Record<string, ReturnType<typeof chunk> & { isEntry?: boolean; dynamicImports?: string[] }> = {
      'assets/index-abc.js': { ...chunk('entry();'), isEntry: true, dynamicImports: ['assets/client-666.js', 'assets/app-777.js'] },
      'assets/client-666.js': chunk('reactDom();', ['assets/react-888.js']),
      'assets/react-888.js': chunk('react();'),
      'assets/app-777.js': { ...chunk('app();'), map: { mappings: 'AAAA' } },
      'assets/board-555.js': chunk('laterPage();'),
    };
    addCompileHints(bundle as never);
    addCompileHints(bundle as never); // a second pass changes nothing
    expect(bundle['assets/client-666.js']!.code).toBe(`${compileHint}\nreactDom();`);
    expect(bundle['assets/react-888.js']!.code).toBe(`${compileHint}\nreact();`);
    expect(bundle['assets/app-777.js']!.code).toBe(`${compileHint}\napp();`);
    expect(bundle['assets/app-777.js']!.map!.mappings).toBe(';AAAA');
    // Not the entry (it runs before the first paint) nor what loads later.
    expect(bundle['assets/index-abc.js']!.code).toBe('entry();');
    expect(bundle['assets/board-555.js']!.code).toBe('laterPage();');
  });

  it("puts the kit's preload helper in place of Vite's in the browser build only", () => {
    const plugin = kotaKit({ host });
    const resolveId = plugin.resolveId as Hook;
    const load = plugin.load as Hook;
    call(plugin, 'configResolved', { command: 'build', base: '/', build: { ssr: false } });
    expect(resolveId(vitePreloadHelperId)).toBe(vitePreloadHelperId);
    const code = load(vitePreloadHelperId) as string;
    expect(code).toMatch(/import \{ createPreload \} from ".*[\\/]client[\\/]preload\.js";/);
    expect(code).toContain('export const __vitePreload = /* @__PURE__ */ createPreload("/");');
    for (const other of [{ command: 'build', base: '/', build: { ssr: true } }, { command: 'serve', base: '/', build: { ssr: false } }]) {
      const next = kotaKit({ host });
      call(next, 'configResolved', other);
      expect((next.resolveId as Hook)(vitePreloadHelperId)).toBeUndefined();
      expect((next.load as Hook)(vitePreloadHelperId)).toBeUndefined();
    }
  });

  it('generates the same code from clientModuleCode', () => {
    const code = clientModuleCode(resolveHost(host));
    expect(code).toContain('@region/plain/client');
  });
});

describe('service worker source', () => {
  it('is valid JavaScript that skips non-GET and auth requests', () => {
    const source = serviceWorkerSource({ version: 'v1', assets: ['/assets/a.js'], shell: ['/'] });
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain(`request.method !== 'GET'`);
    expect(source).toContain(`path.startsWith('/api/auth/')`);
    expect(source).toContain(`'kk-static-' + VERSION`);
  });
});
