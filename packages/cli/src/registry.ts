/** The npm registry the host installs from (its .npmrc, scoped registries included), read over HTTP. */
import { execFileSync } from 'node:child_process';
import semver from 'semver';

export interface PackageVersion {
  name: string;
  version: string;
  description?: string;
  keywords?: string[];
  peerDependencies?: Record<string, string>;
}

export interface Packument {
  name: string;
  'dist-tags': Record<string, string>;
  versions: Record<string, PackageVersion>;
  time?: Record<string, string>;
}

export interface Registry {
  packument(name: string): Promise<Packument | null>;
  search(text: string): Promise<{ name: string; version: string; description?: string; keywords?: string[] }[]>;
}

function npmConfig(key: string, cwd: string): string | undefined {
  try {
    const value = execFileSync('npm', ['config', 'get', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value && value !== 'undefined' && value !== 'null' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The registry URL for a package name as npm in `cwd` sees it (KOTA_REGISTRY wins, for tests and mirrors). */
export function registryUrl(packageName: string, cwd: string): string {
  const fromEnv = process.env.KOTA_REGISTRY;
  if (fromEnv) return fromEnv;
  const scope = packageName.startsWith('@') ? packageName.split('/')[0] : undefined;
  return (scope && npmConfig(`${scope}:registry`, cwd)) || npmConfig('registry', cwd) || 'https://registry.npmjs.org/';
}

export function httpRegistry(baseUrl: string): Registry {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    async packument(name) {
      const response = await fetch(`${base}${name.replace('/', '%2f')}`, { headers: { accept: 'application/json' } });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${base}${name}: ${response.status} ${response.statusText}`);
      return (await response.json()) as Packument;
    },
    async search(text) {
      const response = await fetch(`${base}-/v1/search?text=${encodeURIComponent(text)}&size=250`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${base}-/v1/search: ${response.status} ${response.statusText}`);
      const body = (await response.json()) as { objects: { package: { name: string; version: string; description?: string; keywords?: string[] } }[] };
      return body.objects.map((item) => item.package);
    },
  };
}

/** The registry for a package, as the host in `cwd` would install it. */
export function registryFor(packageName: string, cwd: string): Registry {
  return httpRegistry(registryUrl(packageName, cwd));
}

/** Released versions, newest first (no prereleases). */
export function releasedVersions(packument: Packument): string[] {
  return Object.keys(packument.versions)
    .filter((version) => semver.valid(version) && !semver.prerelease(version))
    .sort(semver.rcompare);
}

/** The newest version of a module that declares itself compatible with this core (its peer range), if any. */
export function versionForCore(packument: Packument, coreVersion: string): string | undefined {
  return releasedVersions(packument).find((version) => {
    const range = packument.versions[version]?.peerDependencies?.['@kota-kit/core'];
    return !range || semver.satisfies(coreVersion, range);
  });
}
