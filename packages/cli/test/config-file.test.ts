import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addModuleToConfig, listedPackages, removeModuleFromConfig } from '../src/config-file.js';
import { workspaceHost } from './helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('kota.config.ts edited through its syntax tree', () => {
  it('adds a module with its import and default options, keeping the rest as written', () => {
    const made = workspaceHost();
    cleanup = made.cleanup;
    const path = made.host.configPath;
    writeFileSync(path, readFileSync(path, 'utf8').replace("verifierAgency: 'diskominfo' }", "verifierAgency: 'diskominfo' /* the LIVE room */ }"));
    expect(addModuleToConfig(path, { package: '@kota-kit/harga-pasar', exportName: 'hargaPasar', extraImports: ['tangerangDefaults'], options: '{ ...tangerangDefaults }' })).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain("import { hargaPasar, tangerangDefaults } from '@kota-kit/harga-pasar';");
    expect(text).toMatch(/laksa\.with\(\{ categories: tangerangCategories, verifierAgency: 'diskominfo' \/\* the LIVE room \*\/ \}\),\s+hargaPasar\.with\(\{ \.\.\.tangerangDefaults \}\)/);
    expect(text).toContain('// The region\'s agencies (OPD).');
    expect(listedPackages(path)).toEqual(['@kota-kit/laksa', '@kota-kit/harga-pasar']);
    // twice: nothing changes
    expect(addModuleToConfig(path, { package: '@kota-kit/harga-pasar', exportName: 'hargaPasar', options: '{}' })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('removes a module and its imports, and says when it was not listed', () => {
    const made = workspaceHost({ ...workspaceHostAnswers(), modules: ['laksa', 'harga-pasar'] });
    cleanup = made.cleanup;
    const path = made.host.configPath;
    expect(removeModuleFromConfig(path, '@kota-kit/laksa')).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('@kota-kit/laksa');
    expect(text).not.toContain('tangerangCategories');
    expect(text).not.toContain('laksa.with');
    expect(listedPackages(path)).toEqual(['@kota-kit/harga-pasar']);
    expect(removeModuleFromConfig(path, '@kota-kit/laksa')).toBe(false);
  });

  it('refuses a file that is not a defineHost config', () => {
    const made = workspaceHost();
    cleanup = made.cleanup;
    writeFileSync(made.host.configPath, 'export const x = 1;\n');
    expect(() => addModuleToConfig(made.host.configPath, { package: '@kota-kit/berita', exportName: 'berita', options: '{}' })).toThrow(/does not export defineHost/);
  });
});

function workspaceHostAnswers() {
  return { projectName: 'serang', regionName: 'Kota Serang', code: '36.73', appName: 'Serang Live', colors: { primary: '#0b5394', accent: '#f2b705' }, defaultLanguage: 'id' as const, modules: ['laksa'] };
}
