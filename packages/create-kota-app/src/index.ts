/**
 * create-kota-app: scaffolds a region's Kota Kit host. The command is `npm create kota-app <folder>`; this entry
 * gives the same pieces to code (the `kota` command uses the module list).
 */
export { knownModules, knownModuleIds, findKnownModule, standardAgencies, type KnownModule } from './modules.js';
export { findRegion, findRegionsByName, allRegions, shortRegionName, type RegionEntry } from './regions.js';
export { wilayahSource } from './data/wilayah.js';
export { parseModuleList, validateAppName, validateColour, validateLanguage, validateProjectName, validateRegionCode, validateRegionName } from './validate.js';
export { hostFiles, kotaConfig, packageJson, onColour, defaultAppName, type HostAnswers } from './templates.js';
export { placeholderLogo, initialsOf } from './logo.js';
export { resolveAnswers, AnswerError, defaults, type Flags, type Prompter } from './answers.js';
export { detectPackageManager, writeHost, installDependencies, nextCommands, type PackageManager } from './create.js';
export { kotaKitVersions, kotaKitRange, toolVersions } from './versions.js';
