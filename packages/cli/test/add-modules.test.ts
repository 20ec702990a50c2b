import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addModule, removeModule } from '../src/commands/add.js';
import { formatModules, listModules } from '../src/commands/modules.js';
import { httpRegistry, versionForCore } from '../src/registry.js';
import type { Host } from '../src/host.js';
import { fakeRegistry, packumentOf, workspaceHost } from './helpers.js';

const coreVersion = (JSON.parse(readFileSync(new URL('../../core/package.json', import.meta.url), 'utf8')) as { version: string }).version;

let registry: Awaited<ReturnType<typeof fakeRegistry>>;
beforeAll(async () => {
  registry = await fakeRegistry([
    packumentOf('@kota-kit/core', { '0.1.0': { description: 'core' }, '1.0.0': { description: 'core' } }),
    packumentOf('@kota-kit/cli', { '0.1.0': { description: 'the kota command' } }),
    packumentOf('@kota-kit/harga-pasar', {
      '0.1.0': { core: '^0.1.0', keywords: ['kota-kit-module'] },
      [coreVersion]: { core: `^${coreVersion}`, keywords: ['kota-kit-module'] },
      '0.1.9': { core: `^${coreVersion}`, keywords: ['kota-kit-module'], description: 'Harga pasar' },
      '1.0.0': { core: '^1.0.0', keywords: ['kota-kit-module'], description: 'Harga pasar' },
    }),
    packumentOf('@kota-kit/laksa', { '0.1.0': { core: '^0.1.0', keywords: ['kota-kit-module'], description: 'LAKSA' } }),
    packumentOf('@serang/pengumuman', { '0.3.0': { core: '^0.1.0', keywords: ['kota-kit', 'kota-kit-module'], description: 'Pengumuman OPD Kota Serang' } }),
    packumentOf('left-pad', { '1.3.0': { description: 'not a module' } }),
  ]);
});
afterAll(() => registry.close());

describe('kota modules', () => {
  it('lists @kota-kit modules and any package with the keyword kota-kit-module, with version and description', async () => {
    const modules = await listModules(httpRegistry(registry.url));
    expect(modules.map((module) => `${module.name}@${module.version}`)).toEqual(['@kota-kit/harga-pasar@1.0.0', '@kota-kit/laksa@0.1.0', '@serang/pengumuman@0.3.0']);
    const text = formatModules(modules);
    expect(text).toContain('@serang/pengumuman@0.3.0     (region) Pengumuman OPD Kota Serang');
    expect(text).toContain('@kota-kit/laksa@0.1.0        LAKSA');
    expect(registry.requests).toContain('/-/v1/search?text=keywords%3Akota-kit-module&size=250');
  });
});

describe('kota add and kota remove', () => {
  it('picks the newest release whose peer range takes the host\'s core', async () => {
    const packument = (await httpRegistry(registry.url).packument('@kota-kit/harga-pasar'))!;
    expect(versionForCore(packument, coreVersion)).toBe('0.1.9');
    expect(versionForCore(packument, '1.0.0')).toBe('1.0.0');
    expect(versionForCore(packument, '2.0.0')).toBeUndefined();
    expect(await httpRegistry(registry.url).packument('@kota-kit/nothing')).toBeNull();
  });

  it('adds a known module at the matching version with its default options, then removes it', async () => {
    const made = workspaceHost();
    const installs: string[] = [];
    const options = { host: made.host, registry: () => httpRegistry(registry.url), install: (host: Host) => installs.push(readFileSync(join(host.dir, 'package.json'), 'utf8')), log: () => {} };
    try {
      expect(await addModule('harga-pasar', options)).toEqual({ package: '@kota-kit/harga-pasar', version: '0.1.9' });
      expect(installs).toHaveLength(1);
      expect(JSON.parse(installs[0]!).dependencies['@kota-kit/harga-pasar']).toBe('^0.1.9');
      const config = readFileSync(made.host.configPath, 'utf8');
      expect(config).toContain("import { hargaPasar, tangerangDefaults } from '@kota-kit/harga-pasar';");
      expect(config).toContain('hargaPasar.with({ ...tangerangDefaults })');
      // the edited config is still a valid host for core
      const { doctor } = await import('../src/commands/doctor.js');
      const checks = await doctor({ host: made.host, env: { KOTA_DATA_DIR: join(made.host.dir, '.data/none') } });
      expect(checks.find((check) => check.name === 'Config')).toEqual({ name: 'Config', status: 'ok', message: 'kota.config.ts is valid: laksa, harga-pasar' });

      await removeModule('harga-pasar', options);
      expect(readFileSync(made.host.configPath, 'utf8')).not.toContain('harga-pasar');
      expect(JSON.parse(readFileSync(join(made.host.dir, 'package.json'), 'utf8')).dependencies['@kota-kit/harga-pasar']).toBeUndefined();
      await expect(removeModule('harga-pasar', options)).rejects.toThrow('@kota-kit/harga-pasar is not in this host');
    } finally {
      made.cleanup();
    }
  });

  it('says what is wrong with a module it cannot add', async () => {
    const made = workspaceHost();
    const options = { host: made.host, registry: () => httpRegistry(registry.url), install: () => {}, log: () => {} };
    try {
      await expect(addModule('@kota-kit/ojek', options)).rejects.toThrow('@kota-kit/ojek is not in the registry. `kota modules` lists the modules there.');
      await expect(addModule('Not A Name', options)).rejects.toThrow('is neither a known module');
      const pkg = join(made.host.dir, 'package.json');
      const before = readFileSync(pkg, 'utf8');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(pkg, before.replace(/"@kota-kit\/core": "[^"]+"/, '"@kota-kit/core": "^2.0.0"'));
      // no core installed in the host folder: its range decides, and no release of the module takes core 2
      const { hostCoreVersion } = await import('../src/commands/add.js');
      expect(hostCoreVersion(made.host)).toBe('2.0.0');
      await expect(addModule('harga-pasar', options)).rejects.toThrow("No release of @kota-kit/harga-pasar works with this host's @kota-kit/core 2.0.0. Run `kota upgrade` first.");
      expect(readFileSync(pkg, 'utf8')).not.toContain('harga-pasar');
    } finally {
      made.cleanup();
    }
  });
});
