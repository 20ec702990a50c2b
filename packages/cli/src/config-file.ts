/**
 * Adds and removes modules in a host's kota.config.ts through its syntax tree (magicast), so comments, options of
 * other modules and formatting elsewhere stay as the region wrote them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { builders, generateCode, parseModule, type ProxifiedModule } from 'magicast';
import { getDefaultExportOptions } from 'magicast/helpers';
import { KotaError } from './host.js';

export interface ModuleEntry {
  package: string;
  exportName: string;
  extraImports?: readonly string[];
  /** TypeScript source of the options, the argument of `<exportName>.with(…)`. */
  options: string;
}

interface AstNode {
  type: string;
  [key: string]: unknown;
}

function load(path: string): { mod: ProxifiedModule; modules: { $ast: { elements: (AstNode | null)[] }; push(value: unknown): void } } {
  const mod = parseModule(readFileSync(path, 'utf8'));
  let options: Record<string, unknown>;
  try {
    options = getDefaultExportOptions(mod) as Record<string, unknown>;
  } catch {
    throw new KotaError(`${path} does not export defineHost({ … }) as its default: cannot edit it.`);
  }
  const modules = options.modules as { $ast: { elements: (AstNode | null)[] }; push(value: unknown): void } | undefined;
  if (!modules || modules.$ast?.elements === undefined) throw new KotaError(`${path} has no \`modules: [ … ]\` list in defineHost: cannot edit it.`);
  return { mod, modules };
}

/** The identifier a module-list element is built from: `laksa.with({…})` → "laksa", `laksa` → "laksa". */
function rootIdentifier(node: AstNode | null): string | undefined {
  let current: AstNode | null | undefined = node;
  while (current) {
    if (current.type === 'Identifier') return current.name as string;
    if (current.type === 'CallExpression') current = current.callee as AstNode;
    else if (current.type === 'MemberExpression') current = current.object as AstNode;
    else if (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression') current = current.expression as AstNode;
    else return undefined;
  }
  return undefined;
}

/** The local names imported from `packageName` in the config. */
function importedFrom(mod: ProxifiedModule, packageName: string): string[] {
  return Object.values(mod.imports)
    .filter((item) => item.from === packageName)
    .map((item) => item.local);
}

/** Packages whose module the config lists (by the import its list element is built from). */
export function listedPackages(path: string): string[] {
  const { mod, modules } = load(path);
  const packages: string[] = [];
  for (const element of modules.$ast.elements) {
    const name = rootIdentifier(element);
    const source = Object.values(mod.imports).find((item) => item.local === name)?.from;
    if (source) packages.push(source);
  }
  return packages;
}

/** Adds `<exportName>.with(<options>)` to the module list and its import; false when it is listed already. */
export function addModuleToConfig(path: string, entry: ModuleEntry): boolean {
  const { mod, modules } = load(path);
  const locals = importedFrom(mod, entry.package);
  if (modules.$ast.elements.some((element) => locals.includes(rootIdentifier(element) ?? ''))) return false;
  for (const name of [entry.exportName, ...(entry.extraImports ?? [])]) {
    if (mod.imports[name]) {
      if (mod.imports[name].from !== entry.package) throw new KotaError(`kota.config.ts already imports "${name}" from ${mod.imports[name].from}: rename that import first.`);
      continue;
    }
    mod.imports.$append({ from: entry.package, imported: name, local: name });
  }
  modules.push(builders.raw(`${entry.exportName}.with(${entry.options})`));
  writeFileSync(path, generateCode(mod).code);
  return true;
}

/** Removes the module of `packageName` from the list and its imports; false when it was not listed. */
export function removeModuleFromConfig(path: string, packageName: string): boolean {
  const { mod, modules } = load(path);
  const locals = importedFrom(mod, packageName);
  const elements = modules.$ast.elements;
  const index = elements.findIndex((element) => locals.includes(rootIdentifier(element) ?? ''));
  if (index < 0) return false;
  elements.splice(index, 1);
  for (const local of locals) delete mod.imports[local];
  writeFileSync(path, generateCode(mod).code);
  return true;
}
