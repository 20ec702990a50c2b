/** The home screen's "Tugas saya" count for berita (loaded lazily by core): articles waiting for this officer. */
import { data } from '@kota-kit/core/client';
import { api } from './api.js';

export async function newsroomTodo(): Promise<number> {
  const { counts } = await data(api.newsroom.articles.$get({ query: {} }));
  // Writers see what came back with changes requested; editors also what waits for review.
  return (counts.review ?? 0) + (counts.changes ?? 0);
}
