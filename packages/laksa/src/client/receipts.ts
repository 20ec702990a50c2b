/**
 * Receipts of the reports sent from this phone, kept in localStorage under `laksa.receipts` (newest first, at
 * most 50): written by the form's success screen and by the outbox when a queued report goes out, read by the
 * "Laporan saya" page. Only what the reporter already has: the ticket, the title, the private tracking link.
 */
export interface ReportReceipt {
  ticket: string;
  title: string;
  /** The private tracking link as the server gave it (a path like /laksa/track/<token>, or a full URL). */
  trackingUrl: string;
  /** ISO date-time of sending. */
  sentAt: string;
}

export const receiptsKey = 'laksa.receipts';
export const maxReceipts = 50;
/** Window event fired after a receipt is saved, so a page listing them can re-read. */
export const receiptsEvent = 'laksa:receipts';

const isReceipt = (value: unknown): value is ReportReceipt =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ReportReceipt).ticket === 'string' &&
  typeof (value as ReportReceipt).title === 'string' &&
  typeof (value as ReportReceipt).trackingUrl === 'string' &&
  typeof (value as ReportReceipt).sentAt === 'string';

export function readReportReceipts(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ReportReceipt[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(receiptsKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isReceipt) : [];
  } catch {
    return [];
  }
}

/** Puts a receipt first (replacing an older one of the same ticket) and keeps the newest 50. */
export function addReceipt(list: readonly ReportReceipt[], receipt: ReportReceipt): ReportReceipt[] {
  return [receipt, ...list.filter((entry) => entry.ticket !== receipt.ticket)].slice(0, maxReceipts);
}

export function saveReportReceipt(receipt: ReportReceipt, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(receiptsKey, JSON.stringify(addReceipt(readReportReceipts(storage), receipt)));
    if (typeof window !== 'undefined') window.dispatchEvent(new Event(receiptsEvent));
  } catch {
    // Storage full or blocked: the report is sent all the same, and the success screen shows its link.
  }
}

/** "Kirim ke WhatsApp": WhatsApp's share link with the text (no number: the citizen picks the chat, e.g. their own). */
export function whatsappShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
