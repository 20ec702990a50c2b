import { useDeferredValue } from 'react';

/**
 * A long list rendered in two steps: the first `count` items at once (what fills a phone's first screen), the rest
 * in a background render that React slices into short tasks, so a slow phone stays responsive while a board of
 * sixty prices appears. Returns the items to render now. `all` renders everything at once, e.g. when the user
 * jumps to something below the list (it must not move away while the rest of the list arrives).
 */
export function useProgressiveList<T>(items: readonly T[], count = 12, all = false): readonly T[] {
  const complete = useDeferredValue(true, false);
  return all || complete || items.length <= count ? items : items.slice(0, count);
}
