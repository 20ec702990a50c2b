import { describe, expect, it } from 'vitest';
import { routeMatches } from './app.js';

// startClient fetches the code of the page at the address before the first render: it must pick the right page.
describe('routeMatches', () => {
  it('matches fixed segments exactly and fills parameters with one segment each', () => {
    expect(routeMatches('/laksa', '/laksa')).toBe(true);
    expect(routeMatches('/laksa', '/laksa/')).toBe(true);
    expect(routeMatches('/laksa/laporan/:ticket', '/laksa/laporan/LKS-2026-0001')).toBe(true);
    expect(routeMatches('/laksa/laporan/:ticket', '/laksa/laporan')).toBe(false);
    expect(routeMatches('/laksa/laporan/:ticket', '/laksa/laporan/a/b')).toBe(false);
    expect(routeMatches('/laksa/kirim', '/laksa/peta')).toBe(false);
    expect(routeMatches('/harga-pasar', '/laksa')).toBe(false);
  });
});
