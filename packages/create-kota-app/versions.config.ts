/**
 * Versions a generated host depends on, read from this workspace when create-kota-app is built (and when its
 * tests run): every @kota-kit package's own version and the shared catalog's versions of React, Vite and the
 * build tools. They are compiled into the package, so a published create-kota-app writes the versions it was
 * released with.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function kotaKitVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const folder of readdirSync(`${root}/packages`)) {
    const file = `${root}/packages/${folder}/package.json`;
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string; private?: boolean };
    if (!pkg.private) versions[pkg.name] = pkg.version;
  }
  return versions;
}

export function catalogVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  let inCatalog = false;
  for (const line of readFileSync(`${root}/pnpm-workspace.yaml`, 'utf8').split('\n')) {
    if (/^catalog:\s*$/.test(line)) inCatalog = true;
    else if (/^\S/.test(line)) inCatalog = false;
    const entry = inCatalog ? /^\s+'?([^':\s]+)'?:\s*(\S+)\s*$/.exec(line) : null;
    if (entry) versions[entry[1]!] = entry[2]!;
  }
  return versions;
}

export function versionDefines(): Record<string, string> {
  return {
    __KOTA_KIT_VERSIONS__: JSON.stringify(kotaKitVersions()),
    __KOTA_CATALOG_VERSIONS__: JSON.stringify(catalogVersions()),
  };
}
