import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hostFiles, type HostAnswers } from './templates.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The package manager that ran us (`npm create`, `pnpm create`, `yarn create`, `bun create`), from npm_config_user_agent. */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent ?? ''): PackageManager {
  const name = userAgent.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** Writes the host's files into `dir`, which must be missing or empty. Returns the paths written. */
export function writeHost(dir: string, answers: HostAnswers, packageManager: PackageManager = 'npm'): string[] {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`The folder ${target} is not empty: choose another name or empty it.`);
  }
  const files = hostFiles(answers, packageManager);
  for (const [path, content] of Object.entries(files)) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return Object.keys(files);
}

/** Installs the host's dependencies with the package manager that ran create-kota-app. */
export function installDependencies(dir: string, packageManager: PackageManager): boolean {
  const result = spawnSync(packageManager, ['install'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** The two commands that start the new host. */
export function nextCommands(folder: string, packageManager: PackageManager): [string, string] {
  return [`cd ${folder}`, `${packageManager} start`];
}
