/**
 * From flags (and, when a flag is missing and the terminal is interactive, prompts) to the answers a host is
 * written from. Every answer passes the same checks; a bad flag stops with a message saying what to write.
 */
import { defaultAppName } from './templates.js';
import type { HostAnswers } from './templates.js';
import { knownModules } from './modules.js';
import { findRegion, findRegionsByName } from './regions.js';
import { parseModuleList, validateAppName, validateColour, validateLanguage, validateProjectName, validateRegionCode, validateRegionName, type Language } from './validate.js';

export interface Flags {
  projectName?: string;
  region?: string;
  code?: string;
  appName?: string;
  primary?: string;
  accent?: string;
  language?: string;
  modules?: string;
  yes?: boolean;
}

export const defaults = { primary: '#0b5394', accent: '#f2b705', language: 'id' as Language, modules: ['laksa', 'harga-pasar'] };

export class AnswerError extends Error {
  override name = 'AnswerError';
}

/** Asks for what the flags left out; `ask` is null when nothing may be asked (--yes, or no terminal). */
export interface Prompter {
  text(options: { message: string; placeholder?: string; initialValue?: string; validate: (value: string) => string | undefined }): Promise<string>;
  select<T extends string>(options: { message: string; options: { value: T; label: string; hint?: string }[]; initialValue?: T }): Promise<T>;
  multiselect(options: { message: string; options: { value: string; label: string; hint?: string }[]; initialValues: string[] }): Promise<string[]>;
}

function check(message: string | undefined): void {
  if (message) throw new AnswerError(message);
}

/** Region name and code from one or both: the code names the region; a name alone must name one region. */
function regionFromFlags(region: string | undefined, code: string | undefined): { name?: string; code?: string } {
  if (code !== undefined) {
    check(validateRegionCode(code));
    const entry = findRegion(code.trim())!;
    if (region !== undefined) {
      check(validateRegionName(region));
      const named = findRegionsByName(region);
      if (named.length > 0 && !named.some((candidate) => candidate.code === entry.code)) {
        throw new AnswerError(`The kode wilayah ${entry.code} is ${entry.name}, not "${region}" (${named.map((candidate) => `${candidate.name}: ${candidate.code}`).join(', ')}). Give the matching --code or leave --region out.`);
      }
      return { name: named.length > 0 ? entry.name : region.trim(), code: entry.code };
    }
    return { name: entry.name, code: entry.code };
  }
  if (region !== undefined) {
    check(validateRegionName(region));
    const named = findRegionsByName(region);
    if (named.length === 1) return { name: named[0]!.name, code: named[0]!.code };
    if (named.length > 1) throw new AnswerError(`"${region}" names ${named.map((candidate) => `${candidate.name} (${candidate.code})`).join(' and ')}: give --code too.`);
    return { name: region.trim() };
  }
  return {};
}

export async function resolveAnswers(flags: Flags, prompter: Prompter | null): Promise<HostAnswers> {
  const fromFlags = regionFromFlags(flags.region, flags.code);
  let regionName = fromFlags.name;
  let code = fromFlags.code;

  if (!code) {
    if (!prompter) throw new AnswerError(regionName ? `No kabupaten/kota named "${regionName}" in the Kemendagri list: give its kode wilayah with --code (like 36.01).` : 'Give the region with --code (kode wilayah, like 36.01) or --region "Kabupaten Pandeglang".');
    code = (await prompter.text({ message: 'Kode wilayah (Kemendagri) of the kabupaten/kota', placeholder: '36.01', validate: validateRegionCode })).trim();
    const entry = findRegion(code)!;
    regionName = await prompter.text({ message: 'Official name of the region', initialValue: regionName ?? entry.name, validate: validateRegionName });
  } else if (!regionName && prompter) {
    regionName = await prompter.text({ message: 'Official name of the region', initialValue: findRegion(code)!.name, validate: validateRegionName });
  }
  regionName = regionName!.trim();

  const ask = flags.yes ? null : prompter;
  const projectName = flags.projectName ?? regionName.toLowerCase().replace(/^(kabupaten|kota)\s+/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  check(validateProjectName(projectName));

  let appName = flags.appName ?? (ask ? await ask.text({ message: 'Name of the app (header, phone home screen)', initialValue: defaultAppName(regionName), validate: validateAppName }) : defaultAppName(regionName));
  appName = appName.trim();
  check(validateAppName(appName));

  const primary = (flags.primary ?? (ask ? await ask.text({ message: 'Primary colour (hex)', initialValue: defaults.primary, validate: (value) => validateColour(value, 'primary colour') }) : defaults.primary)).trim();
  check(validateColour(primary, 'primary colour'));
  const accent = (flags.accent ?? (ask ? await ask.text({ message: 'Accent colour (hex)', initialValue: defaults.accent, validate: (value) => validateColour(value, 'accent colour') }) : defaults.accent)).trim();
  check(validateColour(accent, 'accent colour'));

  const language = flags.language ?? (ask ? await ask.select<Language>({ message: 'Default language', options: [{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }], initialValue: 'id' }) : defaults.language);
  check(validateLanguage(language));

  let modules: string[];
  if (flags.modules !== undefined) {
    const parsed = parseModuleList(flags.modules);
    if (parsed.error) throw new AnswerError(parsed.error);
    modules = parsed.modules;
  } else if (ask) {
    modules = await ask.multiselect({ message: 'Modules', options: knownModules.map((module) => ({ value: module.id, label: module.id, hint: module.description })), initialValues: defaults.modules });
    const parsed = parseModuleList(modules.join(','));
    if (parsed.error) throw new AnswerError(parsed.error);
  } else {
    modules = defaults.modules;
  }

  return { projectName, regionName, code, appName, colors: { primary: primary.toLowerCase(), accent: accent.toLowerCase() }, defaultLanguage: language as Language, modules };
}
