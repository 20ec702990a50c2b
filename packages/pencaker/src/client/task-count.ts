import { data } from '@kota-kit/core/client';
import { api } from './api.js';

/** What waits for Disnaker: AK/1 cards to verify or issue, employers to verify, vacancies to moderate. */
export async function officerTodo(): Promise<number> {
  const counts = await data(api.officer.counts.$get());
  return counts.cards + counts.employers + counts.vacancies;
}
