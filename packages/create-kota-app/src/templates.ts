/**
 * The files of a generated host, in the shape of apps/tangerang-live: one config file, four small entry files,
 * the Vite and tsup configs, a placeholder logo, and what a region's IT team needs to run it.
 */
import { findKnownModule, standardAgencies } from './modules.js';
import { placeholderLogo } from './logo.js';
import { readme } from './templates-readme.js';
import { findRegion, shortRegionName } from './regions.js';
import { kotaKitRange, toolVersion } from './versions.js';
import type { Language } from './validate.js';

export interface HostAnswers {
  /** Folder and package name, e.g. "pandeglang". */
  projectName: string;
  /** Official name, e.g. "Kabupaten Pandeglang". */
  regionName: string;
  /** Kode wilayah, e.g. "36.01". */
  code: string;
  appName: string;
  colors: { primary: string; accent: string };
  defaultLanguage: Language;
  /** Module ids from the known list, e.g. ["laksa", "harga-pasar"]. */
  modules: string[];
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Text colour on the primary colour: white on dark colours, near-black on light ones (WCAG contrast). */
export function onColour(hex: string): string {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05) ? '#ffffff' : '#111111';
}

export function kotaConfig(answers: HostAnswers): string {
  const modules = answers.modules.map((id) => findKnownModule(id)!);
  const imports = modules.map((module) => `import { ${[module.exportName, ...module.extraImports].join(', ')} } from '${module.package}';`);
  const region = findRegion(answers.code);
  const where = region ? ` // ${region.name}, Provinsi ${region.province.name}` : '';
  return `/**
 * ${answers.appName}: the whole host is this file. Change the region, pick modules (\`npx kota add <module>\`),
 * and restart. Options are checked at start-up: a bad one stops the host naming the module and the field.
 */
import { defineHost } from '@kota-kit/core';
${imports.join('\n')}

export default defineHost({
  region: {
    name: ${quote(answers.regionName)},
    appName: ${quote(answers.appName)},
    code: ${quote(answers.code)},${where}
    logo: '/logo.svg',
    colors: { primary: ${quote(answers.colors.primary)}, onPrimary: ${quote(onColour(answers.colors.primary))}, accent: ${quote(answers.colors.accent)} },
    defaultLanguage: ${quote(answers.defaultLanguage)},
    timeZone: 'Asia/Jakarta',
    contacts: {},
    // National holidays and cuti bersama (SKB 3 Menteri) and your local holidays: deadlines in working days skip
    // them. \`npx kota doctor\` warns when this year and the next are not covered.
    holidays: [],
    // The region's agencies (OPD). Officers belong to one; the modules' default options route to these ids.
    agencies: [
${standardAgencies.map((agency) => `      { id: ${quote(agency.id)}, name: ${quote(agency.name)}, shortName: ${quote(agency.shortName)} },`).join('\n')}
    ],
  },
  modules: [
${modules.map((module) => `    ${module.exportName}.with(${module.defaultOptions}),`).join('\n')}
  ],
});
`;
}

