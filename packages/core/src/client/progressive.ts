import { useDeferredValue } from 'react';

/**
 * A long list rendered in two steps: the first `count` items at once (what fills a phone's first screen), the rest
 * in a background render that React slices into short tasks, so a slow phone stays responsive while a board of
 * sixty prices appears. Returns the items to render now.
 */
export function useProgressiveList<T>(items: readonly T[], count = 12): readonly T[] {
  const complete = useDeferredValue(true, false);
  return complete || items.length <= count ? items : items.slice(0, count);
}
