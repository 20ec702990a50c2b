import { formatRupiah, Icon, Link, useQuery } from '@kota-kit/core/client';
import type { BoardItem } from '../index.js';
import { boardQuery } from './api.js';
import { base, ChangeText, PricesOf, unitLabel, useOnline, useT } from './shared.js';

/** The staples most households watch; a region lacking one of them gets its first commodities instead. */
export const keyCommodities = ['beras-medium', 'cabai-rawit-merah', 'bawang-merah', 'telur-ayam-ras', 'minyakita', 'minyak-goreng-curah'];

export function pickKeyItems(items: BoardItem[], wanted: string[] = keyCommodities, count = 5): BoardItem[] {
  const picked = wanted.flatMap((id) => items.filter((item) => item.commodity === id)).slice(0, count);
  for (const item of items) {
    if (picked.length >= count) break;
    if (!picked.includes(item)) picked.push(item);
  }
  return picked;
}

/** Home-screen widget: a few key commodities today, with the date of the data and a link to the board. */
export default function TodayWidget() {
  const t = useT();
  const online = useOnline();
  const board = useQuery(boardQuery(null));
  return (
    <section className="hp-widget" aria-labelledby="hp-widget-title">
      <h3 id="hp-widget-title" className="hp-widget__title">
        {t('widget.title')}
      </h3>
      {board.isPending ? (
        <p className="hp-muted" aria-busy="true">
          {t('board.loading')}
        </p>
      ) : board.isError || !board.data.date ? (
        <p className="hp-muted">{board.isError ? t('board.error') : t('board.empty')}</p>
      ) : (
        <>
          <PricesOf date={board.data.date} className="hp-muted hp-small">
            {online ? null : ` · ${t('offline.short')}`}
          </PricesOf>
          <ul className="hp-widget__list">
            {pickKeyItems(board.data.items).map((item) => (
              <li key={item.commodity}>
                <span className="hp-widget__name">
                  {item.name}
                  <span className="hp-muted hp-small"> /{unitLabel(t, item.unit)}</span>
                </span>
                <span className="hp-widget__price">{formatRupiah(item.average)}</span>
                <span className="hp-widget__change">
                  <ChangeText change={item.changeDay} compact />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to={base} className="hp-widget__more">
        {t('widget.more')} <Icon name="arrow-right" />
      </Link>
    </section>
  );
}
