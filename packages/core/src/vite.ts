/**
 * @kota-kit/core/vite — the Vite plugin that builds a host's browser app from its config:
 * a virtual module with the chosen modules' client parts and styles, and `sw.js`.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { resolveHost, type HostConfig, type HostInput } from './contract.js';
import { serviceWorkerSource } from './client/service-worker.js';

export const virtualClientId = 'virtual:kota-kit/client';
const resolvedVirtualClientId = `\0${virtualClientId}`;
/** Only the styles of core and the chosen modules: a host's entry imports them so they are in the page's <link>. */
export const virtualStylesId = 'virtual:kota-kit/styles';
const resolvedVirtualStylesId = `\0${virtualStylesId}`;
export const headMarker = '<!--kota-kit:head-->';
/** Vite's preload helper, which the kit replaces with one that links a few scripts per task (client/preload.ts). */
export const vitePreloadHelperId = '\0vite/preload-helper.js';
const preloadFile = fileURLToPath(new URL('./client/preload.js', import.meta.url));
/** Emitted next to index.html: per language, the chunks of the modules' translation tables (and what they import). */
export const preloadFileName = 'kota-kit-preload.json';

type BundleChunk = { type: string; isEntry?: boolean; facadeModuleId?: string | null; imports?: string[]; dynamicImports?: string[]; code?: string; map?: { mappings: string } | null };

/** Adds a chunk and, after it, what it imports (depth first), to `files`. */
function addWithImports(bundle: Record<string, BundleChunk>, files: Set<string>, fileName: string): void {
  if (files.has(fileName)) return;
  files.add(fileName);
  for (const imported of bundle[fileName]?.imports ?? []) addWithImports(bundle, files, imported);
}

/** The scripts the entry starts after the first paint: its dynamic imports, each with what it imports, in that order. */
function startedChunks(bundle: Record<string, BundleChunk>): Set<string> {
  const started = new Set<string>();
  for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) for (const file of chunk.dynamicImports ?? []) addWithImports(bundle, started, file);
  return started;
}

/** V8's explicit compile hint (Chrome 136+): compile every function of the file while it downloads. */
export const compileHint = '//# allFunctionsCalledOnLoad';

/**
 * Marks the scripts the app starts with (React DOM, the app and what they import) for eager compilation. Without the
 * hint V8 compiles each function on its first call, on the page's thread, in the middle of hydration (measured on
 * /berita: 50–120 ms of such compiling on a 2-core machine, about half of it gone with the hint); with it, the
 * compiling is done on a background thread while the file downloads. The source map moves down one line with it.
 * Vite may still put its short `__vite__mapDeps` line above the hint; the hint applies to every function after it.
 */
export function addCompileHints(bundle: Record<string, BundleChunk>): void {
  for (const fileName of startedChunks(bundle)) {
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk' || typeof chunk.code !== 'string' || chunk.code.startsWith(compileHint)) continue;
    chunk.code = `${compileHint}\n${chunk.code}`;
    // The chunk's map is what Vite writes to the .map file after this hook.
    if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
  }
}

/**
 * What a page should start downloading at once, by language: the app the entry starts after the first paint (the
 * entry's dynamic imports in the order it starts them, each with what it imports), then the modules' translation
 * tables of that language (a module's `translations/<language>.js`, the kit's convention). In that order: the page
 * inserts the links a few at a time, so what is needed first is asked for first.
 */
export function preloadChunks(bundle: Record<string, BundleChunk>): Record<string, string[]> {
  const started = startedChunks(bundle);
  const byLanguage: Record<string, Set<string>> = { id: new Set(started), en: new Set(started) };
  for (const [fileName, chunk] of Object.entries(bundle)) {
    const language = chunk.type === 'chunk' ? /[\\/]translations[\\/](id|en)\.[cm]?[jt]sx?$/.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
    if (language) addWithImports(bundle, byLanguage[language]!, fileName);
  }
  return Object.fromEntries(Object.entries(byLanguage).map(([language, files]) => [language, [...files]]));
}

export interface KotaKitPluginOptions {
  host: HostInput;
  /** Per module id, a file or specifier to import instead of `<package>/client` (tests, a region's local module). */
  clientEntries?: Record<string, string>;
  /** Emit `sw.js` on build (default true). */
  serviceWorker?: boolean;
  /** Write `.br` and `.gz` beside the built scripts and styles for the server to send as they are (default true). */
  precompress?: boolean;
}

