#!/usr/bin/env node
/** The `kota` command of a Kota Kit host. */
import { parseArgs } from 'node:util';
import { addModule, removeModule } from './commands/add.js';
import { doctor, formatChecks } from './commands/doctor.js';
import { formatModules, listModules } from './commands/modules.js';
import { newModule } from './commands/new-module.js';
import { upgrade } from './commands/upgrade.js';
import { findHost, KotaError } from './host.js';
import { registryFor } from './registry.js';

const usage = `Usage: kota <command>

  doctor               check Node, the config, the database, pending migrations, holidays, demo mode, the data folder lock
  add <module>         install a module (laksa, harga-pasar, pencaker, berita, a package name or ./folder) and add it to kota.config.ts
  remove <module>      take a module out of kota.config.ts and the dependencies
  upgrade [--latest] [--dry-run]
                       move every @kota-kit package together; print the changelog and the migrations the next start applies
  modules              list the modules in the registry (@kota-kit/* and packages with the keyword kota-kit-module)
  new-module <name> [--package <npm name>]
                       start a region's own module from the template (in modules/<name> of the host)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { latest: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, package: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'doctor': {
      const checks = await doctor({ host: findHost() });
      console.log(formatChecks(checks));
      return checks.some((check) => check.status === 'fail') ? 1 : 0;
    }
    case 'add':
    case 'remove': {
      if (!argument) throw new KotaError(`kota ${command} <module>: which module?`);
      const host = findHost();
      if (command === 'add') await addModule(argument, { host });
      else await removeModule(argument, { host });
      return 0;
    }
    case 'upgrade':
      await upgrade({ host: findHost(), latest: values.latest, dryRun: values['dry-run'] });
      return 0;
    case 'modules': {
      let cwd = process.cwd();
      try {
        cwd = findHost().dir;
      } catch {
        // outside a host: the user's npm configuration
      }
      console.log(formatModules(await listModules(registryFor('@kota-kit/core', cwd))));
      return 0;
    }
    case 'new-module': {
      if (!argument) throw new KotaError('kota new-module <name>: give the module id, like "pengumuman".');
      let host;
      try {
        host = findHost();
      } catch {
        host = undefined;
      }
      newModule(argument, { host, packageName: values.package });
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof KotaError || (error as Error).name === 'TypeError' && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`kota: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
