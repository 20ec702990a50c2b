import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from './class-names.js';

/* ---------- Table ---------- */

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  /** Plain-text header for the label shown beside each cell on phones. */
  label?: string;
  render?: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures (prices, counts). */
  numeric?: boolean;
}

export interface TableProps<Row> {
  caption: ReactNode;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Stack each row as a card on narrow screens instead of scrolling sideways. */
  stackOnPhone?: boolean;
  /** The key of the column that names each row (a <th scope="row">, and the title of each card on phones). */
  rowHeader?: string;
}

export function Table<Row>({ caption, columns, rows, rowKey, stackOnPhone = true, rowHeader }: TableProps<Row>) {
  const captionId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(wrapRef);
  return (
    // The wrapper scrolls when the table does not fit; only then is it a tab stop, so keyboards can scroll it.
    // (A stacked table on a phone does not scroll: a focus stop there would be a screen-tall box with its ring off-screen.)
    <div
      ref={wrapRef}
      className={cx('kk-table-wrap', stackOnPhone && 'kk-table-wrap--stack')}
      tabIndex={scrolls ? 0 : undefined}
      role="region"
      aria-labelledby={captionId}
    >
      <table className="kk-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cx(column.numeric && 'kk-num')}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const content = column.render ? column.render(row) : String((row as Record<string, unknown>)[column.key] ?? '');
                return column.key === rowHeader ? (
                  <th key={column.key} scope="row" className={cx('kk-table__row-header', column.numeric && 'kk-num')}>
                    {content}
                  </th>
                ) : (
                  <td
                    key={column.key}
                    className={cx(column.numeric && 'kk-num')}
                    data-label={column.label ?? (typeof column.header === 'string' ? column.header : undefined)}
                  >
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the element's content overflows it (so it scrolls); true until measured, and where it cannot be measured. */
function useScrolls(ref: { current: HTMLElement | null }): boolean {
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
