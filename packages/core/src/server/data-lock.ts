/**
 * An exclusive lock on an embedded (PGlite) data folder. PGlite has no lock of its own, and two processes on
 * one folder destroy it (afterwards every open aborts). A hand-written pid file rather than a library: it must
 * tell who holds the folder (pid, host, since when) and notice a crashed holder at once, without a heartbeat.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DataLockHolder {
  pid: number;
  hostname: string;
  /** When the holding process took the lock (ISO 8601). */
  startedAt: string;
}

export interface DataLockInfo {
  /** The lock file. */
  path: string;
  /** Who holds it; null when the file is unreadable (being written, or left half-written by a crash). */
  holder: DataLockHolder | null;
  /** `true` while the holder runs, `false` when it is gone (a stale lock), `null` when it runs on another host. */
  alive: boolean | null;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataLockHolder,
  ) {
    const where = holder.hostname === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on host ${holder.hostname}`;
    super(
      `The data folder ${dataDir} is in use by ${where} since ${holder.startedAt}. ` +
        'Two processes on one embedded database destroy it: stop that process first, or give this one another KOTA_DATA_DIR. ' +
        `If that process is surely gone, delete ${dataLockPath(dataDir)}.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

/** The lock file sits beside the folder, never inside it, so PGlite's snapshots and restores never carry it. */
export function dataLockPath(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/** Lock files this process holds. */
const held = new Set<string>();

// A lock file this young and unreadable is still being written; older, it was left by a crash mid-write.
const unreadableGraceMs = 5_000;

/** When process `pid` started (ms since 1970), read from Linux's /proc; null elsewhere. */
function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]); // field 22: start time in ticks after boot
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && boot ? boot * 1000 + ticks * 10 : null; // Linux counts 100 ticks a second
  } catch {
    return null;
  }
}

// Clocks drift: only a difference past this counts when comparing a lock's time with a process's.
const clockSlackMs = 60_000;

function isAlive(path: string, holder: DataLockHolder): boolean | null {
  if (holder.hostname !== hostname()) return null;
  // Our own pid but not our lock: left by an earlier life with the same pid (a container's process is often pid 1).
  if (holder.pid === process.pid) return held.has(path);
  const takenAt = Date.parse(holder.startedAt);
  // Taken before this machine booted: the pid has been reused since, by someone else.
  if (takenAt < Date.now() - uptime() * 1000 - clockSlackMs) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: alive, but another user's
  }
  // A process started after the lock was taken is not its holder, only a newcomer with the same pid.
  const started = processStart(holder.pid);
  return started === null || started <= takenAt + clockSlackMs;
}

function parse(raw: string): DataLockHolder | null {
  try {
    const value = JSON.parse(raw) as DataLockHolder;
    return Number.isInteger(value.pid) && typeof value.hostname === 'string' && typeof value.startedAt === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Who holds the lock on `dataDir`, for `kota doctor` and error messages; null when nobody does. */
export function readDataLock(dataDir: string): DataLockInfo | null {
  const path = dataLockPath(dataDir);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const holder = parse(raw);
  return { path, holder, alive: holder ? isAlive(path, holder) : null };
}

/** Creates the lock file only if none exists (O_EXCL), so two processes can never both create it. */
function create(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Replaces a stale lock whose content is still `stale`. A second O_EXCL file guards the swap, so of two
 * processes finding the same stale lock only one replaces it (and never removes the other's new lock).
 */
function takeOver(path: string, stale: string, content: string): boolean {
  const guard = `${path}.takeover`;
  if (!create(guard, String(process.pid))) {
    // A guard left by a crash in the middle of a takeover.
    if (Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > unreadableGraceMs) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (readFileSync(path, 'utf8') !== stale) return false;
    rmSync(path);
    return create(path, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  } finally {
    rmSync(guard, { force: true });
  }
}

// One listener for every lock of the process: released on a normal exit (a crash leaves a stale lock, taken over later).
let exitHook = false;
function releaseAllOnExit() {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const path of held) rmSync(path, { force: true });
  });
}

export interface DataLock {
  path: string;
  release(): void;
}

/**
 * Takes the lock on `dataDir` or throws DataFolderLockedError naming the running holder. A lock whose process
 * is gone (killed, crashed, machine restarted) is taken over with a warning.
 */
export async function acquireDataLock(dataDir: string, warn: (message: string) => void = (message) => process.emitWarning(message)): Promise<DataLock> {
  const path = dataLockPath(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() } satisfies DataLockHolder);
  const deadline = Date.now() + 2 * unreadableGraceMs;
  for (;;) {
    if (create(path, mine)) break;
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const holder = parse(raw);
    const alive = holder ? isAlive(path, holder) : null;
    if (holder && alive !== false) throw new DataFolderLockedError(resolve(dataDir), holder);
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if ((holder || Date.now() - mtime > unreadableGraceMs) && takeOver(path, raw, mine)) {
      warn(
        holder
          ? `Took over the lock of ${resolve(dataDir)} from process ${holder.pid} (since ${holder.startedAt}), which is no longer running.`
          : `Took over an unreadable lock file of ${resolve(dataDir)} left by a crash.`,
      );
      break;
    }
    if (Date.now() > deadline) throw new Error(`Could not lock the data folder ${resolve(dataDir)}: ${path} keeps changing.`);
    await sleep(100);
  }
  held.add(path);
  releaseAllOnExit();
  return {
    path,
    release() {
      if (!held.delete(path)) return;
      // Only our own lock: never remove one another process has since taken over.
      try {
        if (readFileSync(path, 'utf8') === mine) rmSync(path);
      } catch {
        // already gone
      }
    },
  };
}
