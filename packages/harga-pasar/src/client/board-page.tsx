import { isIsoDate } from '@kota-kit/core';
import { Badge, data, dateText, ErrorState, formatRupiah, Icon, Link, Loading, PageHeader, useLanguage, useQuery, useSearchParams } from '@kota-kit/core/client';
import { useState } from 'react';
import type { BoardItem } from '../index.js';
import { api } from './api.js';
import { DownloadPanel, downloadPanelId } from './download-panel.js';
import { base, ChangeText, DataDate, HargaPasarNav, unitLabel, useOnline, useT, useToday } from './shared.js';
import { Term } from './term.js';

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

/** The id of a group's heading, the target of its chip. */
export function groupAnchor(group: string): string {
  return `hp-group-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
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
    <div className="hp-page hp-page--board">
      <HargaPasarNav />
      <PageHeader title={t('board.title')} description={t('board.description')} />
      <form className="hp-board__tools" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="hp-board-date" className="kk-visually-hidden">
          {t('board.pickDate')}
        </label>
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
        <a className="hp-jump" href={`#${downloadPanelId}`}>
          <Icon name="download" /> {t('board.toDownload')}
        </a>
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
  const groups = groupItems(items);
  return (
    <div className="hp-groups">
      {groups.length > 1 ? (
        <nav className="hp-chips" aria-label={t('board.groups')}>
          {groups.map(({ group }) => (
            <a key={group} className="hp-chip" href={`#${groupAnchor(group)}`}>
              {group}
            </a>
          ))}
        </nav>
      ) : null}
      {groups.map(({ group, items: list }) => (
        <section key={group} className="hp-group" aria-labelledby={groupAnchor(group)}>
          <h2 id={groupAnchor(group)} className="hp-group__title" tabIndex={-1}>
            {group}
          </h2>
          <ul className="hp-board">
            {list.map((item) => (
              <BoardRow key={item.commodity} item={item} date={date} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** One commodity in one compact row (name, price, arrow and change); the whole row opens its details in place. */
function BoardRow({ item, date }: { item: BoardItem; date: string }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const detailsId = `hp-details-${item.commodity}`;
  const older = item.date !== date;
  return (
    <li className={`hp-item${item.aboveReference ? ' hp-item--above' : ''}${open ? ' hp-item--open' : ''}`}>
      <button type="button" className="hp-row" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
        <span className="hp-row__name">
          <span className="hp-row__title">{item.name}</span>
          <span className="hp-row__sub">
            /{unitLabel(t, item.unit)}
            {item.aboveReference && item.reference ? (
              <span className="hp-row__flag">
                {' '}
                <Icon name="warning" /> {t('board.aboveReference', { kind: item.reference.kind })}
              </span>
            ) : null}
            {older ? <span> · {t('board.itemDateShort', { date: dateText(item.date, { variant: 'short', language }) })}</span> : null}
          </span>
        </span>
        <span className="hp-row__value">
          <span className="hp-price">{formatRupiah(item.average)}</span>
          <ChangeText change={item.changeDay} compact />
        </span>
        <Icon name="chevron-right" className="hp-row__chevron" />
      </button>
      <div id={detailsId} className="hp-row__details" hidden={!open}>
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
          <div>
            <dt>{t('board.averageOf')}</dt>
            <dd>{t('board.average', { count: item.marketCount })}</dd>
          </div>
        </dl>
        {item.reference ? (
          <p className={`hp-ref${item.aboveReference ? ' hp-ref--above' : ''}`}>
            {item.aboveReference ? (
              <Badge tone="danger">
                <Icon name="warning" /> {t('board.aboveReference', { kind: item.reference.kind })}
              </Badge>
            ) : null}{' '}
            <Term name={item.reference.kind} />: {formatRupiah(item.reference.price)}
          </p>
        ) : null}
        {older ? <p className="hp-note hp-note--old hp-small">{t('board.itemDate', { date: dateText(item.date, { variant: 'long', language }) })}</p> : null}
        <Link className="hp-row__more" to={`${base}/komoditas/${item.commodity}`}>
          {t('board.more', { name: item.name })} <Icon name="arrow-right" />
        </Link>
      </div>
    </li>
  );
}
