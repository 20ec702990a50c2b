/** Shared by the CLI's tests: a real host folder and a fake npm registry on loopback. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHost, type HostAnswers } from 'create-kota-app';
import type { Host } from '../src/host.js';
import type { Packument } from '../src/registry.js';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

export const pandeglang: HostAnswers = {
  projectName: 'pandeglang',
  regionName: 'Kabupaten Pandeglang',
  code: '36.01',
  appName: 'Pandeglang Live',
  colors: { primary: '#0b5394', accent: '#f2b705' },
  defaultLanguage: 'id',
  modules: ['laksa'],
};

/**
 * A generated host inside this package's folder, so that its imports resolve to the workspace's @kota-kit
 * packages (this package's devDependencies), as an installed host's resolve to its node_modules.
 */
export function workspaceHost(answers: HostAnswers = pandeglang): { host: Host; cleanup(): void } {
  mkdirSync(join(packageDir, '.test-hosts'), { recursive: true });
  const root = mkdtempSync(join(packageDir, '.test-hosts', 'host-'));
  const dir = join(root, answers.projectName);
  writeHost(dir, answers);
  return { host: { dir, configPath: join(dir, 'kota.config.ts'), packageManager: 'npm' }, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join('/tmp', prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A packument of `name` with these versions and their peer range on @kota-kit/core. */
export function packumentOf(name: string, versions: Record<string, { core?: string; description?: string; keywords?: string[] }>): Packument {
  const list = Object.keys(versions);
  return {
    name,
    'dist-tags': { latest: list[list.length - 1]! },
    versions: Object.fromEntries(
      Object.entries(versions).map(([version, meta]) => [
        version,
        { name, version, description: meta.description, keywords: meta.keywords, peerDependencies: meta.core ? { '@kota-kit/core': meta.core } : undefined },
      ]),
    ),
  };
}

/** An npm registry's read API on 127.0.0.1: packuments and /-/v1/search (text matched against names and keywords). */
export async function fakeRegistry(packuments: Packument[]): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/-/v1/search') {
      const text = url.searchParams.get('text') ?? '';
      const keyword = text.startsWith('keywords:') ? text.slice('keywords:'.length) : undefined;
      const objects = packuments
        .map((packument) => packument.versions[packument['dist-tags'].latest!]!)
        .filter((latest) => (keyword ? latest.keywords?.includes(keyword) : latest.name.includes(text)))
        .map((latest) => ({ package: latest }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ objects, total: objects.length }));
      return;
    }
    const name = decodeURIComponent(url.pathname.slice(1));
    const packument = packuments.find((item) => item.name === name);
    if (!packument) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
