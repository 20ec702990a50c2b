// Filled in at build time (tsup's and vitest's `define`) from the workspace: see versions.config.ts.
declare const __KOTA_KIT_VERSIONS__: Record<string, string>;
declare const __KOTA_CATALOG_VERSIONS__: Record<string, string>;

/** Version of each published @kota-kit package (and create-kota-app) when this create-kota-app was built. */
export const kotaKitVersions: Readonly<Record<string, string>> = __KOTA_KIT_VERSIONS__;
/** Versions of React, Vite, tsup, TypeScript and types that the kit is tested with. */
export const toolVersions: Readonly<Record<string, string>> = __KOTA_CATALOG_VERSIONS__;

/** The range a host depends on: a caret on the released version, or the latest release for a package newer than this build. */
export function kotaKitRange(packageName: string): string {
  const version = kotaKitVersions[packageName];
  return version ? `^${version}` : 'latest';
}

export function toolVersion(packageName: string): string {
  const version = toolVersions[packageName];
  if (!version) throw new Error(`No version of ${packageName} in the kit's catalog`);
  return version;
}
