/** @kota-kit/cli — the pieces of the `kota` command, for scripts and tests. */
export { addModule, removeModule, hostCoreVersion, type CommandOptions } from './commands/add.js';
export { doctor, formatChecks, type Check, type CheckStatus, type DoctorOptions } from './commands/doctor.js';
export { listModules, formatModules, type ListedModule } from './commands/modules.js';
export { newModule, templateDir, type NewModuleOptions } from './commands/new-module.js';
export { upgrade, planUpgrade, shippedMigrations, type UpgradeStep, type UpgradeResult } from './commands/upgrade.js';
export { addModuleToConfig, removeModuleFromConfig, listedPackages, type ModuleEntry } from './config-file.js';
export { parseChangelog, changesBetween, formatChanges, type ChangelogRelease } from './changelog.js';
export { findHost, detectPackageManager, KotaError, type Host, type PackageManager } from './host.js';
export { httpRegistry, registryFor, registryUrl, releasedVersions, versionForCore, type Packument, type Registry } from './registry.js';
