/**
 * A second region from nothing, the way a region's IT team does it, against a local registry on loopback:
 * every package of the working tree is published to verdaccio; in an empty folder outside the monorepo the three
 * commands (`npm create kota-app …`, `cd`, `npm start`) make and start Kota Serang's host with two modules; Chromium
 * sees its name, colours and only its modules; the built browser files hold no code of the modules not chosen;
 * `kota add` adds a third module; a patch release of LAKSA with a new migration is published and `kota upgrade`
 * takes it, keeping the data; `kota new-module` makes the region's own module, which the host then serves.
 *
 * Needs verdaccio (installed on first use from the npm registry by scripts/e2e-registry.mjs) and Chromium: either
 * missing is a failure, never a skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, phoneViewport, waitForApp } from '@kota-kit/core/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const registryPort = 48730 + (process.pid % 50);
const hostPort = 48800 + (process.pid % 50);
const primary = '#7a1f5c';
const accent = '#2bb673';

interface Registry {
  url: string;
  npmrc: string;
  output(): string;
  stop(): Promise<void>;
}

let registry: Registry;
let browser: Browser;
let work: string;
let hostDir: string;
let env: NodeJS.ProcessEnv;
let server: { child: ChildProcess; output: () => string } | undefined;
/** A first-party module beyond the two chosen, when the working tree has one built (pencaker, berita). */
let third: string | undefined;

function run(command: string, args: string[], cwd: string, timeout = 600_000): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`, { cause: error });
  }
}

/** `npm start` in the host: builds once, then serves with demo data; resolves when /api/health answers. */
async function startHost(): Promise<void> {
  let output = '';
  const child = spawn('npm', ['start'], { cwd: hostDir, env: { ...env, PORT: String(hostPort) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  server = { child, output: () => output };
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${hostPort}/api/health`);
      if (response.ok) return;
    } catch {
      // building or starting
    }
    if (Date.now() > deadline) throw new Error(`the host did not answer within 7 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stopHost(): Promise<void> {
  if (!server) return;
  const { child } = server;
  server = undefined;
  // A process ended by a signal has a signalCode and no exitCode.
  const running = () => child.exitCode === null && child.signalCode === null;
  if (!running()) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (!running()) return;
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch (error) {
    // The group ended in between: nothing left to stop.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({ ...phoneViewport, baseURL: `http://127.0.0.1:${hostPort}` });
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('internetdisconnected'));
  return context.newPage();
}

/** The module ids the home page links to (nav and tiles). */
async function offeredModules(page: Page): Promise<string[]> {
  await page.goto('/');
  await waitForApp(page);
  await page.locator('header').getByText('Serang Live').first().waitFor();
  // the server paints the header; the module links come with the browser app
  await page.locator('a[href^="/laksa"]').first().waitFor();
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs.map((href) => href.split('/')[1] ?? '').filter(Boolean))].sort();
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

