// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, ApiError } from './api.js';
import { formatDate, formatRupiah } from './format.js';
import { runtime } from './runtime.js';

afterEach(() => {
  vi.unstubAllGlobals();
  runtime.language = 'id';
});

describe('apiFetch', () => {
  it('turns a problem+json answer into an ApiError with field errors', async () => {
    const problem = {
      type: 'https://kota-kit.dev/problems/validation',
      title: 'Data tidak valid',
      status: 422,
      errors: [
        { field: 'body.title', message: 'Judul wajib diisi' },
        { field: 'query.page', message: 'Harus angka' },
      ],
    };
    const fetchStub = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify(problem), { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    vi.stubGlobal('fetch', fetchStub);
    runtime.language = 'en';
    const error = await apiFetch('/api/laksa/reports', { method: 'POST', body: { title: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.message).toBe('Data tidak valid');
    expect(apiError.fieldErrors).toEqual({
      'body.title': 'Judul wajib diisi',
      title: 'Judul wajib diisi',
      'query.page': 'Harus angka',
      page: 'Harus angka',
    });
    const init = fetchStub.mock.calls[0]![1]!;
    const headers = new Headers(init.headers);
    expect(headers.get('Accept-Language')).toBe('en');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init.body).toBe('{"title":""}');
    expect(init.credentials).toBe('same-origin');
  });

  it('returns parsed JSON, and undefined on 204', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ ok: 1 }));
    await expect(apiFetch<{ ok: number }>('/api/x')).resolves.toEqual({ ok: 1 });
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiFetch('/api/x', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('makes an ApiError from a non-JSON failure', async () => {
    vi.stubGlobal('fetch', async () => new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.fieldErrors).toEqual({});
  });
});

describe('formatRupiah', () => {
  it('formats whole rupiah in the current language', () => {
    expect(formatRupiah(15000).replace(/\s/g, ' ')).toBe('Rp 15.000');
    expect(formatRupiah(15000, { language: 'en' })).toContain('15,000');
  });
});

describe('formatDate', () => {
  it('uses the region time zone', () => {
    // 20:00 UTC is already the next day in WIB (UTC+7).
    expect(formatDate('2025-08-16T20:00:00Z', { language: 'id' })).toBe('17 Agustus 2025');
    expect(formatDate('2025-08-16T20:00:00Z', { language: 'en' })).toBe('17 August 2025');
  });
});
