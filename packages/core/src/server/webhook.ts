import { createHmac } from 'node:crypto';
import type { EventHandler } from '../contract.js';

export interface WebhookOptions {
  /** Where to POST each event as JSON, e.g. the region's WhatsApp or email gateway. */
  url: string;
  /** Shared secret: the body is signed with HMAC-SHA256 in the `x-kota-kit-signature` header (`sha256=<hex>`). */
  secret?: string;
  /** Give up on a slow gateway after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Attempts before the event is given up on (default 3), with 1 s, 2 s… between them. */
  attempts?: number;
  fetch?: typeof fetch;
}

/**
 * An event handler that forwards events to a region's gateway over HTTPS, for `on` in the host config:
 * `on: { 'laksa.report.status-changed': webhook({ url: process.env.WA_GATEWAY_URL!, secret: … }) }`.
 * The payload may hold a citizen's contact for notifying them: send it only to a gateway the region runs.
 */
export function webhook(options: WebhookOptions): EventHandler {
  const send = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  return async (payload, event) => {
    const body = JSON.stringify({ event: event.name, at: event.at.toISOString(), payload });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'kota-kit-webhook' };
    if (options.secret) headers['x-kota-kit-signature'] = `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await send(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        if (response.ok) return;
        lastError = new Error(`webhook answered ${response.status}`);
        if (response.status < 500 && response.status !== 429) break; // the gateway refused it: retrying will not help
      } catch (error) {
        lastError = error;
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
    }
    throw new Error(`Webhook to ${new URL(options.url).host} failed for ${event.name}`, { cause: lastError });
  };
}
