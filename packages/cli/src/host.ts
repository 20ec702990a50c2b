/** The host the command runs in: its folder, its config file, its package.json and its package manager. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface PackageJson {
  name?: string;
  version?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  workspaces?: string[];
  [key: string]: unknown;
}

export interface Host {
  dir: string;
  configPath: string;
  packageManager: PackageManager;
}

export class KotaError extends Error {
  override name = 'KotaError';
}

/** The nearest folder, from `start` up, holding a kota.config.ts beside a package.json. */
export function findHost(start = process.cwd()): Host {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'kota.config.ts')) && existsSync(join(dir, 'package.json'))) {
      return { dir, configPath: join(dir, 'kota.config.ts'), packageManager: detectPackageManager(dir) };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new KotaError(`No kota.config.ts here or above ${resolve(start)}: run kota in a host's folder (one made with create-kota-app).`);
    dir = parent;
  }
}

/** The host's package manager, from its lock file (else the one that ran us, else npm). */
export function detectPackageManager(dir: string): PackageManager {
  if (existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(dir, 'yarn.lock'))) return 'yarn';
  if (existsSync(join(dir, 'bun.lockb')) || existsSync(join(dir, 'bun.lock'))) return 'bun';
  if (existsSync(join(dir, 'package-lock.json'))) return 'npm';
  const agent = (process.env.npm_config_user_agent ?? '').split('/')[0];
  return agent === 'pnpm' || agent === 'yarn' || agent === 'bun' ? agent : 'npm';
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export function writePackageJson(dir: string, pkg: PackageJson): void {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/** The version of `name` installed in the host, or undefined. */
export function installedVersion(dir: string, name: string): string | undefined {
  const file = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as PackageJson).version;
}

/** Imports `specifier` as the host resolves it (its own @kota-kit/core, its modules), never the CLI's copy. */
export async function importFromHost<T>(dir: string, specifier: string): Promise<T> {
  const require = createRequire(join(dir, 'package.json'));
  return (await import(pathToFileURL(require.resolve(specifier)).href)) as T;
}

/** Runs the package manager in the host, showing its output; throws when it fails. */
export function runPackageManager(host: Pick<Host, 'dir' | 'packageManager'>, args: string[]): void {
  const result = spawnSync(host.packageManager, args, { cwd: host.dir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new KotaError(`${host.packageManager} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}
