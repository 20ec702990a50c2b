/** `kota modules`: the modules in the configured registry — @kota-kit's and every package with the keyword kota-kit-module. */
import { knownModules } from 'create-kota-app';
import type { Registry } from '../registry.js';

export interface ListedModule {
  name: string;
  version: string;
  description: string;
  firstParty: boolean;
}

const notModules = new Set(['@kota-kit/core', '@kota-kit/cli']);

export async function listModules(registry: Registry): Promise<ListedModule[]> {
  const found = new Map<string, ListedModule>();
  const add = (item: { name: string; version: string; description?: string; keywords?: string[] }) => {
    const firstParty = item.name.startsWith('@kota-kit/');
    if (firstParty ? notModules.has(item.name) : !item.keywords?.includes('kota-kit-module')) return;
    found.set(item.name, { name: item.name, version: item.version, description: item.description ?? '', firstParty });
  };
  for (const item of await registry.search('keywords:kota-kit-module')) add(item);
  for (const item of await registry.search('@kota-kit')) add(item);
  // Known first-party modules a search index may not have caught yet.
  for (const module of knownModules) {
    if (found.has(module.package)) continue;
    const packument = await registry.packument(module.package);
    const latest = packument?.['dist-tags'].latest;
    if (packument && latest) add({ name: module.package, version: latest, description: packument.versions[latest]?.description, keywords: ['kota-kit-module'] });
  }
  return [...found.values()].sort((a, b) => Number(b.firstParty) - Number(a.firstParty) || a.name.localeCompare(b.name));
}

export function formatModules(modules: ListedModule[]): string {
  if (modules.length === 0) return 'No Kota Kit modules found in this registry.';
  const width = Math.max(...modules.map((module) => `${module.name}@${module.version}`.length));
  return modules
    .map((module) => `${`${module.name}@${module.version}`.padEnd(width)}  ${module.firstParty ? '' : '(region) '}${module.description}`)
    .join('\n');
}
