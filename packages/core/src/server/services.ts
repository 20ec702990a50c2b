import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { EventHandler } from '../contract.js';

/** A clock the server reads time from, so tests can move it (deadline jobs, working days). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

// ---------------------------------------------------------------- logging

type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Keys whose values never reach a log line: citizens' personal data and secrets. */
const redactedKeys = /^(nik|phone|telephone|email|address|password|password_?hash|token|cookie|authorization|first_?name|last_?name|full_?name|reporter.*|contact.*)$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, redactedKeys.test(key) ? '[redacted]' : redact(item, depth + 1)]),
  );
}

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** JSON lines on stdout/stderr, one per event, personal data redacted. */
export function createLogger(base: Record<string, unknown> = {}, minLevel: LogLevel = 'info'): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (levelOrder[level] < levelOrder[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...(redact({ ...base, ...fields }) as object) });
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createLogger({ ...base, ...fields }, minLevel),
  };
}

// ---------------------------------------------------------------- events

/**
 * In-process events: modules emit ("laksa.report.status-changed"), the region's hooks and other
 * listeners receive. A failing handler is logged and never breaks the action that emitted.
 */
export class EventBus {
  private readonly handlers = new Map<string, EventHandler[]>();
  constructor(private readonly log: Logger) {}

  on(name: string, handler: EventHandler): () => void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler);
    this.handlers.set(name, list);
    return () => this.handlers.set(name, (this.handlers.get(name) ?? []).filter((item) => item !== handler));
  }

  async emit(name: string, payload: unknown, at = new Date()): Promise<void> {
    for (const handler of [...(this.handlers.get(name) ?? []), ...(this.handlers.get('*') ?? [])]) {
      try {
        await handler(payload, { name, at });
      } catch (error) {
        this.log.error('event handler failed', { event: name, error });
      }
    }
  }
}

// ---------------------------------------------------------------- file storage

/** Where uploads go. Local disk by default; an S3-compatible store can implement the same four calls. */
export interface FileStorage {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** Keys under `prefix` with their last change, for the janitor that removes uploads no row refers to. */
  list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

export class LocalFileStorage implements FileStorage {
  private readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  private pathOf(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_.-]*$/i.test(key) || key.includes('..')) throw new Error(`Invalid storage key "${key}"`);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid storage key "${key}"`);
    return path;
  }
  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    await writeFile(`${path}.type`, contentType);
  }
  async get(key: string): Promise<{ data: Uint8Array; contentType: string } | null> {
    const path = this.pathOf(key);
    try {
      const [data, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { data, contentType };
    } catch {
      return null;
    }
  }
  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}.type`, { force: true });
  }
  async *list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }> {
    const folder = this.pathOf(prefix.replace(/\/+$/, ''));
    let entries: string[];
    try {
      entries = await readdir(folder, { recursive: true });
    } catch {
      return; // nothing stored under this prefix yet
    }
    for (const entry of entries) {
      if (entry.endsWith('.type')) continue;
      const path = join(folder, entry);
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) yield { key: relative(this.root, path).split(sep).join('/'), modifiedAt: info.mtime };
    }
  }
}
