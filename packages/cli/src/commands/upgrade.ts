/**
 * `kota upgrade`: moves every @kota-kit package of the host together — core to its newest release in the
 * host's range (every release with `--latest`), each module to its newest release that declares itself
 * compatible with that core — then prints each package's changelog between the versions (breaking changes
 * marked) and the migrations the next start will apply.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { changesBetween, formatChanges } from '../changelog.js';
import { installedVersion, KotaError, readPackageJson, runPackageManager, writePackageJson, type Host } from '../host.js';
import { registryFor, releasedVersions, versionForCore } from '../registry.js';
import type { CommandOptions } from './add.js';

export interface UpgradeStep {
  name: string;
  from: string;
  to: string;
}

export interface UpgradeResult {
  steps: UpgradeStep[];
  changelog: string;
  migrations: Record<string, string[]>;
}

/** The host's @kota-kit dependencies from the registry (not local folders). */
function kitDependencies(host: Host): string[] {
  const deps = readPackageJson(host.dir).dependencies ?? {};
  return Object.keys(deps).filter((name) => name.startsWith('@kota-kit/') && !/^(file|link|workspace):/.test(deps[name]!));
}

export async function planUpgrade(options: CommandOptions & { latest?: boolean }): Promise<UpgradeStep[]> {
  const { host } = options;
  const registry = options.registry ?? ((name: string) => registryFor(name, host.dir));
  const names = kitDependencies(host);
  if (!names.includes('@kota-kit/core')) throw new KotaError('The host does not depend on @kota-kit/core.');
  const current = (name: string) => installedVersion(host.dir, name) ?? semver.minVersion(readPackageJson(host.dir).dependencies![name]!)!.version;
  const coreFrom = current('@kota-kit/core');
  const corePackument = await registry('@kota-kit/core').packument('@kota-kit/core');
  if (!corePackument) throw new KotaError('@kota-kit/core is not in the registry.');
  const coreTo = releasedVersions(corePackument).find((version) => (options.latest ? true : semver.satisfies(version, `^${coreFrom}`)) && semver.gte(version, coreFrom)) ?? coreFrom;
  const steps: UpgradeStep[] = [{ name: '@kota-kit/core', from: coreFrom, to: coreTo }];
  for (const name of names.filter((dep) => dep !== '@kota-kit/core')) {
    const from = current(name);
    const packument = await registry(name).packument(name);
    const to = packument ? versionForCore(packument, coreTo) : undefined;
    if (!to) throw new KotaError(`No release of ${name} works with @kota-kit/core ${coreTo}: upgrade stopped, nothing changed.`);
    steps.push({ name, from, to: semver.gte(to, from) ? to : from });
  }
  return steps;
}

/** Migration names each module's installed server part ships, read in a fresh Node process (new versions, no cache). */
export function shippedMigrations(host: Host, packages: string[]): Record<string, string[]> {
  const script = `
const names = JSON.parse(process.argv[1]);
const out = {};
for (const name of names) {
  try { const mod = await import(name + '/server'); out[name] = (mod.default?.migrations ?? mod.coreMigrations ?? []).map((m) => m.name); } catch { out[name] = []; }
}
process.stdout.write(JSON.stringify(out));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(packages)], { cwd: host.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(output) as Record<string, string[]>;
}

export async function upgrade(options: CommandOptions & { latest?: boolean; dryRun?: boolean }): Promise<UpgradeResult> {
  const { host } = options;
  const log = options.log ?? console.log;
  const steps = await planUpgrade(options);
  const moving = steps.filter((step) => step.from !== step.to);
  if (moving.length === 0) {
    log('Every @kota-kit package is at its newest compatible release.');
    return { steps, changelog: '', migrations: {} };
  }
  log(`Upgrading:\n${moving.map((step) => `  ${step.name} ${step.from} → ${step.to}`).join('\n')}`);
  if (options.dryRun) return { steps, changelog: '', migrations: {} };
  // Core first: its own migrations (users, sessions…) run before the modules' at the next start.
  const modules = steps.map((step) => step.name).sort((a, b) => Number(b === '@kota-kit/core') - Number(a === '@kota-kit/core'));
  const before = shippedMigrations(host, modules);
  const pkg = readPackageJson(host.dir);
  for (const step of steps) pkg.dependencies![step.name] = `^${step.to}`;
  writePackageJson(host.dir, pkg);
  (options.install ?? ((target: Host) => runPackageManager(target, ['install'])))(host);

  const changelog = moving
    .map((step) => {
      const file = join(host.dir, 'node_modules', step.name, 'CHANGELOG.md');
      return formatChanges(step.name, step.from, step.to, existsSync(file) ? changesBetween(readFileSync(file, 'utf8'), step.from, step.to) : []);
    })
    .join('\n\n');
  log(`\nWhat changed:\n${changelog}`);
  const after = shippedMigrations(host, modules);
  const migrations: Record<string, string[]> = {};
  for (const name of modules) {
    const fresh = (after[name] ?? []).filter((migration) => !(before[name] ?? []).includes(migration));
    if (fresh.length) migrations[name] = fresh;
  }
  log(
    Object.keys(migrations).length
      ? `\nMigrations the next start applies:\n${Object.entries(migrations).map(([name, list]) => `  ${name}: ${list.join(', ')}`).join('\n')}\nTake a backup first (npm run backup), then build and restart.`
      : '\nNo new migrations: build and restart.',
  );
  return { steps, changelog, migrations };
}
