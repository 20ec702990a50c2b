import { apiFetch, formatRupiah, useModuleTranslation, useQuery } from '@kota-kit/core/client';
import type { Board } from '../types.js';

/** Today's prices of every commodity; the data date is always shown, so an offline copy is never mistaken for today's. */
export default function BoardPage() {
  const { t } = useModuleTranslation('harga-pasar');
  const board = useQuery({ queryKey: ['harga-pasar', 'board'], queryFn: () => apiFetch<Board>('/api/harga-pasar/board') });
  if (board.isPending) return <p aria-busy="true">{t('board.loading')}</p>;
  if (board.isError) return <p role="alert">{t('board.error')}</p>;
  const { date, items } = board.data;
  return (
    <section>
      <h1>{t('board.title')}</h1>
      {date ? <p className="hp-muted">{t('board.dataOf', { date })}</p> : <p>{t('board.empty')}</p>}
      <ul className="hp-board">
        {items.map((item) => (
          <li key={item.commodity} className="hp-item">
            <h3>{item.name}</h3>
            <div className="hp-price">{formatRupiah(item.average)}</div>
            <div className="hp-muted">{t('board.average', { unit: item.unit })}</div>
            {item.changeDay && item.changeDay.amount !== 0 ? (
              <div className={item.changeDay.amount > 0 ? 'hp-up' : 'hp-down'}>
                {item.changeDay.amount > 0 ? '▲' : '▼'} {formatRupiah(Math.abs(item.changeDay.amount))} ({item.changeDay.percent > 0 ? '+' : ''}
                {item.changeDay.percent}%) <span className="hp-muted">{t('board.vsYesterday')}</span>
              </div>
            ) : null}
            <div className="hp-muted">
              {t('board.range', {
                lowest: formatRupiah(item.lowest.price),
                lowestMarket: item.lowest.name,
                highest: formatRupiah(item.highest.price),
                highestMarket: item.highest.name,
              })}
            </div>
            {item.aboveReference && item.reference ? (
              <span className="hp-above">{t('board.aboveReference', { kind: item.reference.kind, price: formatRupiah(item.reference.price) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
