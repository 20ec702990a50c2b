#!/usr/bin/env node
/**
 * npm create kota-app@latest <folder> -- --region "Kabupaten Pandeglang" --code 36.01 --modules laksa,harga-pasar --yes
 * Without flags it asks; with --yes it takes the defaults for everything not given.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as clack from '@clack/prompts';
import { AnswerError, resolveAnswers, type Prompter } from './answers.js';
import { detectPackageManager, installDependencies, nextCommands, writeHost } from './create.js';
import { knownModules } from './modules.js';

const usage = `Usage: create-kota-app <folder> [--region <name>] [--code <NN.NN>] [--app-name <name>]
       [--primary <#hex>] [--accent <#hex>] [--language id|en] [--modules a,b] [--yes] [--no-install]

Modules: ${knownModules.map((module) => module.id).join(', ')}`;

function cancelled(value: unknown): never | void {
  if (clack.isCancel(value)) {
    clack.cancel('Nothing was written.');
    process.exit(1);
  }
}

const clackPrompter: Prompter = {
  async text(options) {
    const value = await clack.text({ message: options.message, placeholder: options.placeholder, initialValue: options.initialValue, validate: (input) => options.validate(input ?? '') });
    cancelled(value);
    return value as string;
  },
  async select(options) {
    const value = await clack.select({ message: options.message, options: options.options as never, initialValue: options.initialValue as never });
    cancelled(value);
    return value as never;
  },
  async multiselect(options) {
    const value = await clack.multiselect({ message: options.message, options: options.options, initialValues: options.initialValues, required: true });
    cancelled(value);
    return value as string[];
  },
};

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        region: { type: 'string' },
        code: { type: 'string' },
        'app-name': { type: 'string' },
        primary: { type: 'string' },
        accent: { type: 'string' },
        language: { type: 'string' },
        modules: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        'no-install': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const interactive = Boolean(process.stdin.isTTY) && !values.yes;
  if (interactive) clack.intro('Kota Kit: a new region host');
  const folder = positionals[0];
  try {
    const answers = await resolveAnswers(
      {
        projectName: folder ? basename(resolve(folder)) : undefined,
        region: values.region,
        code: values.code,
        appName: values['app-name'],
        primary: values.primary,
        accent: values.accent,
        language: values.language,
        modules: values.modules,
        yes: values.yes,
      },
      interactive ? clackPrompter : null,
    );
    const target = folder ?? answers.projectName;
    const packageManager = detectPackageManager();
    writeHost(target, answers, packageManager);
    console.log(`\n${answers.appName} (${answers.regionName}, ${answers.code}) with ${answers.modules.join(', ')} written to ${resolve(target)}.`);
    if (!values['no-install']) {
      console.log(`Installing with ${packageManager} …`);
      if (!installDependencies(target, packageManager)) {
        console.error(`\n${packageManager} install failed: fix the problem above, then run it in ${target}.`);
        return 1;
      }
    }
    const [first, second] = nextCommands(target, packageManager);
    console.log(`\nNext:\n  ${first}\n  ${second}\n`);
    if (interactive) clack.outro('Selamat bekerja!');
    return 0;
  } catch (error) {
    if (error instanceof AnswerError || (error as Error).message.startsWith('The folder')) {
      console.error(`create-kota-app: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
