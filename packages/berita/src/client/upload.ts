import { apiFetch } from '@kota-kit/core/client';

/** Uploads a picture for an article; the server re-encodes it without metadata at a few widths. */
export function uploadImage(file: File): Promise<{ key: string; width: number; height: number }> {
  const form = new FormData();
  form.append('file', file);
  return apiFetch('/api/berita/newsroom/images', { method: 'POST', body: form });
}
