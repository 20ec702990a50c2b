import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhook } from './webhook.js';

// A real HTTP server on loopback stands in for the region's gateway.
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let failuresLeft = 0;
let url = '';
const gateway = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    if (failuresLeft > 0) {
      failuresLeft--;
      response.writeHead(503).end();
      return;
    }
    received.push({ headers: request.headers, body });
    response.writeHead(request.url === '/refuse' ? 400 : 204).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

describe('webhook event handler', () => {
  it('posts the event as signed JSON', async () => {
    received.length = 0;
    const handler = webhook({ url: `${url}/hook`, secret: 'rahasia' });
    await handler({ ticket: 'LKS-2611-7KQ4', status: 'resolved' }, { name: 'laksa.report.status-changed', at: new Date('2026-11-29T03:00:00Z') });
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(JSON.parse(body)).toEqual({ event: 'laksa.report.status-changed', at: '2026-11-29T03:00:00.000Z', payload: { ticket: 'LKS-2611-7KQ4', status: 'resolved' } });
    expect(headers['x-kota-kit-signature']).toBe(`sha256=${createHmac('sha256', 'rahasia').update(body).digest('hex')}`);
  });

  it('retries a gateway that is briefly down, and gives up on a refusal', async () => {
    received.length = 0;
    failuresLeft = 1;
    await webhook({ url: `${url}/hook`, attempts: 2 })({ n: 1 }, { name: 'x.y', at: new Date() });
    expect(received).toHaveLength(1);
    await expect(webhook({ url: `${url}/refuse`, attempts: 3 })({ n: 2 }, { name: 'x.y', at: new Date() })).rejects.toThrow(/failed for x\.y/);
    expect(received).toHaveLength(2); // one attempt only: a 400 is not retried
  });
});
