// Starts the BUILT Tangerang Live host as `pnpm start` does (`dist/server/server.js --demo`), on its own port and
// an empty data folder, for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuiltHost {
  url: string;
  /** What the server has written to stdout and stderr so far (its JSON log lines). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The server listens on a port the system picks (PORT=0) and says which in its "listening" log line, so test files
 * running at the same time, or anything else on the machine, can never share a port with it. `_portBase` is kept
 * for callers written before.
 */
export async function startBuiltHost(_portBase?: number, timeoutMs = 240_000): Promise<BuiltHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kk-host-e2e-'));
  let url = '';
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['dist/server/server.js', '--demo'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, PORT: '0', KOTA_DATA_DIR: join(dataDir, 'db'), KOTA_UPLOADS_DIR: join(dataDir, 'uploads'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
    const listening = /"message":"listening"[^\n]*"url":"http:\/\/localhost:(\d+)"/.exec(output);
    if (listening && !url) url = `http://127.0.0.1:${listening[1]}`;
  });
  server.stderr?.on('data', (chunk) => (output += chunk));
  // Ended by itself, or by a signal from outside (then exitCode stays null and only signalCode is set).
  const ended = () => server.exitCode !== null || server.signalCode !== null;
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (ended() ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended()) {
      await stop();
      throw new Error(`Server exited with ${server.exitCode ?? server.signalCode}:\n${output}`);
    }
    try {
      // A bounded wait: a server busy starting must not hold the test past its own deadline.
      if (url && (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return { url, output: () => output, stop };
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Server did not become healthy in ${timeoutMs} ms:\n${output}`);
}
