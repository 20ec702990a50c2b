/**
 * @kota-kit/core/vite — the Vite plugin that builds a host's browser app from its config:
 * a virtual module with the chosen modules' client parts and styles, and `sw.js`.
 */
import { createHash } from 'node:crypto';
import type { Plugin, ResolvedConfig } from 'vite';
import { resolveHost, type HostConfig, type HostInput } from './contract.js';
import { serviceWorkerSource } from './client/service-worker.js';

export const virtualClientId = 'virtual:kota-kit/client';
const resolvedVirtualClientId = `\0${virtualClientId}`;
export const headMarker = '<!--kota-kit:head-->';
/** Emitted next to index.html: per language, the chunks of the modules' translation tables (and what they import). */
export const preloadFileName = 'kota-kit-preload.json';

/** Chunks of translation tables, by language: a module's `translations/<language>.js`, the kit's convention. */
function translationChunks(bundle: Record<string, { type: string; facadeModuleId?: string | null; imports?: string[] }>): Record<string, string[]> {
  const byLanguage: Record<string, Set<string>> = {};
  const add = (files: Set<string>, fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) add(files, imported);
  };
  for (const [fileName, chunk] of Object.entries(bundle)) {
    const language = chunk.type === 'chunk' ? /[\\/]translations[\\/](id|en)\.[cm]?[jt]sx?$/.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
    if (language) add((byLanguage[language] ??= new Set()), fileName);
  }
  return Object.fromEntries(Object.entries(byLanguage).map(([language, files]) => [language, [...files].sort()]));
}

export interface KotaKitPluginOptions {
  host: HostInput;
  /** Per module id, a file or specifier to import instead of `<package>/client` (tests, a region's local module). */
  clientEntries?: Record<string, string>;
  /** Emit `sw.js` on build (default true). */
  serviceWorker?: boolean;
}

/** Source of `virtual:kota-kit/client`: imports styles and each module's client part, exports `clientModules`. */
export function clientModuleCode(config: HostConfig, clientEntries: Record<string, string> = {}): string {
  const lines = [`import '@kota-kit/core/style.css';`];
  const names: string[] = [];
  config.modules.forEach(({ definition }, index) => {
    const specifier = clientEntries[definition.id] ?? `${definition.package}/client`;
    // Module styles after core's, so a module can build on (and override) core's tokens.
    if (definition.hasStyles) lines.push(`import ${JSON.stringify(`${definition.package}/style.css`)};`);
    lines.push(`import * as module${index} from ${JSON.stringify(specifier)};`);
    names.push(`pick(module${index}, ${JSON.stringify(definition.id)}, ${JSON.stringify(specifier)})`);
  });
  lines.push(
    `function pick(exports, id, specifier) {`,
    `  const module = exports.default ?? exports.clientModule;`,
    `  if (!module || !module.definition) throw new Error('Kota Kit: ' + specifier + ' must export default defineClientModule(...) for module "' + id + '".');`,
    `  return module;`,
    `}`,
    `export const clientModules = [${names.join(', ')}];`,
  );
  return `${lines.join('\n')}\n`;
}

/** The Vite plugin for a Kota Kit host: `plugins: [react(), kotaKit({ host })]`. */
export function kotaKit(options: KotaKitPluginOptions): Plugin {
  let config: HostConfig | undefined;
  let resolved: ResolvedConfig | undefined;
  const resolve = () => (config ??= resolveHost(options.host));
  return {
    name: 'kota-kit',
    // Validate the host config before anything is built: a bad option fails with its message.
    config(_, env) {
      resolve();
      // The render entry runs in the host's server: one file with everything it imports (modules' client parts and
      // their libraries are dependencies of the modules, not of the host, so Node could not find them by name).
      if (env?.isSsrBuild) return { ssr: { noExternal: true, target: 'node' }, build: { copyPublicDir: false } };
      return undefined;
    },
    configResolved(value) {
      resolved = value;
    },
    resolveId(id) {
      return id === virtualClientId ? resolvedVirtualClientId : undefined;
    },
    load(id) {
      return id === resolvedVirtualClientId ? clientModuleCode(resolve(), options.clientEntries) : undefined;
    },
    transformIndexHtml(html) {
      if (!html.includes(headMarker)) {
        throw new Error(`Kota Kit: index.html must contain ${headMarker} inside <head>; the server puts the region's title, colours and data there.`);
      }
      return html;
    },
    generateBundle(_, bundle) {
      if (resolved?.build.ssr) return;
      // The server links the visitor's language's tables from the page, so they download alongside the entry
      // script instead of after it has run (one round trip less on a slow connection).
      this.emitFile({ type: 'asset', fileName: preloadFileName, source: JSON.stringify(translationChunks(bundle as never)) });
      if (options.serviceWorker === false) return;
      const base = resolved?.base && resolved.base.startsWith('/') ? resolved.base : '/';
      const assets = Object.keys(bundle)
        .filter((fileName) => !fileName.endsWith('.map') && !fileName.endsWith('.html') && fileName !== 'sw.js' && fileName !== preloadFileName)
        .sort()
        .map((fileName) => `${base}${fileName}`);
      const region = resolve().region;
      const shell = [...new Set([base, region.logo, '/manifest.webmanifest'])];
      const version = createHash('sha256').update(assets.join('\n')).update(JSON.stringify(shell)).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource({ version, assets, shell }) });
    },
  };
}

export default kotaKit;
