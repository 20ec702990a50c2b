/** The public list and the officers' inbox share this: filters kept in the address, and a paged list of cards. */
import { PagedList, useSearchParams } from '@kota-kit/core/client';
import type { ReactNode } from 'react';

/**
 * The page's filters and page number in its address (so a filtered list can be shared). `set` changes some of
 * them; any change but the page's own goes back to the first page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { params, set, page };
}

/** "12 laporan", then the cards with core's pager; `empty` instead when there are none. */
export function CardList<Item>(props: {
  label: string;
  count: string;
  items: readonly Item[];
  itemKey: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
  empty: ReactNode;
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  busy: boolean;
}) {
  const { count, busy, page, ...list } = props;
  return (
    <>
      {list.items.length > 0 ? (
        <p className="lk-small" aria-live="polite">
          {count}
        </p>
      ) : null}
      <div aria-busy={busy || undefined}>
        <PagedList {...list} className="lk-cards" page={page} pageKey={page} />
      </div>
    </>
  );
}
