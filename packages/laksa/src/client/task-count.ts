/** The home screen's "Tugas saya" count for LAKSA: what waits for the signed-in officer (loaded lazily by core). */
import { api, data } from './api.js';

/** The query key of the inbox's tabs and counts (under the inbox's key, so any action refreshes it). */
export const inboxTabsKey = ['laksa', 'inbox', 'tabs'] as const;

export async function inboxTodo(): Promise<number> {
  return (await data(api.inbox.tabs.$get())).todo;
}
