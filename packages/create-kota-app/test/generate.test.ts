/**
 * A generated host, written into a folder inside this package (so the workspace's @kota-kit packages resolve):
 * its config passes core's host validation, the whole host typechecks, and the files hold the answers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveHost, type HostInput } from '@kota-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialsOf } from '../src/logo.js';
import { onColour, type HostAnswers } from '../src/templates.js';
import { writeHost } from '../src/create.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let root: string;
let dir: string;

const answers: HostAnswers = {
  projectName: 'pandeglang',
  regionName: 'Kabupaten Pandeglang',
  code: '36.01',
  appName: "Pandeglang 'Berkah'",
  colors: { primary: '#7a1f5c', accent: '#2bb673' },
  defaultLanguage: 'id',
  modules: ['laksa', 'harga-pasar'],
};

beforeAll(() => {
  mkdirSync(join(packageDir, '.test-hosts'), { recursive: true });
  root = mkdtempSync(join(packageDir, '.test-hosts', 'host-'));
  dir = join(root, 'pandeglang');
  writeHost(dir, answers, 'pnpm');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a generated host', () => {
  it('has the shape of apps/tangerang-live and what a region\'s IT team needs', () => {
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(
      ['./.env.example', './.gitignore', './README.md', './index.html', './kota.config.ts', './package.json', './public/logo.svg', './src/app.ts', './src/backup.ts', './src/main.tsx', './src/render.ts', './src/server.ts', './tsconfig.json', './tsup.config.ts', './vite.config.ts'].sort(),
    );
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const heading of ['## Start', '## Production', '### PostgreSQL', '### Reverse proxy', '### Backups', '## Upgrading']) expect(readme).toContain(heading);
    expect(readme).toContain('pnpm start');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.data/');
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toContain('DATABASE_URL=');
  });

  it('depends on core, the chosen modules and the kota command at the kit\'s versions', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    const coreVersion = (JSON.parse(readFileSync(join(packageDir, '../core/package.json'), 'utf8')) as { version: string }).version;
    expect(pkg.name).toBe('pandeglang');
    expect(pkg.dependencies['@kota-kit/core']).toBe(`^${coreVersion}`);
    expect(Object.keys(pkg.dependencies).filter((name) => name.startsWith('@kota-kit/'))).toEqual(['@kota-kit/cli', '@kota-kit/core', '@kota-kit/harga-pasar', '@kota-kit/laksa']);
    expect(pkg.dependencies.react).toMatch(/^19\./);
    expect(pkg.scripts.start).toBe('vite build && vite build --ssr src/render.ts --outDir dist/render && tsup && node dist/server/server.js --demo');
    expect(pkg.scripts.build).toBe('vite build && vite build --ssr src/render.ts --outDir dist/render && tsup');
  });

  it('writes a config that core\'s host validation accepts, with the region and only the chosen modules', async () => {
    const config = ((await import(join(dir, 'kota.config.ts'))) as { default: HostInput }).default;
    const resolved = resolveHost(config);
    expect(resolved.region).toMatchObject({ name: 'Kabupaten Pandeglang', appName: "Pandeglang 'Berkah'", code: '36.01', colors: { primary: '#7a1f5c', accent: '#2bb673', onPrimary: '#ffffff' } });
    expect(resolved.modules.map((module) => module.definition.id)).toEqual(['laksa', 'harga-pasar']);
    expect(readFileSync(join(dir, 'kota.config.ts'), 'utf8')).toContain("code: '36.01', // Kabupaten Pandeglang, Provinsi Banten");
  });

  it('typechecks as a whole', () => {
    execFileSync(join(packageDir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  });

  it('fails to typecheck a config with a wrong option (so the typecheck above can fail)', () => {
    const broken = join(root, 'broken');
    writeHost(broken, answers);
    const file = join(broken, 'kota.config.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("verifierAgency: 'diskominfo'", 'verifierAgency: 42'));
    let output = '';
    try {
      execFileSync(join(packageDir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', join(broken, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/kota\.config\.ts\(\d+,\d+\): error TS\d+: .*number/);
  });

  it('draws a placeholder logo from the initials and colours', () => {
    const logo = readFileSync(join(dir, 'public/logo.svg'), 'utf8');
    expect(logo).toContain('fill="#7a1f5c"');
    expect(logo).toContain('stroke="#2bb673"');
    expect(logo).toContain('>PB</text>');
    expect(logo).toContain('aria-label="Pandeglang &#39;Berkah&#39;"');
    expect(initialsOf('Kabupaten Pandeglang')).toBe('P');
    expect(onColour('#f2f2f2')).toBe('#111111');
  });

  it('refuses to write into a folder that is not empty', () => {
    expect(() => writeHost(dir, answers)).toThrow(/is not empty/);
  });
});
