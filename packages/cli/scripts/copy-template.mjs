// Copies the module template (packages/module-template) into this package's template/ folder, which ships with
// @kota-kit/cli so `kota new-module` works outside this repository. Built files and dependencies are left out.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../module-template', import.meta.url));
const to = fileURLToPath(new URL('../template', import.meta.url));
if (!existsSync(`${from}/package.json`)) throw new Error(`No module template at ${from}`);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, {
  recursive: true,
  filter: (source) => !/[/\\](node_modules|dist|\.turbo|\.data)([/\\]|$)/.test(source.slice(from.length)),
});
// Named so that no tool takes it for a nested package of @kota-kit/cli (publint reads nested package.json files).
renameSync(`${to}/package.json`, `${to}/package.json.tmpl`);
console.log(`module template copied to ${to}`);
