// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { defineHost, defineModule, resolveHost, z } from '../index.js';
import { serviceWorkerSource } from './service-worker.js';
import { clientModuleCode, kotaKit } from '../vite.js';

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
  });

  it('fails at config time with the host config error', () => {
    const bad = defineHost({ region: { ...region, code: 'x' }, modules: [notes.with({ greeting: '' })] });
    const plugin = kotaKit({ host: bad });
    expect(() => call(plugin, 'config')).toThrow(/region\.code: must be an official region code[\s\S]*module "notes", option "greeting"/);
  });

  it('refuses an index.html without the head marker', () => {
    const plugin = kotaKit({ host });
    const transform = plugin.transformIndexHtml as Hook;
    expect(() => transform('<html><head></head></html>')).toThrow(/<!--kota-kit:head-->/);
    expect(transform('<head><!--kota-kit:head--></head>')).toContain('<!--kota-kit:head-->');
  });

  it('emits sw.js listing the hashed assets', () => {
    const plugin = kotaKit({ host });
    call(plugin, 'configResolved', { base: '/', build: { ssr: false } });
    const emitted: { fileName: string; source: string }[] = [];
    const bundle = { 'assets/index-abc.js': {}, 'assets/index-abc.js.map': {}, 'index.html': {}, 'assets/index-def.css': {} };
    (plugin.generateBundle as Hook).call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) }, {}, bundle);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.fileName).toBe('sw.js');
    expect(emitted[0]!.source).toContain('["/assets/index-abc.js","/assets/index-def.css"]');
    expect(emitted[0]!.source).not.toContain('index-abc.js.map');
    expect(emitted[0]!.source).toContain('/logo.svg');
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
