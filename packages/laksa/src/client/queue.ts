/**
 * The offline outbox: reports written without a connection are kept on the phone (IndexedDB, photos as Blobs)
 * and sent one at a time when the phone is online again. The logic works on a small storage interface so it is
 * tested with an in-memory store; the browser uses the IndexedDB store below.
 */
import type { CreateReportInput, CreateReportResult } from '../schemas.js';

export interface QueuedPhoto {
  name: string;
  type: string;
  blob: Blob;
}

export interface QueuedError {
  status: number;
  message: string;
  /** Field errors of the problem (`body.report.title` → message). */
  errors: { field: string; message: string }[];
  at: string;
}

export interface QueuedReport {
  id: string;
  /** ISO time the citizen pressed "send". The queue is sent oldest first. */
  createdAt: string;
  report: CreateReportInput;
  photos: QueuedPhoto[];
  attempts: number;
  /** Set when the server refused the report (4xx): it stays in the list with this error until the citizen acts. */
  error: QueuedError | null;
}

/** Where the outbox lives. */
export interface QueueStore {
  list(): Promise<QueuedReport[]>;
  put(item: QueuedReport): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What sending one report gave. */
export type SendOutcome =
  | { kind: 'sent'; result: CreateReportResult }
  /** The server answered with an error that sending again will not fix (4xx other than 408/429). */
  | { kind: 'refused'; status: number; message: string; errors: { field: string; message: string }[] }
  /** No answer, or an answer that means "later" (5xx, 408, 429): stop and try again at the next chance. */
  | { kind: 'later'; reason: string };

export type Sender = (item: QueuedReport) => Promise<SendOutcome>;

export interface FlushResult {
  sent: { item: QueuedReport; result: CreateReportResult }[];
  refused: QueuedReport[];
  /** True when a network failure stopped the run; the rest waits for the next `online`. */
  interrupted: boolean;
  remaining: number;
}

export function newQueuedReport(report: CreateReportInput, photos: QueuedPhoto[], now: Date = new Date()): QueuedReport {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${now.getTime()}-${Math.random().toString(36).slice(2)}`;
  return { id: random, createdAt: now.toISOString(), report, photos, attempts: 0, error: null };
}

/** Reports that the automatic run sends: everything the server has not refused yet. */
export function pendingOf(items: QueuedReport[]): QueuedReport[] {
  return items.filter((item) => item.error === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Sends queued reports one at a time, oldest first. A 201 removes the report (and hands the result to
 * `onSent`, so the citizen gets the ticket and tracking link); a refusal keeps it with the error shown; a
 * network failure stops the run, leaving the rest for later.
 */
export async function flushQueue(store: QueueStore, send: Sender, onSent?: (item: QueuedReport, result: CreateReportResult) => void | Promise<void>): Promise<FlushResult> {
  const outcome: FlushResult = { sent: [], refused: [], interrupted: false, remaining: 0 };
  for (const item of pendingOf(await store.list())) {
    let result: SendOutcome;
    try {
      result = await send(item);
    } catch (error) {
      result = { kind: 'later', reason: error instanceof Error ? error.message : String(error) };
    }
    if (result.kind === 'sent') {
      // The result first: a crash between the two must not lose the only copy of the tracking link.
      await onSent?.(item, result.result);
      await store.remove(item.id);
      outcome.sent.push({ item, result: result.result });
    } else if (result.kind === 'refused') {
      const refused: QueuedReport = {
        ...item,
        attempts: item.attempts + 1,
        error: { status: result.status, message: result.message, errors: result.errors, at: new Date().toISOString() },
      };
      await store.put(refused);
      outcome.refused.push(refused);
    } else {
      await store.put({ ...item, attempts: item.attempts + 1 });
      outcome.interrupted = true;
      break;
    }
  }
  outcome.remaining = (await store.list()).length;
  return outcome;
}

/** Puts a refused report back in line (after the citizen fixed the cause, or to simply try again). */
export async function retryQueued(store: QueueStore, id: string): Promise<void> {
  const item = (await store.list()).find((entry) => entry.id === id);
  if (item) await store.put({ ...item, error: null });
}

// ---------------------------------------------------------------- stores

export class MemoryQueueStore implements QueueStore {
  private readonly items = new Map<string, QueuedReport>();
  async list() {
    return [...this.items.values()].map((item) => ({ ...item }));
  }
  async put(item: QueuedReport) {
    this.items.set(item.id, { ...item });
  }
  async remove(id: string) {
    this.items.delete(id);
  }
}

const dbName = 'kk-laksa';
const storeName = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A hand-written IndexedDB wrapper: one database, one object store keyed by `id`. */
export class IndexedDbQueueStore implements QueueStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        this.db = null;
        reject(req.error ?? new Error('IndexedDB unavailable'));
      };
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await request(body(tx.objectStore(storeName)));
    await done;
    return result;
  }

  async list(): Promise<QueuedReport[]> {
    return (await this.run('readonly', (store) => store.getAll() as IDBRequest<QueuedReport[]>)) ?? [];
  }
  async put(item: QueuedReport): Promise<void> {
    await this.run('readwrite', (store) => store.put(item));
  }
  async remove(id: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(id));
  }
}
