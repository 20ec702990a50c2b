import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import { createContext, useContext, useDeferredValue, useMemo } from 'react';

/**
 * TanStack Query's `useQuery`, with one difference: when an answer arrives (or fails), the component first renders
 * again as it was and then renders the answer in a background render that React slices into short tasks. A query's
 * update is otherwise a synchronous render (useSyncExternalStore), which for a long answer — a board of sixty prices —
 * is one long task that holds up a slow phone's taps. Renders that do not change the query's state are not delayed.
 */
export const useQuery = function useQuery(...args: Parameters<typeof useTanstackQuery>) {
  useContext(QueryCollector)?.(args[0]);
  const result = useTanstackQuery(...args);
  const { status, fetchStatus, data, error, failureCount, isPlaceholderData } = result;
  // The same object while the query's state is the same, so that only a change of state is deferred.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- these fields are what the result shows
  const current = useMemo(() => result, [status, fetchStatus, data, error, failureCount, isPlaceholderData]);
  return useDeferredValue(current);
} as typeof useTanstackQuery;

/**
 * On the server: told of every query a page renders, so that the renderer can fetch their answers and render the
 * page again with them (`@kota-kit/core/render`). Null in the browser.
 */
export const QueryCollector = createContext<((options: unknown) => void) | null>(null);
