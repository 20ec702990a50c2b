// Starts the BUILT Tangerang Live host as `pnpm start` does (`dist/server/server.js --demo`), on its own port and
// an empty data folder, for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuiltHost {
  url: string;
  stop(): Promise<void>;
}

/** `portBase` keeps test files that run at the same time on different ports. */
export async function startBuiltHost(portBase: number, timeoutMs = 120_000): Promise<BuiltHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kk-host-e2e-'));
  const port = portBase + (process.pid % 2000);
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['dist/server/server.js', '--demo'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, PORT: String(port), KOTA_DATA_DIR: join(dataDir, 'db'), KOTA_UPLOADS_DIR: join(dataDir, 'uploads'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`Server exited with ${server.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Server did not become healthy in ${timeoutMs} ms:\n${output}`);
}