beforeAll(async () => {
  // verdaccio and Chromium first: either missing fails here, loudly.
  const { startRegistry } = (await import(join(repoRoot, 'scripts/e2e-registry.mjs'))) as { startRegistry(port: number): Promise<Registry> };
  registry = await startRegistry(registryPort);
  browser = await launchChromium();
  work = mkdtempSync(join(tmpdir(), 'kk-region-'));
  writeFileSync(join(work, '.npmrc'), registry.npmrc);
  // Every npm and pnpm call below sees only this configuration: the local registry (which proxies the rest).
  env = { ...process.env, npm_config_userconfig: join(work, '.npmrc'), npm_config_registry: registry.url, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  delete env.npm_config_user_agent;
  delete env.INIT_CWD;
  run('pnpm', ['publish', '-r', '--registry', registry.url, '--no-git-checks'], repoRoot);
  third = ['pencaker', 'berita'].find((id) => existsSync(join(repoRoot, 'packages', id, 'dist', 'index.js')));
}, 900_000);

afterAll(async () => {
  await stopHost();
  await browser?.close();
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a second region, from an empty folder', { timeout: 900_000 }, () => {
  it('is made and started with the three commands, and shows its name, colours and only its modules', async () => {
    const output = run('npm', ['create', 'kota-app@latest', 'serang', '--', '--region', 'Kota Serang', '--code', '36.73', '--modules', 'laksa,harga-pasar', '--primary', primary, '--accent', accent, '--yes'], work);
    expect(output).toContain('Next:\n  cd serang\n  npm start');
    hostDir = join(work, 'serang');
    expect(existsSync(join(hostDir, 'node_modules/@kota-kit/laksa/package.json'))).toBe(true);
    await startHost();

    const page = await phone();
    await page.goto('/');
    await waitForApp(page);
    await expect(page.title()).resolves.toContain('Serang Live');
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return [style.getPropertyValue('--kk-color-primary').trim(), style.getPropertyValue('--kk-color-accent').trim()];
    });
    expect(colours).toEqual([primary, accent]);
    const offered = await offeredModules(page);
    expect(offered).toEqual(expect.arrayContaining(['laksa', 'harga-pasar']));
    for (const other of ['pencaker', 'berita']) expect(offered).not.toContain(other);
    await page.context().close();

    // the modules other regions published are found in the same registry
    const modules = run('npx', ['kota', 'modules'], hostDir);
    expect(modules).toMatch(/^@kota-kit\/harga-pasar@\S+\s+Kota Kit harga pasar/m);
    expect(modules).toMatch(/^@kota-kit\/laksa@/m);
    expect(modules).not.toMatch(/^@kota-kit\/(core|cli)@/m);
  });

  it('ships no browser code of the modules it did not choose', () => {
    const files = filesUnder(join(hostDir, 'dist/client'), '.js').map((file) => readFileSync(file, 'utf8'));
    const all = files.join('\n');
    // the chosen ones are there, found the same way (so the check can fail)
    for (const chosen of ['laksa', 'harga-pasar']) {
      expect(all).toContain(`@kota-kit/${chosen}/client`);
      expect(all).toMatch(new RegExp(`id:[\`"']${chosen}[\`"']`));
    }
    for (const other of ['pencaker', 'berita']) {
      expect(all).not.toContain(`@kota-kit/${other}`);
      expect(all).not.toMatch(new RegExp(`id:[\`"']${other}[\`"']`));
    }
  });

  it('adds a third first-party module with kota add, seen after a restart', async () => {
    if (!third) {
      // Only LAKSA and harga pasar are built in this working tree: the region's own module (below) is the third one.
      for (const id of ['pencaker', 'berita']) expect(existsSync(join(repoRoot, 'packages', id, 'dist', 'index.js'))).toBe(false);
      return;
    }
    const output = run('npx', ['kota', 'add', third], hostDir);
    expect(output).toContain(`Added @kota-kit/${third}@`);
    await stopHost();
    await startHost();
    const page = await phone();
    expect(await offeredModules(page)).toContain(third);
    await page.context().close();
  });

  it('takes a patch release of LAKSA with a new migration through kota upgrade, keeping the data', async () => {
    const before = await (await fetch(`http://127.0.0.1:${hostPort}/api/laksa/reports`)).json();
    await stopHost();

    // The patch release: LAKSA as published, version 0.1.1, one more migration and its changelog entry.
    const release = join(work, 'release');
    run('mkdir', ['-p', release], work);
    const tarball = run('npm', ['pack', '@kota-kit/laksa', '--pack-destination', release], release).trim().split('\n').pop()!;
    run('tar', ['-xzf', tarball], release);
    const pkgDir = join(release, 'package');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const from = pkg.version;
    const patch = from.replace(/\d+$/, (last) => String(Number(last) + 1));
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ ...pkg, version: patch }, null, 2));
    renameSync(join(pkgDir, 'dist/server/index.js'), join(pkgDir, 'dist/server/released.js'));
    writeFileSync(
      join(pkgDir, 'dist/server/index.js'),
      `import serverModule from './released.js';\nexport * from './released.js';\n` +
        `serverModule.migrations = [...serverModule.migrations, { name: '9999_e2e_patch', sql: 'create table laksa_e2e_patch (id int primary key)' }];\n` +
        'export default serverModule;\n',
    );
    const changelog = existsSync(join(pkgDir, 'CHANGELOG.md')) ? readFileSync(join(pkgDir, 'CHANGELOG.md'), 'utf8').replace(/^# .*\n+/, '') : '';
    writeFileSync(join(pkgDir, 'CHANGELOG.md'), `# @kota-kit/laksa\n\n## ${patch}\n\n### Patch Changes\n\n- e2e: a new table for the end-to-end test.\n\n${changelog}`);
    run('npm', ['publish', pkgDir, '--registry', registry.url], release);

    const output = run('npx', ['kota', 'upgrade'], hostDir);
    expect(output).toContain(`@kota-kit/laksa ${from} → ${patch}`);
    expect(output).toContain('- e2e: a new table for the end-to-end test.');
    expect(output).toContain('Migrations the next start applies:\n  @kota-kit/laksa: 9999_e2e_patch');
    expect(JSON.parse(readFileSync(join(hostDir, 'node_modules/@kota-kit/laksa/package.json'), 'utf8')).version).toBe(patch);

    await startHost();
    expect(await (await fetch(`http://127.0.0.1:${hostPort}/api/laksa/reports`)).json()).toEqual(before);
    await stopHost();
    const doctor = run('npx', ['kota', 'doctor'], hostDir);
    expect(doctor).toContain('✔ Migrations: none pending');
    expect(doctor).toContain('✔ Config: kota.config.ts is valid');
    await startHost();
  });

  it('makes the region\'s own module with kota new-module, and serves its page once added', async () => {
    const created = run('npx', ['kota', 'new-module', 'pengumuman'], hostDir);
    expect(created).toContain('Created @serang/pengumuman in modules/pengumuman');
    run('npm', ['install'], hostDir);
    run('npm', ['run', 'build'], join(hostDir, 'modules/pengumuman'));
    const added = run('npx', ['kota', 'add', './modules/pengumuman'], hostDir);
    expect(added).toContain('Added @serang/pengumuman@0.1.0');
    await stopHost();
    await startHost();
    const page = await phone();
    expect(await offeredModules(page)).toContain('pengumuman');
    const response = await page.goto('/pengumuman');
    await waitForApp(page);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading').first().waitFor();
    const api = await fetch(`http://127.0.0.1:${hostPort}/api/pengumuman/notices`);
    expect(api.status).toBe(200);
    await page.context().close();
  });
});
