/** `kota add <module>` and `kota remove <module>`. */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findKnownModule } from 'create-kota-app';
import semver from 'semver';
import { addModuleToConfig, removeModuleFromConfig } from '../config-file.js';
import { importFromHost, installedVersion, KotaError, readPackageJson, runPackageManager, writePackageJson, type Host } from '../host.js';
import { registryFor, versionForCore, type Registry } from '../registry.js';

export interface CommandOptions {
  host: Host;
  /** The registry for a package (default: the host's npm configuration). */
  registry?: (packageName: string) => Registry;
  /** Installs after package.json changed (default: the host's package manager). */
  install?: (host: Host) => void;
  log?: (line: string) => void;
}

const defaultInstall = (host: Host) => runPackageManager(host, ['install']);

/** The host's core version: installed, else the lowest its range allows. */
export function hostCoreVersion(host: Host): string {
  const installed = installedVersion(host.dir, '@kota-kit/core');
  if (installed) return installed;
  const range = readPackageJson(host.dir).dependencies?.['@kota-kit/core'];
  const lowest = range ? semver.minVersion(range)?.version : undefined;
  if (!lowest) throw new KotaError('The host does not depend on @kota-kit/core: is this a Kota Kit host?');
  return lowest;
}

interface ModuleExport {
  id: string;
  package: string;
  with: unknown;
}

/** The export of a module package that is its definition (made with defineModule). */
async function definitionExport(host: Host, packageName: string): Promise<string> {
  const exports = await importFromHost<Record<string, unknown>>(host.dir, packageName);
  const found = Object.entries(exports).find(([, value]) => {
    const candidate = value as Partial<ModuleExport> | null;
    return typeof candidate === 'object' && candidate !== null && candidate.package === packageName && typeof candidate.with === 'function';
  });
  if (!found) throw new KotaError(`${packageName} exports no module definition (defineModule with package "${packageName}"): is it a Kota Kit module?`);
  return found[0];
}

export async function addModule(name: string, options: CommandOptions): Promise<{ package: string; version: string }> {
  const { host } = options;
  const log = options.log ?? console.log;
  const install = options.install ?? defaultInstall;
  const known = findKnownModule(name);
  const local = !known && (name.startsWith('.') || name.startsWith('/')) ? resolve(host.dir, name) : undefined;
  let packageName: string;
  let spec: string;
  let version: string;
  if (local) {
    if (!existsSync(join(local, 'package.json'))) throw new KotaError(`${name} is not a package folder (no package.json).`);
    const pkg = readPackageJson(local);
    packageName = pkg.name ?? name;
    version = pkg.version ?? '0.0.0';
    spec = `file:${relative(host.dir, local) || '.'}`;
  } else {
    packageName = known?.package ?? name;
    if (!/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(packageName)) {
      throw new KotaError(`"${name}" is neither a known module (laksa, harga-pasar, pencaker, berita) nor an npm package name.`);
    }
    const core = hostCoreVersion(host);
    const packument = await (options.registry ?? ((pkg) => registryFor(pkg, host.dir)))(packageName).packument(packageName);
    if (!packument) throw new KotaError(`${packageName} is not in the registry. \`kota modules\` lists the modules there.`);
    const match = versionForCore(packument, core);
    if (!match) throw new KotaError(`No release of ${packageName} works with this host's @kota-kit/core ${core}. Run \`kota upgrade\` first.`);
    version = match;
    spec = `^${match}`;
  }
  const pkg = readPackageJson(host.dir);
  pkg.dependencies = Object.fromEntries(Object.entries({ ...pkg.dependencies, [packageName]: spec }).sort(([a], [b]) => a.localeCompare(b)));
  writePackageJson(host.dir, pkg);
  install(host);
  const entry = known
    ? { package: packageName, exportName: known.exportName, extraImports: known.extraImports, options: known.defaultOptions }
    : { package: packageName, exportName: await definitionExport(host, packageName), options: '{}' };
  const added = addModuleToConfig(host.configPath, entry);
  log(added ? `Added ${packageName}@${version} to kota.config.ts with its default options. Restart the host to apply its migrations and see it.` : `${packageName}@${version} is installed; kota.config.ts lists it already.`);
  return { package: packageName, version };
}

export async function removeModule(name: string, options: CommandOptions): Promise<boolean> {
  const { host } = options;
  const log = options.log ?? console.log;
  const packageName = findKnownModule(name)?.package ?? name;
  const removed = removeModuleFromConfig(host.configPath, packageName);
  const pkg = readPackageJson(host.dir);
  const depended = Boolean(pkg.dependencies?.[packageName]);
  if (!removed && !depended) throw new KotaError(`${packageName} is not in this host (neither in kota.config.ts nor in package.json).`);
  if (depended) {
    delete pkg.dependencies![packageName];
    writePackageJson(host.dir, pkg);
    (options.install ?? defaultInstall)(host);
  }
  log(`Removed ${packageName}. Its tables and data stay in the database; adding it again later finds them.`);
  return removed;
}
