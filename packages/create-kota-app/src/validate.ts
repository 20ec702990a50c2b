/**
 * Checks of every answer, each returning a message for the person typing (undefined when the answer is fine).
 * The same checks serve the flags and the prompts.
 */
import { findRegion } from './regions.js';
import { findKnownModule, knownModuleIds } from './modules.js';

export const regionCodePattern = /^\d{2}\.\d{2}$/;
export const hexColourPattern = /^#[0-9a-fA-F]{6}$/;
export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

export function validateRegionCode(code: string): string | undefined {
  const value = code.trim();
  if (!regionCodePattern.test(value)) {
    return `"${value}" is not a kode wilayah of a kabupaten/kota: it is two pairs of digits with a dot, like "36.01" (Kabupaten Pandeglang) or "36.71" (Kota Tangerang).`;
  }
  if (!findRegion(value)) {
    const province = value.slice(0, 2);
    return `There is no kabupaten/kota with the kode wilayah "${value}" in the Kemendagri list (province ${province}). Check the code in the Kepmendagri on kode wilayah.`;
  }
  return undefined;
}

export function validateRegionName(name: string): string | undefined {
  return name.trim().length >= 3 ? undefined : 'The region name needs at least 3 characters, e.g. "Kabupaten Pandeglang".';
}

export function validateAppName(name: string): string | undefined {
  const length = name.trim().length;
  if (length < 2) return 'The app name needs at least 2 characters, e.g. "Pandeglang Live".';
  if (length > 40) return `The app name is shown on a phone's home screen: at most 40 characters (this one has ${length}).`;
  return undefined;
}

export function validateColour(colour: string, which = 'colour'): string | undefined {
  return hexColourPattern.test(colour.trim()) ? undefined : `The ${which} "${colour.trim()}" must be a hex colour of six digits like "#0f5c3a".`;
}

export function validateLanguage(language: string): string | undefined {
  return (languages as readonly string[]).includes(language) ? undefined : `The default language must be one of ${languages.join(', ')} (not "${language}").`;
}

/** Splits "laksa, harga-pasar" into ids; an unknown name is an error listing the known ones. */
export function parseModuleList(list: string): { modules: string[]; error?: string } {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !findKnownModule(name));
  if (unknown.length > 0) {
    return { modules: [], error: `Unknown module${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}. Known modules: ${knownModuleIds.join(', ')}.` };
  }
  const ids = [...new Set(names.map((name) => findKnownModule(name)!.id))];
  if (ids.length === 0) return { modules: [], error: `Pick at least one module: ${knownModuleIds.join(', ')}.` };
  return { modules: ids };
}

/** A folder / npm package name: lowercase letters, digits and dashes. */
export function validateProjectName(name: string): string | undefined {
  return /^[a-z0-9][a-z0-9._-]*$/.test(name) ? undefined : `"${name}" cannot be a folder and package name: use lowercase letters, digits and dashes, like "pandeglang".`;
}
