/**
 * `kota new-module` in a real host folder: the new package has no trace of the template's names or of the
 * workspace's version protocols, and it typechecks, lints, builds and passes publint like a first-party module.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newModule } from '../src/commands/new-module.js';
import { templateDir } from '../src/template-dir.js';
import type { Host } from '../src/host.js';
import { packageDir, workspaceHost } from './helpers.js';

const bin = (name: string) => [join(packageDir, 'node_modules/.bin', name), join(packageDir, '../../node_modules/.bin', name)].find(existsSync)!;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? (entry === 'node_modules' || entry === 'dist' ? [] : filesUnder(path)) : [path];
  });
}

let host: Host;
let cleanup = () => {};
let dir: string;

beforeAll(() => {
  if (!existsSync(join(templateDir, 'package.json.tmpl'))) execFileSync(process.execPath, [join(packageDir, 'scripts/copy-template.mjs')]);
  ({ host, cleanup } = workspaceHost());
  const lines: string[] = [];
  dir = newModule('izin-usaha', { host, log: (line) => lines.push(line) }).dir;
  expect(lines.join('\n')).toContain('npx kota add ./modules/izin-usaha');
});
afterAll(() => cleanup());

describe('kota new-module', () => {
  it('copies the template under the new name, with real versions', () => {
    expect(dir).toBe(join(host.dir, 'modules', 'izin-usaha'));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown> & { peerDependencies: Record<string, string>; devDependencies: Record<string, string>; keywords: string[] };
    expect(pkg.name).toBe('@pandeglang/izin-usaha');
    expect(pkg.private).toBeUndefined();
    expect(pkg.keywords).toContain('kota-kit-module');
    const coreVersion = (JSON.parse(readFileSync(join(packageDir, '../core/package.json'), 'utf8')) as { version: string }).version;
    expect(pkg.peerDependencies['@kota-kit/core']).toBe(`^${coreVersion}`);
    expect(JSON.stringify(pkg)).not.toMatch(/workspace:|catalog:/);
    for (const file of filesUnder(dir)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/module-template|module_template|ModuleTemplate|moduleTemplate/);
    }
    expect(readFileSync(join(dir, 'src/index.ts'), 'utf8')).toContain("export const izinUsaha = defineModule({\n  id: 'izin-usaha',\n  package: '@pandeglang/izin-usaha',");
    expect(readFileSync(join(dir, 'src/server/tables.generated.ts'), 'utf8')).toContain('izin_usaha_notices');
    expect(JSON.parse(readFileSync(join(host.dir, 'package.json'), 'utf8')).workspaces).toEqual(['modules/*']);
  });

  it('refuses a bad or taken name and a folder in use', () => {
    expect(() => newModule('Izin Usaha', { host, log: () => {} })).toThrow('"Izin Usaha" cannot be a module id: use kebab-case');
    expect(() => newModule('laksa', { host, log: () => {} })).toThrow('`kota add laksa` adds it');
    expect(() => newModule('izin-usaha', { host, log: () => {} })).toThrow('exists and is not empty');
  });

  it('typechecks, lints, builds and passes publint and attw on its own settings', () => {
    const run = (command: string, args: string[]) => {
      try {
        return execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        throw new Error(`${command} ${args.join(' ')} failed:\n${failed.stdout}\n${failed.stderr}`, { cause: error });
      }
    };
    run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    run(bin('eslint'), ['src', 'test']);
    run(bin('tsup'), []);
    expect(existsSync(join(dir, 'dist/server/index.js'))).toBe(true);
    expect(run(bin('publint'), ['--strict'])).not.toMatch(/error|warning/i);
    // attw exits non-zero on a problem (run throws then)
    run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', 'style.css']);
  }, 300_000);
});
