// A throwaway npm registry (verdaccio) on 127.0.0.1 for the publish-and-install test: @kota-kit/* and
// create-kota-app are published to it and served only from it; every other package is proxied to the registry
// npm is configured with (its URL is read at run time, never written in a committed file).
//
// verdaccio is installed on first use into node_modules/.cache/kk-verdaccio (its own folder, with the override
// it needs on Node 20), from the npm registry. Failing to install or start it is an error, never a skip.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const verdaccioVersion = '6.8.0';
const installDir = join(root, 'node_modules', '.cache', 'kk-verdaccio');
const bin = join(installDir, 'node_modules', 'verdaccio', 'bin', 'verdaccio');

/** Installs verdaccio into its own folder unless it is there already. */
export function ensureVerdaccio() {
  if (existsSync(bin)) return bin;
  mkdirSync(installDir, { recursive: true });
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({ name: 'kk-verdaccio', private: true, dependencies: { verdaccio: verdaccioVersion }, overrides: { 'node-fetch': '2.7.0' } }, null, 2),
  );
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: installDir, stdio: 'pipe', timeout: 300_000 });
  } catch (error) {
    throw new Error(`Could not install verdaccio ${verdaccioVersion} into ${installDir} (the publish-and-install test needs it): ${error.stderr ?? error.message}`, { cause: error });
  }
  if (!existsSync(bin)) throw new Error(`verdaccio installed but ${bin} is missing`);
  return bin;
}

function upstreamRegistry() {
  try {
    const value = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value && value !== 'undefined' ? value : 'https://registry.npmjs.org/';
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

/**
 * Starts verdaccio on 127.0.0.1:`port` with an empty storage. Returns its URL, an .npmrc text that sends every
 * install there (with a token so that anonymous publishing is accepted), and stop().
 */
export async function startRegistry(port) {
  const verdaccio = ensureVerdaccio();
  const dir = mkdtempSync(join(tmpdir(), 'kk-registry-'));
  const local = { access: '$all', publish: '$anonymous', unpublish: '$anonymous' };
  const yaml = [
    `storage: ${join(dir, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(dir, 'htpasswd')}`,
    '    max_users: -1',
    'uplinks:',
    '  upstream:',
    `    url: ${upstreamRegistry()}`,
    '    timeout: 60s',
    'packages:',
    ...['"@kota-kit/*"', 'create-kota-app'].flatMap((pattern) => [`  ${pattern}:`, ...Object.entries(local).map(([key, value]) => `    ${key}: ${value}`)]),
    '  "**":',
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'log: { type: stdout, format: pretty, level: warn }',
    `listen: 127.0.0.1:${port}`,
    'server:',
    '  keepAliveTimeout: 60',
    'publish:',
    '  allow_offline: true',
  ].join('\n');
  writeFileSync(join(dir, 'config.yaml'), `${yaml}\n`);
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [verdaccio, '--config', join(dir, 'config.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const npmrc = `registry=${url}\n//127.0.0.1:${port}/:_authToken=kk-e2e-anonymous\n`;
  return {
    url,
    npmrc,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
