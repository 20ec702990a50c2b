import { isIsoDate } from '@kota-kit/core/client';
import { Badge, dateText, DateText, ErrorState, formatRupiah, Icon, Link, Loading, useLanguage, useQuery, useProgressiveList, useScrollHint, useSearchParams } from '@kota-kit/core/client';
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import type { BoardItem } from '../index.js';
import { boardQuery } from './api.js';

// The download panel checks dates with the export's schema: loaded after the prices, so the board does not wait for it.
const DownloadPanel = lazy(() => import('./download-panel.js').then((module) => ({ default: module.DownloadPanel })));
/** The panel's id, for the "Unduh data" jump at the top (the same as download-panel.tsx's). */
const downloadPanelId = 'hp-download';
import { base, ChangeText, HargaPasarNav, unitLabel, useOnline, useT, useToday } from './shared.js';
import { Term } from './term.js';


/** Groups in the order the region lists its commodities. */
export function groupItems(items: readonly BoardItem[]): { group: string; items: BoardItem[] }[] {
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
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tanggal');
  const date = isIsoDate(asked) && asked < today ? asked : null;
  const board = useQuery(boardQuery(date));
  // A jump to the downloads renders the whole board first, so the panel does not move away as the rest arrives.
  const [wholeBoard, setWholeBoard] = useState(false);

  return (
    <div className="hp-page hp-page--board">
      <HargaPasarNav />
      <BoardHeader onJump={() => setWholeBoard(true)} />
      <form className="hp-board__when" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="hp-board-date" className="kk-visually-hidden">
          {t('board.pickDate')}
        </label>
        <input
          id="hp-board-date"
          className="kk-input hp-board__date"
          type="date"
          max={today}
          value={date ?? today}
          onChange={(event) => {
            const value = event.target.value;
            setParams(isIsoDate(value) && value < today ? { tanggal: value } : {}, { replace: true });
          }}
        />
        {date ? (
          <button type="button" className="kk-button kk-button--secondary hp-board__today" onClick={() => setParams({}, { replace: true })}>
            {t('board.today')}
          </button>
        ) : null}
        {board.data?.date ? <BoardDate date={board.data.date} today={today} requested={date ?? undefined} /> : null}
      </form>
      {online ? null : board.data?.date ? (
        <p className="hp-note hp-note--offline" role="status">
          {t('offline.note', { date: dateText(board.data.date, { variant: 'long', language }) })}
        </p>
      ) : null}
      {board.isPending ? (
        <Loading label={t('board.loading')} />
      ) : board.isError ? (
        <ErrorState title={t('board.error')} error={board.error} onRetry={() => void board.refetch()} />
      ) : !board.data.date ? (
        <p className="hp-note">{t('board.empty')}</p>
      ) : (
        <BoardList items={board.data.items} date={board.data.date} whole={wholeBoard} />
      )}
      <Suspense fallback={<div id={downloadPanelId} />}>
        <DownloadPanel today={today} />
      </Suspense>
    </div>
  );
}

/**
 * A short title line for a phone: the title, its explanation behind an info button (always shown on a wide
 * screen), and the jump to the downloads. The board's rows start high on the first screen (issue 13 #6).
 */
function BoardHeader({ onJump }: { onJump: () => void }) {
  const t = useT();
  const [about, setAbout] = useState(false);
  return (
    <header className="hp-board__head">
      <div className="hp-board__titleline">
        <h1 className="hp-board__title">{t('board.title')}</h1>
        <button type="button" className="hp-board__info" aria-expanded={about} aria-controls="hp-board-about" onClick={() => setAbout(!about)}>
          <Icon name="info" />
          <span className="kk-visually-hidden">{t('board.about')}</span>
        </button>
        <a className="hp-jump" href={`#${downloadPanelId}`} onClick={onJump}>
          <Icon name="download" /> {t('board.toDownload')}
        </a>
      </div>
      <p id="hp-board-about" className="hp-board__about" hidden={!about}>
        {t('board.description')}
      </p>
    </header>
  );
}

/** "Harga per 29 Nov 2026", and in the same line whether today's (or the asked day's) prices are not out yet. */
function BoardDate({ date, today, requested }: { date: string; today: string; requested?: string }) {
  const t = useT();
  const language = useLanguage();
  const older = requested ? date < requested : date < today;
  return (
    <p className="hp-board__dated">
      <strong>
        {t('board.pricesOf')} <DateText value={date} />
      </strong>
      {older ? (
        <span className="hp-board__late">
          {' · '}
          {requested ? t('board.olderNote', { requested: dateText(requested, { language }), date: dateText(date, { language }) }) : t('board.notYetToday')}
        </span>
      ) : null}
    </p>
  );
}

function BoardList({ items, date, whole }: { items: BoardItem[]; date: string; whole: boolean }) {
  // The server renders up to 60 rows (a city's whole board: compact rows, details made on opening), which the app
  // then only hydrates; measured on the demo board (21 rows) against 12 rows and the rest added by the app: Lighthouse
  // TBT 22–34 ms against 74–236 ms. A longer list gets the rest half a screen per task.
  const groups = groupItems(useProgressiveList(items, 60, whole, 6));
  return (
    <div className="hp-groups">
      {groups.length > 1 ? (
        <GroupChips groups={groups.map(({ group }) => group)} />
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

/**
 * The groups as one row of chips that scrolls sideways; while more chips are hidden at an end, that end fades
 * and an arrow shows there (only a visual sign: keyboards and screen readers reach every chip anyway).
 */
function GroupChips({ groups }: { groups: string[] }) {
  const t = useT();
  const listRef = useRef<HTMLDivElement>(null);
  const more = useScrollHint(listRef);
  const classes = ['hp-chips', more.start && 'hp-chips--more-start', more.end && 'hp-chips--more-end'].filter(Boolean).join(' ');
  return (
    <nav className={classes} aria-label={t('board.groups')}>
      <div ref={listRef} className="hp-chips__list">
        {groups.map((group) => (
          <a key={group} className="hp-chip" href={`#${groupAnchor(group)}`}>
            {group}
          </a>
        ))}
      </div>
      {more.end ? (
        <span className="hp-chips__more" aria-hidden="true">
          <Icon name="chevron-right" />
        </span>
      ) : null}
    </nav>
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
      {/* The details are made when opened: closed, they would be most of the board's page (5 of its 7 elements per row
          were hidden details) for the phone to parse, style and hydrate. */}
      <div id={detailsId} className="hp-row__details" hidden={!open}>
        {open ? <RowDetails item={item} older={older} /> : null}
      </div>
    </li>
  );
}

/** One line of an opened row's facts. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What an opened row shows: the changes, the lowest and highest market, the reference price and the way on. */
function RowDetails({ item, older }: { item: BoardItem; older: boolean }) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <dl className="hp-item__facts">
        <Fact term={t('board.vsDay')}>
          <ChangeText change={item.changeDay} />
        </Fact>
        <Fact term={t('board.vsWeek')}>
          <ChangeText change={item.changeWeek} />
        </Fact>
        <Fact term={t('board.lowest')}>
          {formatRupiah(item.lowest.price)} <span className="hp-muted">· {item.lowest.name}</span>
        </Fact>
        <Fact term={t('board.highest')}>
          {formatRupiah(item.highest.price)} <span className="hp-muted">· {item.highest.name}</span>
        </Fact>
        <Fact term={t('board.averageOf')}>{t('board.average', { count: item.marketCount })}</Fact>
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
    </>
  );
}
