/**
 * The outbox in the browser: IndexedDB store, the sender that talks to the API, the receipts of reports sent
 * from the outbox (their ticket and tracking link, shown once on the LAKSA home), and the automatic run on
 * start and on every `online` event.
 */
import { ApiError } from '@kota-kit/core/client';
import type { CreateReportInput, CreateReportResult } from '../schemas.js';
import { api, data, eitherBody } from './api.js';
import { saveReportReceipt } from './receipts.js';
import { flushQueue, IndexedDbQueueStore, MemoryQueueStore, newQueuedReport, type QueuedPhoto, type QueueStore, type SendOutcome } from './queue.js';

/** Window event fired whenever the outbox or the receipts change, so pages can re-read them. */
export const outboxEvent = 'kk-laksa:outbox';
const receiptsKey = 'kk-laksa:receipts';

let store: QueueStore | null = null;
export function outboxStore(): QueueStore {
  store ??= typeof indexedDB === 'undefined' ? new MemoryQueueStore() : new IndexedDbQueueStore();
  return store;
}

/** Network failure (fetch rejected) as opposed to an answer from the server. */
export function isNetworkError(error: unknown): boolean {
  return !(error instanceof ApiError);
}

/** Sends a report through the typed client: JSON without photos, multipart (`report` + `photos`) with them. */
export function postReport(report: CreateReportInput, photos: QueuedPhoto[]): Promise<CreateReportResult> {
  const send = api.reports.$post;
  if (photos.length === 0) return data(send(eitherBody(send, { json: report })));
  const files = photos.map((photo) => new File([photo.blob], photo.name || 'foto.jpg', { type: photo.type || 'image/jpeg' }));
  return data(send(eitherBody(send, { form: { report: JSON.stringify(report), photos: files } })));
}

export async function sendQueued(item: { report: CreateReportInput; photos: QueuedPhoto[] }): Promise<SendOutcome> {
  try {
    return { kind: 'sent', result: await postReport(item.report, item.photos) };
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.status >= 500 || error.status === 408 || error.status === 429) return { kind: 'later', reason: error.message };
      return { kind: 'refused', status: error.status, message: error.message, errors: error.problem.errors ?? [] };
    }
    return { kind: 'later', reason: error instanceof Error ? error.message : 'network' };
  }
}

export async function enqueue(report: CreateReportInput, photos: QueuedPhoto[]): Promise<void> {
  await outboxStore().put(newQueuedReport(report, photos));
  notify();
}

function notify() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(outboxEvent));
}

// ---------------------------------------------------------------- receipts

export interface Receipt {
  ticket: string;
  trackingUrl: string;
  title: string;
  sentAt: string;
}

export function readReceipts(): Receipt[] {
  try {
    const raw = localStorage.getItem(receiptsKey);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as Receipt[]) : [];
  } catch {
    return [];
  }
}

function writeReceipts(receipts: Receipt[]) {
  try {
    localStorage.setItem(receiptsKey, JSON.stringify(receipts));
  } catch {
    // Storage blocked: the report is sent anyway; the reporter is told by contact if they gave one.
  }
}

export function dismissReceipt(ticket: string) {
  writeReceipts(readReceipts().filter((receipt) => receipt.ticket !== ticket));
  notify();
}

// ---------------------------------------------------------------- automatic run

let running: Promise<void> | null = null;

/** Sends what is waiting, once at a time (a second call while running waits for the same run). */
export function flushOutbox(): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve();
  running ??= (async () => {
    try {
      const result = await flushQueue(outboxStore(), sendQueued, (item, created) => {
        const receipt = { ticket: created.ticket, trackingUrl: created.trackingUrl, title: item.report.title, sentAt: new Date().toISOString() };
        writeReceipts([receipt, ...readReceipts()]);
        // And in the phone's lasting list of reports sent ("Laporan saya").
        saveReportReceipt(receipt);
      });
      if (result.sent.length || result.refused.length || result.interrupted) notify();
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    } finally {
      running = null;
    }
  })();
  return running;
}

let started = false;
/** Called once when the app starts: send now if online, and again whenever the phone comes back online. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  void flushOutbox();
}