/** Built files worth sending compressed: text, at least this big (below it, the headers outweigh the saving). */
const precompressedTypes = /\.(?:js|mjs|css|svg|json)$/;
const precompressMinBytes = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside each of `fileNames` in `dir` that is text and at
 * least 1 kB. Done once at build, where the time is free, instead of at gzip level 4 on every request: the phone gets
 * an eighth fewer bytes of script (brotli 11 against gzip 9) and the server spends no CPU on them. Returns the files compressed.
 */
export async function precompressFiles(dir: string, fileNames: string[]): Promise<string[]> {
  const done: string[] = [];
  await Promise.all(
    fileNames
      .filter((fileName) => precompressedTypes.test(fileName))
      .map(async (fileName) => {
        const source = await readFile(join(dir, fileName));
        if (source.length < precompressMinBytes) return;
        const [br, gz] = await Promise.all([
          brotli(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
          gzipAsync(source, { level: 9 }),
        ]);
        await Promise.all([writeFile(join(dir, `${fileName}.br`), br), writeFile(join(dir, `${fileName}.gz`), gz)]);
        done.push(fileName);
      }),
  );
  return done.sort();
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

/** Source of `virtual:kota-kit/styles`: core's styles, then each chosen module's. */
export function stylesCode(config: HostConfig): string {
  const lines = [`import '@kota-kit/core/style.css';`];
  for (const { definition } of config.modules) if (definition.hasStyles) lines.push(`import ${JSON.stringify(`${definition.package}/style.css`)};`);
  return `${lines.join('\n')}\n`;
}

/** The Vite plugin for a Kota Kit host: `plugins: [react(), kotaKit({ host })]`. */
export function kotaKit(options: KotaKitPluginOptions): Plugin {
  let config: HostConfig | undefined;
  let resolved: ResolvedConfig | undefined;
  const resolve = () => (config ??= resolveHost(options.host));
  // Only the browser build gets the kit's preload helper; the server render and the dev server keep Vite's.
  const replacesPreloadHelper = (id: string) => id === vitePreloadHelperId && resolved?.command === 'build' && !resolved.build.ssr;
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
      if (id === virtualClientId) return resolvedVirtualClientId;
      if (replacesPreloadHelper(id)) return vitePreloadHelperId;
      return id === virtualStylesId ? resolvedVirtualStylesId : undefined;
    },
    load(id) {
      if (id === resolvedVirtualClientId) return clientModuleCode(resolve(), options.clientEntries);
      if (replacesPreloadHelper(id)) {
        return `import { createPreload } from ${JSON.stringify(preloadFile)};\nexport const __vitePreload = /* @__PURE__ */ createPreload(${JSON.stringify(resolved!.base)});\n`;
      }
      return id === resolvedVirtualStylesId ? stylesCode(resolve()) : undefined;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(headMarker)) {
          throw new Error(`Kota Kit: index.html must contain ${headMarker} inside <head>; the server puts the region's title, colours and data there.`);
        }
        // The server sends each page with its first view rendered, so the app's scripts are not needed to paint it:
        // on a slow connection they load after the page's style and images rather than before them.
        return html.replace(/<(script type="module"|link rel="modulepreload") crossorigin/g, '<$1 crossorigin fetchpriority="low"');
      },
    },
    generateBundle(_, bundle) {
      if (resolved?.build.ssr) return;
      // The server links the app and the visitor's language's tables from the page, so they download alongside the
      // entry script instead of after it has run (one round trip less on a slow connection).
      this.emitFile({ type: 'asset', fileName: preloadFileName, source: JSON.stringify(preloadChunks(bundle as never)) });
      addCompileHints(bundle as never);
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
    async writeBundle(output, bundle) {
      if (resolved?.build.ssr || options.precompress === false || !output.dir) return;
      // Only the hashed files under assets/: their names change with their content, so a compressed copy never goes stale.
      await precompressFiles(output.dir, Object.keys(bundle).filter((fileName) => fileName.startsWith(`${resolved?.build.assetsDir ?? 'assets'}/`)));
    },
  };
}

export default kotaKit;
