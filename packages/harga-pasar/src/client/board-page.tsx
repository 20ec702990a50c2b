import { isIsoDate } from '@kota-kit/core';
import { Badge, data, dateText, ErrorState, formatRupiah, Icon, Link, Loading, PageHeader, useLanguage, useQuery, useSearchParams } from '@kota-kit/core/client';
import type { BoardItem } from '../index.js';
import { api } from './api.js';
import { DownloadPanel } from './download-panel.js';
import { base, ChangeText, DataDate, HargaPasarNav, unitLabel, useOnline, useT, useToday } from './shared.js';

export function boardQuery(date: string | null) {
  return {
    queryKey: ['harga-pasar', 'board', date ?? 'today'],
    // Without a date the URL is the same every day, so the service worker's copy is the latest board seen.
    queryFn: () => data(api.board.$get({ query: date ? { date } : {} })),
    // Ask even when the phone says offline: the service worker answers from its cache.
    networkMode: 'offlineFirst' as const,
  };
}

/** Groups in the order the region lists its commodities. */
export function groupItems(items: BoardItem[]): { group: string; items: BoardItem[] }[] {
  const groups = new Map<string, BoardItem[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups].map(([group, list]) => ({ group, items: list }));
}

/** Today's prices of every commodity; the data date is always shown, so an offline copy is never mistaken for today's. */
export default function BoardPage() {
  const t = useT();
  const today = useToday();
  const online = useOnline();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tanggal');
  const date = isIsoDate(asked) && asked < today ? asked : null;
  const board = useQuery(boardQuery(date));

  return (
    <div className="hp-page">
      <HargaPasarNav />
      <PageHeader title={t('board.title')} description={t('board.description')} />
      <form className="hp-datepick" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="hp-board-date">{t('board.pickDate')}</label>
        <div className="hp-datepick__row">
          <input
            id="hp-board-date"
            className="kk-input"
            type="date"
            max={today}
            value={date ?? today}
            onChange={(event) => {
              const value = event.target.value;
              setParams(isIsoDate(value) && value < today ? { tanggal: value } : {}, { replace: true });
            }}
          />
          {date ? (
            <button type="button" className="kk-button kk-button--secondary" onClick={() => setParams({}, { replace: true })}>
              {t('board.today')}
            </button>
          ) : null}
        </div>
      </form>
      {board.isPending ? (
        <Loading label={t('board.loading')} />
      ) : board.isError ? (
        <ErrorState title={t('board.error')} error={board.error} onRetry={() => void board.refetch()} />
      ) : !board.data.date ? (
        <p className="hp-note">{t('board.empty')}</p>
      ) : (
        <>
          <DataDate date={board.data.date} today={today} online={online} requested={date ?? undefined} />
          <BoardList items={board.data.items} date={board.data.date} />
        </>
      )}
      <DownloadPanel today={today} />
    </div>
  );
}

function BoardList({ items, date }: { items: BoardItem[]; date: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="hp-groups">
      {groupItems(items).map(({ group, items: list }) => (
        <section key={group} className="hp-group" aria-labelledby={`hp-group-${slug(group)}`}>
          <h2 id={`hp-group-${slug(group)}`} className="hp-group__title">
            {group}
          </h2>
          <ul className="hp-board">
            {list.map((item) => (
              <li key={item.commodity} className={`hp-item${item.aboveReference ? ' hp-item--above' : ''}`}>
                <h3 className="hp-item__name">
                  <Link to={`${base}/komoditas/${item.commodity}`}>{item.name}</Link>
                </h3>
                <p className="hp-item__price">
                  <span className="hp-price">{formatRupiah(item.average)}</span>
                  <span className="hp-unit">/{unitLabel(t, item.unit)}</span>
                </p>
                <p className="hp-muted hp-item__avg">{t('board.average', { count: item.marketCount })}</p>
                <dl className="hp-item__facts">
                  <div>
                    <dt>{t('board.vsDay')}</dt>
                    <dd>
                      <ChangeText change={item.changeDay} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('board.vsWeek')}</dt>
                    <dd>
                      <ChangeText change={item.changeWeek} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('board.lowest')}</dt>
                    <dd>
                      {formatRupiah(item.lowest.price)} <span className="hp-muted">· {item.lowest.name}</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('board.highest')}</dt>
                    <dd>
                      {formatRupiah(item.highest.price)} <span className="hp-muted">· {item.highest.name}</span>
                    </dd>
                  </div>
                </dl>
                {item.reference ? (
                  item.aboveReference ? (
                    <p className="hp-ref hp-ref--above">
                      <Badge tone="danger">
                        <Icon name="warning" />{' '}
                        {t('board.aboveReference', { kind: item.reference.kind })}
                      </Badge>{' '}
                      <span>{t('board.reference', { kind: item.reference.kind, price: formatRupiah(item.reference.price) })}</span>
                    </p>
                  ) : (
                    <p className="hp-ref hp-muted">{t('board.reference', { kind: item.reference.kind, price: formatRupiah(item.reference.price) })}</p>
                  )
                ) : null}
                {item.date !== date ? (
                  <p className="hp-note hp-note--old hp-small">{t('board.itemDate', { date: dateText(item.date, { variant: 'long', language }) })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function slug(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