export function packageJson(answers: HostAnswers): string {
  const dependencies: Record<string, string> = {
    '@kota-kit/cli': kotaKitRange('@kota-kit/cli'),
    '@kota-kit/core': kotaKitRange('@kota-kit/core'),
  };
  for (const id of answers.modules) {
    const module = findKnownModule(id)!;
    dependencies[module.package] = kotaKitRange(module.package);
  }
  dependencies.react = toolVersion('react');
  dependencies['react-dom'] = toolVersion('react-dom');
  const devDependencies: Record<string, string> = {};
  for (const name of ['@types/node', '@types/react', '@types/react-dom', '@vitejs/plugin-react', 'tsup', 'typescript', 'vite']) devDependencies[name] = toolVersion(name);
  const pkg = {
    name: answers.projectName,
    version: '0.1.0',
    private: true,
    description: `${answers.appName}: the Kota Kit host of ${answers.regionName}.`,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      build: 'vite build && vite build --ssr src/render.ts --outDir dist/render && tsup',
      start: 'vite build && vite build --ssr src/render.ts --outDir dist/render && tsup && node dist/server/server.js --demo',
      'start:production': 'node dist/server/server.js',
      backup: 'node dist/server/backup.js backup',
      restore: 'node dist/server/backup.js restore',
      doctor: 'kota doctor',
      typecheck: 'tsc --noEmit',
    },
    dependencies: sortKeys(dependencies),
    devDependencies: sortKeys(devDependencies),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

const serverEntry = `/**
 * Server entry: one Node process serves the API and the built browser app. Settings come from the environment
 * (.env.example); the data lives in this folder's .data unless they say otherwise.
 */
import { fileURLToPath } from 'node:url';
import { runHost } from '@kota-kit/core/server';
import host from '../kota.config.js';

await runHost({
  host,
  // Resolve \`<package>/server\` from this host's own dependencies.
  importModule: (specifier) => import(specifier),
  serverDir: fileURLToPath(new URL('.', import.meta.url)),
});
`;

const backupEntry = `/**
 * Backup and restore of this host's data (database and uploads), with the same settings as server.ts:
 *   npm run backup [file]    (default: KOTA_BACKUP_DIR/kota-backup-<date>.tar.gz)
 *   npm run restore <file>   (stop the host first)
 */
import { fileURLToPath } from 'node:url';
import { runBackupCommand } from '@kota-kit/core/server';

process.exitCode = await runBackupCommand({ dataRoot: fileURLToPath(new URL('../../.data', import.meta.url)), args: process.argv.slice(2) });
`;

const clientEntry = `/// <reference types="vite/client" />
/// <reference types="@kota-kit/core/vite-client" />
// The page's styles are linked from the page itself.
import 'virtual:kota-kit/styles';
import { afterFirstPaint } from '@kota-kit/core/boot';

// The server sends each page with its first view rendered: the browser shows it, then the app (src/app.ts) starts,
// React's DOM library first in a task of its own.
afterFirstPaint(
  () => import('react-dom/client'),
  () => import('./app.js'),
);
`;

const appEntry = `import { startClient } from '@kota-kit/core/client';
import { clientModules } from 'virtual:kota-kit/client';

startClient({ modules: clientModules });
`;

const renderEntry = `/// <reference types="vite/client" />
/// <reference types="@kota-kit/core/vite-client" />
/**
 * Render entry, built for Node (\`vite build --ssr src/render.ts\`): the server renders each page's first view from
 * the same components the browser app runs (src/main.tsx), so a phone paints the page before the JavaScript arrives.
 */
import { createPageRenderer } from '@kota-kit/core/render';
import { clientModules } from 'virtual:kota-kit/client';

export const render = createPageRenderer(clientModules);
`;

const viteConfig = `import react from '@vitejs/plugin-react';
import { kotaKit } from '@kota-kit/core/vite';
import { defineConfig } from 'vite';
import host from './kota.config.ts';

// The browser app is derived from kota.config.ts: only the chosen modules' client parts are bundled.
export default defineConfig({
  plugins: [react(), kotaKit({ host })],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
});
`;

const tsupConfig = `import { defineConfig } from 'tsup';

// Bundles the server entry with kota.config.ts, and the backup command; every package stays an import resolved at run time.
export default defineConfig({
  entry: { server: 'src/server.ts', backup: 'src/backup.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
});
`;

const tsconfig = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      jsx: 'react-jsx',
      strict: true,
      skipLibCheck: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      resolveJsonModule: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      types: ['node', 'vite/client'],
      ignoreDeprecations: '6.0',
    },
    include: ['src', 'kota.config.ts', 'vite.config.ts', 'tsup.config.ts'],
  },
  null,
  2,
)}\n`;

function indexHtml(answers: HostAnswers): string {
  return `<!doctype html>
<html lang="${answers.defaultLanguage}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
    <!--kota-kit:head-->
  </head>
  <body>
    <div id="root"></div>
    <noscript>Aktifkan JavaScript untuk memakai aplikasi ini. · Enable JavaScript to use this app.</noscript>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;
}

const gitignore = `node_modules/
dist/
.data/
.env
*.log
`;

const envExample = `# Copy to .env and load it with \`node --env-file=.env dist/server/server.js\`, or set these in your service manager.
# PostgreSQL for production; without it the embedded database lives in KOTA_DATA_DIR.
DATABASE_URL=postgres://kota:secret@127.0.0.1:5432/kota
# KOTA_DATA_DIR=./.data/db
PORT=3000
# HOST=0.0.0.0
# The origin citizens reach, e.g. https://live.example.go.id (absolute links, Open311).
KOTA_PUBLIC_URL=
# Number of reverse proxies in front (1 behind one nginx).
KOTA_TRUST_PROXY=1
# The first region admin, created when none exists.
KOTA_ADMIN_EMAIL=
KOTA_ADMIN_PASSWORD=
KOTA_UPLOADS_DIR=./.data/uploads
KOTA_BACKUP_DIR=./.data/backups
KOTA_BACKUP_KEEP_DAYS=7
`;

/** Every file of a new host, by path relative to its folder. */
export function hostFiles(answers: HostAnswers, packageManager = 'npm'): Record<string, string> {
  return {
    'package.json': packageJson(answers),
    'kota.config.ts': kotaConfig(answers),
    'src/server.ts': serverEntry,
    'src/backup.ts': backupEntry,
    'src/main.tsx': clientEntry,
    'src/app.ts': appEntry,
    'src/render.ts': renderEntry,
    'index.html': indexHtml(answers),
    'vite.config.ts': viteConfig,
    'tsup.config.ts': tsupConfig,
    'tsconfig.json': tsconfig,
    'public/logo.svg': placeholderLogo(answers.appName, { ...answers.colors, onPrimary: onColour(answers.colors.primary) }),
    'README.md': readme(answers, packageManager),
    '.gitignore': gitignore,
    '.env.example': envExample,
  };
}

/** Default answers for a region: its app is "<short name> Live". */
export function defaultAppName(regionName: string): string {
  return `${shortRegionName(regionName)} Live`.slice(0, 40);
}
