import { z } from 'zod';
import { regionSchema, type Region, type RegionInput } from './region.js';

/** kebab-case; fixes the URL segment, API prefix, table prefix, translation namespace and permission names. */
export const moduleIdPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface RoleDefinition {
  /** e.g. "verifier"; granted to a user as "<module>:<role>". */
  id: string;
  /** What the role may do, for the admin screen. */
  description: string;
  /** Whether a grant of this role is tied to one agency (OPD). */
  agencyScoped: boolean;
}

export interface OptionIssue {
  /** Path inside the module's options, e.g. ["categories", 0, "agency"]. */
  path: (string | number)[];
  message: string;
}

export interface ModuleDefinition<Id extends string = string, Options extends z.ZodType = z.ZodType> {
  readonly id: Id;
  /** npm package that holds the module; the host loads `<package>/server` and `<package>/client`. */
  readonly package: string;
  /** Whether the package exports `<package>/style.css`. */
  readonly hasStyles: boolean;
  readonly options: Options;
  readonly roles: readonly RoleDefinition[];
  /**
   * Checks of the options that need the region (e.g. that a category's agency exists). A method, so a module's
   * definition is a `ModuleDefinition` of any options (the host calls it with options its own schema parsed).
   */
  checkOptions?(options: z.output<Options>, region: Region): OptionIssue[];
  /** Pairs this module with its options for a host's module list. */
  with(options: z.input<Options>): ModuleUse;
}

export interface ModuleUse {
  readonly module: ModuleDefinition;
  readonly options: unknown;
}

export function defineModule<const Id extends string, Options extends z.ZodType = z.ZodObject<Record<string, never>>>(def: {
  id: Id;
  package: string;
  hasStyles?: boolean;
  options?: Options;
  roles?: readonly RoleDefinition[];
  checkOptions?: (options: z.output<Options>, region: Region) => OptionIssue[];
}): ModuleDefinition<Id, Options> {
  if (!moduleIdPattern.test(def.id)) {
    throw new Error(`Module id "${def.id}" must be kebab-case (like "harga-pasar").`);
  }
  const options = (def.options ?? z.object({})) as Options;
  const module: ModuleDefinition<Id, Options> = {
    id: def.id,
    package: def.package,
    hasStyles: def.hasStyles ?? false,
    options,
    roles: def.roles ?? [],
    checkOptions: def.checkOptions,
    with: (value) => ({ module, options: value }),
  };
  return module;
}

/** Database table prefix of a module: "harga-pasar" → "harga_pasar_". */
export function tablePrefix(moduleId: string): string {
  return `${moduleId.replaceAll('-', '_')}_`;
}

/** Server-side hook a region attaches to a module's event, e.g. to send an email or a WhatsApp message. */
export type EventHandler = (payload: unknown, event: { name: string; at: Date }) => void | Promise<void>;

export interface HostInput {
  region: RegionInput;
  modules: ModuleUse[];
  /** Region hooks on core and module events, keyed by event name ("laksa.report.status-changed"). */
  on?: Record<string, EventHandler | EventHandler[]>;
}

export interface ResolvedModule {
  definition: ModuleDefinition;
  options: unknown;
}

export interface HostConfig {
  region: Region;
  modules: ResolvedModule[];
  on: Record<string, EventHandler[]>;
}

export class HostConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid host configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'HostConfigError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

/** Typed identity: gives the host config file its types; validation happens in `resolveHost`. */
export function defineHost(input: HostInput): HostInput {
  return input;
}

/**
 * Validates a host config: the region and each module's options.
 * Throws a HostConfigError naming the module and the field of every problem.
 */
export function resolveHost(input: HostInput): HostConfig {
  const issues: string[] = [];
  const region = regionSchema.safeParse(input.region);
  if (!region.success) {
    for (const issue of region.error.issues) issues.push(`region.${formatPath(issue.path)}: ${issue.message}`);
  }
  const seen = new Set<string>();
  const modules: ResolvedModule[] = [];
  for (const use of input.modules) {
    const { module } = use;
    if (seen.has(module.id)) issues.push(`module "${module.id}" is listed twice`);
    seen.add(module.id);
    const parsed = module.options.safeParse(use.options ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push(`module "${module.id}", option "${formatPath(issue.path) || '(root)'}": ${issue.message}`);
      }
      continue;
    }
    if (region.success && module.checkOptions) {
      for (const issue of module.checkOptions(parsed.data, region.data)) {
        issues.push(`module "${module.id}", option "${formatPath(issue.path)}": ${issue.message}`);
      }
    }
    modules.push({ definition: module, options: parsed.data });
  }
  if (issues.length > 0 || !region.success) throw new HostConfigError(issues);
  const on: Record<string, EventHandler[]> = {};
  for (const [name, handler] of Object.entries(input.on ?? {})) on[name] = Array.isArray(handler) ? handler : [handler];
  return { region: region.data, modules, on };
}
