/** Loads a host's kota.config.ts (TypeScript) and its installed core, as the host itself would. */
import { createJiti } from 'jiti';
import { importFromHost, type Host } from './host.js';

export interface HostInputLike {
  region: unknown;
  modules: { module: { id: string; package: string } }[];
}

export async function loadHostConfig(host: Host): Promise<HostInputLike> {
  const jiti = createJiti(host.configPath, { moduleCache: false, fsCache: false });
  return (await jiti.import(host.configPath, { default: true })) as HostInputLike;
}

/** What the CLI uses of the host's @kota-kit/core and @kota-kit/core/server (older cores lack the doctor's helpers). */
export interface CoreApi {
  resolveHost(input: unknown): { region: { holidays: { date: string }[] }; modules: { definition: { id: string; package: string } }[] };
}

export interface CoreServerApi {
  openDatabase(options: { url?: string; dataDir?: string }): Promise<{ close(): Promise<void> }>;
  readDataLock(dataDir: string): { holder: { pid: number; hostname: string; startedAt: string } | null; alive: boolean | null } | null;
  pendingMigrations?(database: unknown, modules: { id: string; migrations: readonly { name: string; sql: string }[] }[]): Promise<{ module: string; pending: string[]; problems: string[] }[]>;
  holdsDemoData?(database: unknown): Promise<boolean>;
  holidayCoverage?(region: { holidays: { date: string }[] }, today?: Date): { years: number[]; missing: number[] };
}

export function hostCore(host: Host): Promise<CoreApi> {
  return importFromHost<CoreApi>(host.dir, '@kota-kit/core');
}

export function hostCoreServer(host: Host): Promise<CoreServerApi> {
  return importFromHost<CoreServerApi>(host.dir, '@kota-kit/core/server');
}

/** The server part (default export of `<package>/server`) of a module, from the host's dependencies. */
export async function hostServerModule(host: Host, packageName: string): Promise<{ definition: { id: string }; migrations: { name: string; sql: string }[] }> {
  const imported = await importFromHost<{ default: { definition: { id: string }; migrations: { name: string; sql: string }[] } }>(host.dir, `${packageName}/server`);
  return imported.default;
}
