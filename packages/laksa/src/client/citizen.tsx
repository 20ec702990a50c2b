/**
 * Pieces of LAKSA's citizen pages: one plain-language status with its colour, agency short names and other terms
 * explained on tap, and the report receipts kept on this phone.
 */
import { Badge, useBootstrap } from '@kota-kit/core/client';
import { useId, useState } from 'react';
import { stageOf } from '../vocabulary.js';
import type { ReportStatus } from '../schemas.js';
import { stageView } from './logic.js';
import { useT } from './translations/index.js';

/**
 * The one status a citizen reads: plain words with the stage's colour and symbol (never colour alone), e.g.
 * "◐ Sedang dikerjakan dinas". `overdue` adds "terlambat" to the same pill instead of a second flag.
 */
export function PlainStatus({ status, overdue = false }: { status: ReportStatus; overdue?: boolean }) {
  const t = useT();
  const stage = stageOf(status);
  const view = stageView(stage);
  return (
    <span className={`lk-stage lk-stage--${stage} lk-plain-status`}>
      <Badge tone={view.tone}>
        <span aria-hidden="true" className="lk-stage__symbol">
          {view.symbol}
        </span>{' '}
        {t(`citizen.status.${status}`)}
        {overdue ? ` · ${t('citizen.late')}` : ''}
      </Badge>
    </span>
  );
}

/** An agency's short name (DPUPR, DLH…); a tap shows its full name from the region's list of agencies. */
export function AgencyName({ agency }: { agency: { id: string; shortName: string } }) {
  const t = useT();
  const { region } = useBootstrap();
  const [open, setOpen] = useState(false);
  const id = useId();
  const full = region.agencies.find((item) => item.id === agency.id)?.name;
  if (!full || full === agency.shortName) return <>{agency.shortName}</>;
  return (
    <span className="lk-agency">
      <button type="button" className="lk-term__button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((value) => !value)}>
        {agency.shortName}
        <span aria-hidden="true" className="lk-term__mark">
          ?
        </span>
        <span className="kk-visually-hidden"> — {t('citizen.agencyAbout', { short: agency.shortName })}</span>
      </button>
      <span id={id} className="lk-term__text" hidden={!open}>
        {t('citizen.agencyFull', { short: agency.shortName, name: full })}
      </span>
    </span>
  );
}

export type TermKey = 'ticket' | 'due' | 'verify' | 'median' | 'support';

/** A word of the city's jargon with a short explanation on tap ("Apa itu …?"), as a native disclosure. */
export function Explain({ term }: { term: TermKey }) {
  const t = useT();
  return (
    <details className="lk-explain">
      <summary>
        <span aria-hidden="true" className="lk-term__mark">
          ?
        </span>{' '}
        {t(`citizen.terms.${term}.term`)}
      </summary>
      <p>{t(`citizen.terms.${term}.text`)}</p>
    </details>
  );
}

// ---------------------------------------------------------------- receipts on this phone

/** What the report form keeps on the phone for each report sent (key agreed with the form: `laksa.receipts`). */
export interface PhoneReceipt {
  ticket: string;
  title: string;
  trackingUrl: string;
  sentAt: string;
}

export const receiptsKey = 'laksa.receipts';
/** The outbox's own receipts (reports sent later from the phone), read too so none is missed. */
const outboxReceiptsKey = 'kk-laksa:receipts';

function readKey(key: string): PhoneReceipt[] {
  let parsed: unknown;
  try {
    const raw = globalThis.localStorage?.getItem(key);
    parsed = raw ? JSON.parse(raw) : [];
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const receipts: PhoneReceipt[] = [];
  for (const item of parsed as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { ticket, title, trackingUrl, sentAt } = item as Record<string, unknown>;
    if (typeof ticket !== 'string' || !ticket || typeof trackingUrl !== 'string' || !trackingPathOf(trackingUrl)) continue;
    receipts.push({
      ticket: ticket.slice(0, 40),
      title: typeof title === 'string' ? title.slice(0, 200) : '',
      trackingUrl,
      sentAt: typeof sentAt === 'string' && !Number.isNaN(Date.parse(sentAt)) ? sentAt : '',
    });
  }
  return receipts;
}

/**
 * The receipts kept on this phone, newest first, one per ticket. Read defensively: storage may be blocked, hold
 * something else under the key, or entries from an older version; anything that is not a receipt is left out.
 */
export function readPhoneReceipts(): PhoneReceipt[] {
  const byTicket = new Map<string, PhoneReceipt>();
  for (const receipt of [...readKey(receiptsKey), ...readKey(outboxReceiptsKey)]) {
    if (!byTicket.has(receipt.ticket)) byTicket.set(receipt.ticket, receipt);
  }
  return [...byTicket.values()].sort((a, b) => (b.sentAt || '').localeCompare(a.sentAt || ''));
}

/**
 * The in-app path of a tracking link (`/laksa/track/<token>` or `/laksa/lacak/<token>`, absolute or not), or null
 * for anything else: a stored link is never followed to another site.
 */
export function trackingPathOf(url: string): string | null {
  const match = /^(?:https?:\/\/[^/]+)?(\/laksa\/(?:track|lacak)\/[A-Za-z0-9_-]{10,100})\/?$/.exec(url.trim());
  return match ? match[1]! : null;
}
