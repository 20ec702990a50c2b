/**
 * `kota new-module <name>`: a region's own module package, copied from Kota Kit's module template (the one every
 * first-party module is built like), renamed, with real versions instead of the workspace's and its own lint and
 * TypeScript settings, so it builds and passes the same checks (typecheck, lint, tests, publint, attw) on its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findKnownModule, kotaKitVersions, toolVersions } from 'create-kota-app';
import { KotaError, readPackageJson, writePackageJson, type Host, type PackageJson } from '../host.js';
import { templateDir } from '../template-dir.js';

export { templateDir };

const moduleIdPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface NewModuleOptions {
  /** The host to put it in (`modules/<name>`, added to the host's workspaces); without one, `<cwd>/<name>`. */
  host?: Host;
  cwd?: string;
  /** npm name; default `@<host name>/<name>`. */
  packageName?: string;
  /** The @kota-kit/core it is built against; default the host's, else this CLI's. */
  coreVersion?: string;
  template?: string;
  log?: (line: string) => void;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const pascal = (id: string) => camel(id).replace(/^[a-z]/, (letter) => letter.toUpperCase());

function copyTree(from: string, to: string, rename: (text: string) => string): void {
  for (const entry of readdirSync(from)) {
    if (['node_modules', 'dist', '.turbo', 'CHANGELOG.md'].includes(entry)) continue;
    const source = join(from, entry);
    const target = join(to, rename(entry.replace(/\.tmpl$/, '')));
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyTree(source, target, rename);
    } else {
      writeFileSync(target, rename(readFileSync(source, 'utf8')));
    }
  }
}

function toolRange(name: string): string {
  const version = toolVersions[name];
  if (!version) throw new KotaError(`No tested version of ${name} known to this CLI.`);
  return version;
}

const tsconfig = {
  compilerOptions: {
    target: 'ES2023',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    esModuleInterop: true,
    skipLibCheck: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    resolveJsonModule: true,
    forceConsistentCasingInFileNames: true,
    declaration: true,
    sourceMap: true,
    noEmit: true,
    types: ['node'],
    ignoreDeprecations: '6.0',
  },
  include: ['src', 'test', 'tsup.config.ts', 'vitest.config.ts'],
};

const eslintConfig = `// Kota Kit's lint rules for a module: it imports only @kota-kit/core, never another module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@kota-kit/*', '!@kota-kit/core', '!@kota-kit/core/*'], message: 'A module imports only @kota-kit/core, never another module.' }] }],
    },
  },
);
`;

export function newModule(name: string, options: NewModuleOptions = {}): { dir: string; packageName: string } {
  const log = options.log ?? console.log;
  if (!moduleIdPattern.test(name)) throw new KotaError(`"${name}" cannot be a module id: use kebab-case (lowercase letters and digits, words joined by "-"), like "pengumuman" or "izin-usaha".`);
  if (findKnownModule(name)) throw new KotaError(`"${name}" is a Kota Kit module already: \`kota add ${name}\` adds it.`);
  const template = options.template ?? templateDir;
  if (!existsSync(join(template, 'package.json.tmpl'))) throw new KotaError(`The module template is missing from ${template}: reinstall @kota-kit/cli.`);
  const host = options.host;
  const dir = host ? join(host.dir, 'modules', name) : resolve(options.cwd ?? process.cwd(), name);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new KotaError(`${dir} exists and is not empty.`);
  const scope = (host ? readPackageJson(host.dir).name : undefined)?.replace(/^@/, '').replace(/\/.*$/, '').replace(/[^a-z0-9-]/g, '-') || 'region';
  const packageName = options.packageName ?? `@${scope}/${name}`;
  const coreVersion = options.coreVersion ?? (host && existsSync(join(host.dir, 'node_modules/@kota-kit/core/package.json')) ? readPackageJson(join(host.dir, 'node_modules/@kota-kit/core')).version : undefined) ?? kotaKitVersions['@kota-kit/core'];

  const rename = (text: string) =>
    text
      .replaceAll('@kota-kit/module-template', packageName)
      .replaceAll('module-template', name)
      .replaceAll('module_template', name.replaceAll('-', '_'))
      .replaceAll('ModuleTemplate', pascal(name))
      .replaceAll('moduleTemplate', camel(name));
  mkdirSync(dir, { recursive: true });
  copyTree(template, dir, rename);

  const pkg = readPackageJson(dir);
  delete pkg.private;
  delete pkg.repository;
  pkg.name = packageName;
  pkg.version = '0.1.0';
  pkg.description = `${name}: a Kota Kit module${host ? ` of ${readPackageJson(host.dir).name}` : ''}.`;
  const real = (deps: Record<string, string> | undefined) =>
    deps &&
    Object.fromEntries(
      Object.entries(deps).map(([dep, range]) => [dep, dep === '@kota-kit/core' && range.startsWith('workspace:') ? `^${coreVersion}` : range === 'catalog:' ? toolRange(dep) : range]),
    );
  pkg.peerDependencies = real(pkg.peerDependencies);
  const devDependencies: Record<string, string> = { ...real(pkg.devDependencies) };
  for (const tool of ['@arethetypeswrong/cli', '@eslint/js', '@types/node', 'eslint', 'globals', 'publint', 'typescript', 'typescript-eslint']) devDependencies[tool] = toolRange(tool);
  pkg.devDependencies = Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b)));
  (pkg.scripts as Record<string, string>).test = 'vitest run';
  writePackageJson(dir, pkg as PackageJson);
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  writeFileSync(join(dir, 'eslint.config.js'), eslintConfig);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist/\n');
  writeFileSync(
    join(dir, 'README.md'),
    `# ${packageName}\n\nA Kota Kit module started from the kit's template (agency notices): id \`${name}\`, pages under \`/${name}\`, API under \`/api/${name}\`, tables \`${name.replaceAll('-', '_')}_…\`.\nHow to change it into your app: https://github.com/kota-kit/kota-kit/blob/main/docs/modules.md\n\nChecks, the same as Kota Kit's own modules: \`npm run typecheck\`, \`npm run lint\`, \`npm test\`, \`npm run build\`, \`npm run check:package\`.\nPublish it with the keyword \`kota-kit-module\` (kept in package.json) so other regions find it with \`kota modules\`.\n`,
  );

  if (host) addToWorkspaces(host, relative(host.dir, dirname(dir)));
  const where = relative(options.host?.dir ?? options.cwd ?? process.cwd(), dir);
  log(
    `Created ${packageName} in ${where}.\nNext:\n  ${host ? `${host.packageManager} install` : `cd ${where} && npm install`}\n  ${host ? `(cd ${where} && ${host.packageManager} run build)` : 'npm run build'}\n  ${host ? `npx kota add ./${where}` : 'then `npx kota add <path>` in your host'}`,
  );
  return { dir, packageName };
}

/** Puts `modules/*` into the host's workspaces, so one install gives the module its tools and one copy of core. */
function addToWorkspaces(host: Host, folder: string): void {
  const pattern = `${folder}/*`;
  if (host.packageManager === 'pnpm') {
    const file = join(host.dir, 'pnpm-workspace.yaml');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text.includes(pattern)) return;
    writeFileSync(file, text.includes('packages:') ? text.replace(/packages:\s*\n/, `packages:\n  - '${pattern}'\n`) : `packages:\n  - '${pattern}'\n${text}`);
    return;
  }
  const pkg = readPackageJson(host.dir);
  const workspaces = pkg.workspaces ?? [];
  if (!workspaces.includes(pattern)) {
    pkg.workspaces = [...workspaces, pattern];
    writePackageJson(host.dir, pkg);
  }
}
