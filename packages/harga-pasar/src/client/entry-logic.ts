/**
 * Pure logic of the enumerator's entry form: the local draft, "same as yesterday", the request body,
 * and reading the server's problem answers back onto the rows. No React, so it is tested directly.
 */
import type { FieldError, Problem } from '@kota-kit/core/client';
import type { EntryData } from '../index.js';
import { entryBodySchema } from '../schemas/entry.js';
import { percentChange } from './change.js';
import { schemaIssues } from './validate.js';

export type { EntryData };
/** One commodity of the form, as `GET /entry` answers it. */
export type EntryItem = EntryData['items'][number];

/** What the officer typed, per commodity, as text (the input's value). */
export type EntryValues = Record<string, string>;

export interface EntryDraft {
  market: string;
  date: string;
  values: EntryValues;
  savedAt: string;
}

export const draftPrefix = 'kk-harga-pasar:entry:';
export const draftKey = (market: string, date: string) => `${draftPrefix}${market}:${date}`;

/** Storage that may be missing or blocked (private mode); every call is safe. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function defaultStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: DraftStorage | null, market: string, date: string, values: EntryValues, now = new Date()): void {
  if (!storage) return;
  const draft: EntryDraft = { market, date, values, savedAt: now.toISOString() };
  try {
    storage.setItem(draftKey(market, date), JSON.stringify(draft));
  } catch {
    // Quota or blocked storage: the form still works, only without the safety net.
  }
}

export function loadDraft(storage: DraftStorage | null, market: string, date: string): EntryDraft | null {
  if (!storage) return null;
  try {
    const text = storage.getItem(draftKey(market, date));
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<EntryDraft>;
    if (draft.market !== market || draft.date !== date || !draft.values || typeof draft.values !== 'object') return null;
    const values: EntryValues = {};
    for (const [key, value] of Object.entries(draft.values)) if (typeof value === 'string') values[key] = value;
    return { market, date, values, savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : '' };
  } catch {
    return null;
  }
}

export function clearDraft(storage: DraftStorage | null, market: string, date: string): void {
  try {
    storage?.removeItem(draftKey(market, date));
  } catch {
    // See saveDraft.
  }
}

/** The form's starting values: what the server stored, then the local draft on top (it is newer). */
export function initialValues(data: EntryData, draft: EntryDraft | null): EntryValues {
  const values: EntryValues = {};
  for (const item of data.items) {
    values[item.commodity] = item.price !== null ? String(item.price) : '';
    const drafted = draft?.values[item.commodity];
    // A published price is not the enumerator's to change any more; the draft does not override it.
    if (drafted !== undefined && item.status !== 'published') values[item.commodity] = drafted;
  }
  return values;
}

/** True when the draft holds something that differs from what the server has. */
export function draftDiffers(data: EntryData, draft: EntryDraft | null): boolean {
  if (!draft) return false;
  return data.items.some((item) => {
    const drafted = draft.values[item.commodity];
    return item.status !== 'published' && drafted !== undefined && drafted !== (item.price !== null ? String(item.price) : '');
  });
}

/** Digits only: "12.500", "Rp 12,500" and "12500" all read as 12500; empty or zero is "no price". */
export function parsePrice(text: string): number | null {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Fills every empty, editable row that has a previous price with that price. Returns new values. */
export function fillSameAsYesterday(data: EntryData, values: EntryValues, only?: string): EntryValues {
  const next = { ...values };
  for (const item of data.items) {
    if (only !== undefined && item.commodity !== only) continue;
    if (item.status === 'published' || !item.previous) continue;
    if (only === undefined && (next[item.commodity] ?? '').trim() !== '') continue;
    next[item.commodity] = String(item.previous.price);
  }
  return next;
}

/** Rows that are editable, empty and have a previous price (the ones "same as yesterday for all" fills). */
export function untouchedCount(data: EntryData, values: EntryValues): number {
  return data.items.filter((item) => item.status !== 'published' && item.previous && (values[item.commodity] ?? '').trim() === '').length;
}

/** The PUT body (the server's `entryBodySchema`). */
export interface EntryBody {
  market: string;
  date: string;
  prices: { commodity: string; price: number }[];
  confirmLargeChanges: boolean;
}

/** The PUT body: every editable row with a price, in the order of the form. */
export function buildEntryBody(data: EntryData, values: EntryValues, confirmLargeChanges = false): EntryBody {
  const prices = data.items
    .filter((item) => item.status !== 'published')
    .flatMap((item) => {
      const price = parsePrice(values[item.commodity] ?? '');
      return price === null ? [] : [{ commodity: item.commodity, price }];
    });
  return { market: data.market.id, date: data.date, prices, confirmLargeChanges };
}

/** Client-side hint while typing: the percent change from the previous price when beyond the threshold. */
export function largeChangeHint(item: EntryItem, text: string, thresholdPercent: number): number | null {
  const price = parsePrice(text);
  if (price === null || !item.previous) return null;
  const percent = percentChange(item.previous.price, price);
  return Math.abs(percent) > thresholdPercent ? percent : null;
}

export interface RowProblems {
  /** Per commodity: messages that block saving (bad value, already published). */
  errors: Record<string, string>;
  /** Per commodity: large changes the officer must confirm. */
  largeChanges: Record<string, string>;
  /** Errors not tied to a row. */
  general: string[];
}

/**
 * Maps a problem+json answer of PUT /entry onto the rows. The server names fields by the index in the
 * body it got (`body.prices.3.price`), so the body sent is needed to find the commodity.
 */
export function rowProblems(problem: Pick<Problem, 'errors' | 'detail' | 'title'>, body: EntryBody): RowProblems {
  const result: RowProblems = { errors: {}, largeChanges: {}, general: [] };
  for (const error of (problem.errors ?? []) as FieldError[]) {
    const match = /^(?:body\.)?prices\.(\d+)(?:\.\w+)?$/.exec(error.field);
    const commodity = match ? body.prices[Number(match[1])]?.commodity : undefined;
    if (!commodity) {
      result.general.push(error.message);
      continue;
    }
    if (error.code === 'large_change') result.largeChanges[commodity] = error.message;
    else result.errors[commodity] = error.message;
  }
  if (!problem.errors?.length) result.general.push(problem.detail ?? problem.title);
  return result;
}

/**
 * The body checked by the server's own schema before it is sent: the problems the server would answer with,
 * in the same shape (`body.prices.3.price`), or null when the body is valid.
 */
export function localProblem(body: EntryBody): Pick<Problem, 'errors' | 'detail' | 'title'> | null {
  const issues = Object.entries(schemaIssues(entryBodySchema, body));
  if (!issues.length) return null;
  return { title: 'Invalid request', errors: issues.map(([field, issue]) => ({ field: `body.${field}`, message: issue.message, code: issue.code })) };
}

/** True when the only thing standing between the officer and a save is confirming large changes. */
export function onlyLargeChanges(problems: RowProblems): boolean {
  return Object.keys(problems.largeChanges).length > 0 && Object.keys(problems.errors).length === 0 && problems.general.length === 0;
}
