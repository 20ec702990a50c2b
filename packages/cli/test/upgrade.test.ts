import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planUpgrade, upgrade } from '../src/commands/upgrade.js';
import { httpRegistry } from '../src/registry.js';
import type { Host } from '../src/host.js';
import { fakeRegistry, packumentOf, tempDir, writeJson } from './helpers.js';

/** Installs a fake module version into the host's node_modules: package.json, a server part with migrations, a changelog. */
function installFake(dir: string, name: string, version: string, migrations: string[] = [], changelog = ''): void {
  const folder = join(dir, 'node_modules', name);
  writeJson(join(folder, 'package.json'), { name, version, type: 'module', exports: { './server': './server.js', './package.json': './package.json' } });
  const list = JSON.stringify(migrations.map((migration) => ({ name: migration, sql: '' })));
  // Core ships its own migrations as `coreMigrations` from @kota-kit/core/server; a module as its default export's.
  const server = name === '@kota-kit/core' ? `export const coreMigrations = ${list};\n` : `export default { definition: { id: ${JSON.stringify(name.split('/')[1])} }, migrations: ${list} };\n`;
  writeFileSync(join(folder, 'server.js'), server);
  writeFileSync(join(folder, 'CHANGELOG.md'), changelog);
}

const laksaChangelog = `# @kota-kit/laksa

## 0.1.1

### Major Changes

- abc1234: Reports keep up to five photos; the photo table is new.

  Steps: none, the migration moves existing photos.

## 0.1.0

### Minor Changes

- First release.
`;

let registry: Awaited<ReturnType<typeof fakeRegistry>>;
let temp: ReturnType<typeof tempDir>;
let host: Host;

beforeAll(async () => {
  registry = await fakeRegistry([
    packumentOf('@kota-kit/core', { '0.1.0': {}, '0.1.1': {}, '0.2.0': {} }),
    packumentOf('@kota-kit/laksa', { '0.1.0': { core: '^0.1.0' }, '0.1.1': { core: '^0.1.1' }, '0.2.0': { core: '^0.2.0' } }),
  ]);
  temp = tempDir('kota-upgrade-');
  host = { dir: temp.dir, configPath: join(temp.dir, 'kota.config.ts'), packageManager: 'npm' };
  writeJson(join(temp.dir, 'package.json'), { name: 'pandeglang', private: true, type: 'module', dependencies: { '@kota-kit/core': '^0.1.0', '@kota-kit/laksa': '^0.1.0', react: '19.3.1' } });
  installFake(temp.dir, '@kota-kit/core', '0.1.0', ['0001_core']);
  installFake(temp.dir, '@kota-kit/laksa', '0.1.0', ['0001_reports'], laksaChangelog.slice(laksaChangelog.indexOf('## 0.1.0')));
});
afterAll(async () => {
  await registry.close();
  temp.cleanup();
});

describe('kota upgrade', () => {
  it('plans core within the host\'s range and each module at its newest release for that core', async () => {
    const options = { host, registry: () => httpRegistry(registry.url) };
    expect(await planUpgrade(options)).toEqual([
      { name: '@kota-kit/core', from: '0.1.0', to: '0.1.1' },
      { name: '@kota-kit/laksa', from: '0.1.0', to: '0.1.1' },
    ]);
    expect(await planUpgrade({ ...options, latest: true })).toEqual([
      { name: '@kota-kit/core', from: '0.1.0', to: '0.2.0' },
      { name: '@kota-kit/laksa', from: '0.1.0', to: '0.2.0' },
    ]);
  });

  it('moves them together, prints the changelog with breaking changes marked and the migrations to come', async () => {
    const lines: string[] = [];
    const result = await upgrade({
      host,
      registry: () => httpRegistry(registry.url),
      log: (line) => lines.push(line),
      install: () => {
        installFake(temp.dir, '@kota-kit/core', '0.1.1', ['0001_core', '0002_sessions_device']);
        installFake(temp.dir, '@kota-kit/laksa', '0.1.1', ['0001_reports', '0002_photos'], laksaChangelog);
      },
    });
    expect(JSON.parse(readFileSync(join(temp.dir, 'package.json'), 'utf8')).dependencies).toEqual({ '@kota-kit/core': '^0.1.1', '@kota-kit/laksa': '^0.1.1', react: '19.3.1' });
    expect(result.migrations).toEqual({ '@kota-kit/core': ['0002_sessions_device'], '@kota-kit/laksa': ['0002_photos'] });
    const output = lines.join('\n');
    expect(output).toContain('  @kota-kit/laksa 0.1.0 → 0.1.1');
    expect(output).toContain('    - BREAKING abc1234: Reports keep up to five photos; the photo table is new.');
    expect(output).not.toContain('First release');
    expect(output).toContain('Migrations the next start applies:\n  @kota-kit/core: 0002_sessions_device\n  @kota-kit/laksa: 0002_photos');
    // nothing more to do
    const again: string[] = [];
    await upgrade({ host, registry: () => httpRegistry(registry.url), log: (line) => again.push(line), install: () => { throw new Error('no install expected'); } });
    expect(again).toEqual(['Every @kota-kit package is at its newest compatible release.']);
  });
});
