import { defineHost } from '@kota-kit/core';
import { startTestHost, testRegion, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hargaPasar, tangerangDefaults, type Board } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { disperindag, testClock } from './fixture.js';

// The shipped Tangerang configuration must pass the options checks and seed its full two years (embedded database only; timing is in bench/).
describe('Tangerang defaults', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({
      host: defineHost({
        region: { ...testRegion, name: 'Kota Tangerang', code: '36.71', agencies: [disperindag] },
        modules: [hargaPasar.with(tangerangDefaults)],
      }),
      serverModules: [hargaPasarServer],
      database: 'pglite',
      clock: testClock(),
    });
  });
  afterAll(async () => host?.close());

  it('starts, seeds two years for six markets and the national staple list, and shows a full board', async () => {
    const board = await host.client().json<Board>('/api/harga-pasar/board');
    expect(board.body.date).toBe('2025-03-10');
    expect(board.body.items).toHaveLength(tangerangDefaults.commodities.length);
    expect(board.body.items.every((item) => item.marketCount === 5)).toBe(true); // the sixth market's day is a draft
    expect(board.body.items.find((item) => item.commodity === 'beras-medium')?.reference?.price).toBe(12_500);
  });
});
