/** Ticket numbers people read out on the phone, and the secrets of tracking links and API keys. */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from '@kota-kit/core/server';
import type { Db } from '../tables.js';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** Crockford's base32 without 0 and 1 (and so without O/I/L/U look-alikes): easy to read out on the phone. */
export const ticketAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const base = ticketAlphabet.length;
// Multiplying by a number coprime with 30 permutes the codes, so consecutive tickets do not look consecutive.
const scramble = 7919;

/** "LKS-2611-7KQ4": year and month, then the sequence number scrambled into 4 (or more) letters. */
export function formatTicket(sequence: number, date: string): string {
  let digits = 4;
  while (sequence >= base ** digits) digits++;
  const space = base ** digits;
  let value = Number((BigInt(sequence) * BigInt(scramble) + 104_729n) % BigInt(space));
  let code = '';
  for (let index = 0; index < digits; index++) {
    code = ticketAlphabet[value % base] + code;
    value = Math.floor(value / base);
  }
  return `LKS-${date.slice(2, 4)}${date.slice(5, 7)}-${code}`;
}

export async function nextTicket(db: Db, date: string): Promise<string> {
  const { rows } = await sql<{ n: number | string }>`select nextval('laksa_ticket_seq') as n`.execute(db);
  return formatTicket(Number(rows[0]!.n), date);
}

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
