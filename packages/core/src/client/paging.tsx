import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from './translator.js';
import { Button, EmptyState } from './components.js';
import { Icon } from './icons.js';

/** Numbered pages: "Halaman 2 dari 5". */
export interface PageNavigation {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
}

/** Cursor pages (the API gives "next"/"previous" cursors and no total). */
export interface CursorNavigation {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export type PagerProps = (PageNavigation | CursorNavigation) & {
  /** The navigation's name for screen readers; default "Navigasi halaman". */
  label?: string;
};

function isNumbered(props: PageNavigation | CursorNavigation): props is PageNavigation {
  return 'onPage' in props;
}

/**
 * "Sebelumnya" / "Berikutnya" buttons with the current page between them; nothing when all fits on one page.
 * The buttons stay in place (disabled at the ends) so a thumb tapping through pages never hits another control.
 */
export function Pager(props: PagerProps) {
  const { t } = useTranslation('core');
  const numbered = isNumbered(props);
  const hasPrevious = numbered ? props.page > 1 : props.hasPrevious;
  const hasNext = numbered ? props.page < props.totalPages : props.hasNext;
  if (!hasPrevious && !hasNext) return null;
  const previous = () => (numbered ? props.onPage(props.page - 1) : props.onPrevious());
  const next = () => (numbered ? props.onPage(props.page + 1) : props.onNext());
  return (
    <nav className="kk-pager" aria-label={props.label ?? t('paging.label')}>
      <Button variant="secondary" disabled={!hasPrevious} onClick={previous}>
        <Icon name="chevron-left" /> {t('paging.previous')}
      </Button>
      {numbered && (
        <span className="kk-pager__status" aria-live="polite">
          {t('paging.pageOf', { page: props.page, total: props.totalPages })}
        </span>
      )}
      <Button variant="secondary" disabled={!hasNext} onClick={next}>
        {t('paging.next')} <Icon name="chevron-right" />
      </Button>
    </nav>
  );
}

export type PagedListProps<Item> = (PageNavigation | CursorNavigation) & {
  /** Names the list (and its navigation) for screen readers, e.g. "Laporan terbaru". */
  label: string;
  items: readonly Item[];
  itemKey: (item: Item) => string | number;
  renderItem: (item: Item) => ReactNode;
  /** Shown instead of the list when there are no items. */
  empty?: ReactNode;
  /** Bumps when a new page arrives (e.g. the page number or cursor); focus then moves to the list's start. */
  pageKey?: string | number;
  className?: string;
};

/**
 * A list with its pager. After a page change the list itself takes focus, so keyboard and screen-reader users
 * start reading the new page at its top instead of staying on the button at its bottom.
 */
export function PagedList<Item>({ label, items, itemKey, renderItem, empty, pageKey, className, ...navigation }: PagedListProps<Item>) {
  const { t } = useTranslation('core');
  const listRef = useRef<HTMLUListElement>(null);
  const firstKey = useRef(pageKey);
  const labelId = useId();
  useEffect(() => {
    if (pageKey === firstKey.current) return;
    firstKey.current = pageKey;
    listRef.current?.focus();
  }, [pageKey]);
  if (items.length === 0) return <>{empty ?? <EmptyState title={t('empty')} />}</>;
  return (
    <div className={className ? `kk-paged ${className}` : 'kk-paged'}>
      <span id={labelId} className="kk-visually-hidden">
        {label}
      </span>
      <ul ref={listRef} className="kk-paged__list" aria-labelledby={labelId} tabIndex={-1}>
        {items.map((item) => (
          <li key={itemKey(item)}>{renderItem(item)}</li>
        ))}
      </ul>
      <Pager {...(navigation as PageNavigation | CursorNavigation)} label={t('paging.labelOf', { list: label })} />
    </div>
  );
}
