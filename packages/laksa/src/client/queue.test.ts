// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CreateReportInput } from '../schemas.js';
import { flushQueue, MemoryQueueStore, newQueuedReport, pendingOf, retryQueued, type QueuedReport, type SendOutcome } from './queue.js';

const report = (title: string): CreateReportInput => ({
  type: 'complaint',
  category: 'jalan-rusak',
  title,
  description: 'Lubang besar di lajur kiri jalan.',
  location: { kecamatan: 'Karawaci' },
  confidential: false,
  anonymous: true,
});

async function storeWith(...titles: string[]) {
  const store = new MemoryQueueStore();
  let time = Date.parse('2026-11-16T03:00:00Z');
  for (const title of titles) {
    await store.put(newQueuedReport(report(title), [{ name: 'foto.jpg', type: 'image/jpeg', blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) }], new Date((time += 60_000))));
  }
  return store;
}

const created = (title: string) => ({ ticket: `LKS-2611-${title.toUpperCase()}`, trackingToken: `token-${title}`, trackingUrl: `/laksa/track/token-${title}` });

describe('offline queue', () => {
  it('sends queued reports one at a time, oldest first, and removes each after a 201', async () => {
    const store = await storeWith('aaaa', 'bbbb', 'cccc');
    const order: string[] = [];
    let inFlight = 0;
    const received: string[] = [];
    const result = await flushQueue(
      store,
      async (item) => {
        inFlight++;
        expect(inFlight).toBe(1);
        order.push(item.report.title);
        expect(item.photos[0]!.blob).toBeInstanceOf(Blob);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return { kind: 'sent', result: created(item.report.title) };
      },
      (item, result) => void received.push(`${item.report.title}:${result.ticket}`),
    );
    expect(order).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(received).toEqual(['aaaa:LKS-2611-AAAA', 'bbbb:LKS-2611-BBBB', 'cccc:LKS-2611-CCCC']);
    expect(result.sent).toHaveLength(3);
    expect(result.remaining).toBe(0);
    expect(await store.list()).toEqual([]);
  });

  it('keeps a refused report (4xx) with its error and goes on with the next', async () => {
    const store = await storeWith('bad', 'good');
    const result = await flushQueue(store, async (item): Promise<SendOutcome> =>
      item.report.title === 'bad'
        ? { kind: 'refused', status: 422, message: 'Validation failed', errors: [{ field: 'body.report.title', message: 'Too small' }] }
        : { kind: 'sent', result: created(item.report.title) },
    );
    expect(result.sent.map((entry) => entry.item.report.title)).toEqual(['good']);
    const left = await store.list();
    expect(left).toHaveLength(1);
    expect(left[0]!.report.title).toBe('bad');
    expect(left[0]!.error).toMatchObject({ status: 422, errors: [{ field: 'body.report.title', message: 'Too small' }] });
    expect(left[0]!.attempts).toBe(1);
  });

  it('does not send a refused report again automatically, only after retry', async () => {
    const store = await storeWith('bad');
    await flushQueue(store, async () => ({ kind: 'refused', status: 400, message: 'no', errors: [] }));
    let calls = 0;
    await flushQueue(store, async () => {
      calls++;
      return { kind: 'sent', result: created('x') };
    });
    expect(calls).toBe(0);
    expect(pendingOf(await store.list())).toHaveLength(0);
    const [item] = await store.list();
    await retryQueued(store, item!.id);
    const again = await flushQueue(store, async () => {
      calls++;
      return { kind: 'sent', result: created('x') };
    });
    expect(calls).toBe(1);
    expect(again.remaining).toBe(0);
  });

  it('stops at a network failure and keeps the rest for the next online event', async () => {
    const store = await storeWith('one', 'two', 'three');
    let calls = 0;
    const result = await flushQueue(store, async (item) => {
      calls++;
      if (item.report.title === 'two') throw new TypeError('Failed to fetch');
      return { kind: 'sent', result: created(item.report.title) };
    });
    expect(calls).toBe(2);
    expect(result.interrupted).toBe(true);
    expect(result.remaining).toBe(2);
    const left = (await store.list()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(left.map((item) => item.report.title)).toEqual(['two', 'three']);
    expect(left[0]!.error).toBeNull();
    expect(left[0]!.attempts).toBe(1);

    // Back online: the rest goes out in order.
    const order: string[] = [];
    await flushQueue(store, async (item) => {
      order.push(item.report.title);
      return { kind: 'sent', result: created(item.report.title) };
    });
    expect(order).toEqual(['two', 'three']);
    expect(await store.list()).toEqual([]);
  });

  it('treats "later" answers (5xx, 429) like a network failure', async () => {
    const store = await storeWith('one', 'two');
    const result = await flushQueue(store, async () => ({ kind: 'later', reason: '429' }));
    expect(result.interrupted).toBe(true);
    expect(pendingOf(await store.list())).toHaveLength(2);
  });

  it('keeps the report when saving its receipt fails, so the tracking link is never lost silently', async () => {
    const store = await storeWith('one');
    await expect(
      flushQueue(
        store,
        async () => ({ kind: 'sent', result: created('one') }),
        () => {
          throw new Error('storage full');
        },
      ),
    ).rejects.toThrow('storage full');
    expect((await store.list()).map((item: QueuedReport) => item.report.title)).toEqual(['one']);
  });
});
