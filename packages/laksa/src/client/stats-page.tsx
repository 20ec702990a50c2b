import { addDays } from '@kota-kit/core/client';
import { DataTable, dateText, ErrorState, Loading, PageHeader, useLanguage, useQuery, useSearchParams, useToday } from '@kota-kit/core/client';
import type { Stats, StatsRow } from '../schemas.js';
import { api, data } from './api.js';
import { durationParts } from './logic.js';
import { AgencyName, Explain } from './citizen.js';
import { LaksaNav, useCategoryName, useT } from './shared.js';

export const periods = [30, 90, 365] as const;

/** Public statistics: per category and per agency, with the numbers always written beside the bars. */
export default function StatsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const days = Number(params.get('hari')) || 90;
  const customFrom = params.get('dari');
  const customTo = params.get('sampai');
  const from = customFrom ?? addDays(today, -(days - 1));
  const to = customTo ?? today;
  const stats = useQuery({
    queryKey: ['laksa', 'stats', from, to],
    queryFn: () => data(api.stats.$get({ query: { from, to } })),
    placeholderData: (previous) => previous,
  });
  return (
    <div className="lk-page">
      <LaksaNav />
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <form className="lk-period" onSubmit={(event) => event.preventDefault()} aria-label={t('stats.period')}>
        <div className="lk-toggle" role="group" aria-label={t('stats.period')}>
          {periods.map((period) => (
            <button key={period} type="button" className="lk-toggle__button" aria-pressed={!customFrom && days === period} onClick={() => setParams({ hari: String(period) }, { replace: true })}>
              {t('stats.lastDays', { count: period })}
            </button>
          ))}
        </div>
        <div className="lk-period__dates">
          <label className="lk-filter">
            <span>{t('stats.from')}</span>
            <input type="date" className="kk-input" value={from} max={to} onChange={(event) => event.target.value && setParams({ dari: event.target.value, sampai: to }, { replace: true })} />
          </label>
          <label className="lk-filter">
            <span>{t('stats.to')}</span>
            <input type="date" className="kk-input" value={to} min={from} max={today} onChange={(event) => event.target.value && setParams({ dari: from, sampai: event.target.value }, { replace: true })} />
          </label>
        </div>
      </form>
      {stats.isPending ? (
        <Loading label={t('stats.loading')} />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <StatsView stats={stats.data} />
      )}
    </div>
  );
}

function useFormat() {
  const t = useT();
  const language = useLanguage();
  const number = (value: number, digits = 0) => value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits });
  return {
    number,
    duration: (hours: number | null) => {
      const parts = durationParts(hours);
      return parts ? t(`stats.${parts.unit}`, { value: number(parts.value, 1) }) : '—';
    },
    share: (value: number | null) => (value === null ? '—' : `${number(value * 100)}%`),
    rating: (row: StatsRow) => (row.meanRating === null ? '—' : t('stats.ratingValue', { value: number(row.meanRating, 1), count: row.ratings })),
  };
}

function StatsView({ stats }: { stats: Stats }) {
  const t = useT();
  const language = useLanguage();
  const format = useFormat();
  const categoryName = useCategoryName();
  const total = stats.total;
  const byCategory = stats.byCategory.map((row) => ({ ...row, name: categoryName(row.id) || row.name }));
  return (
    <>
      <p className="lk-small">{t('stats.range', { from: dateText(stats.from, { variant: 'long', language }), to: dateText(stats.to, { variant: 'long', language }) })}</p>
      <ul className="lk-kpis">
        <li>
          <span className="lk-kpi__value">{format.number(total.received)}</span>
          <span className="lk-kpi__label">{t('stats.received')}</span>
        </li>
        <li>
          <span className="lk-kpi__value">{format.number(total.resolved)}</span>
          <span className="lk-kpi__label">{t('stats.resolved')}</span>
        </li>
        <li>
          <span className="lk-kpi__value">{format.duration(total.medianHoursToFirstResponse)}</span>
          <span className="lk-kpi__label">{t('stats.firstResponse')}</span>
        </li>
        <li>
          <span className="lk-kpi__value">{format.duration(total.medianHoursToResolution)}</span>
          <span className="lk-kpi__label">{t('stats.resolution')}</span>
        </li>
        <li>
          <span className="lk-kpi__value">{format.share(total.resolvedWithinDeadlineShare)}</span>
          <span className="lk-kpi__label">{t('stats.withinDeadline')}</span>
        </li>
        <li>
          <span className="lk-kpi__value">{total.meanRating === null ? '—' : `${format.number(total.meanRating, 1)} ★`}</span>
          <span className="lk-kpi__label">{t('stats.satisfaction', { count: total.ratings })}</span>
        </li>
      </ul>
      <div className="lk-explains">
        <Explain term="median" />
      </div>
      <Bars title={t('stats.byCategory')} rows={byCategory} />
      <Bars title={t('stats.byAgency')} rows={stats.byAgency} agencies />
      <ShareBars title={t('stats.deadlineByAgency')} rows={stats.byAgency} />
      <details className="lk-table-toggle">
        <summary>{t('stats.showTable')}</summary>
        <StatsTable caption={t('stats.tableAgency')} rows={stats.byAgency} nameHeader={t('stats.agency')} />
        <StatsTable caption={t('stats.tableCategory')} rows={byCategory} nameHeader={t('stats.category')} />
      </details>
    </>
  );
}

/** Received vs resolved per row, as CSS bars with the figures written out. The table below has the same data. */
function Bars({ title, rows, agencies = false }: { title: string; rows: StatsRow[]; agencies?: boolean }) {
  const t = useT();
  const format = useFormat();
  const shown = rows.filter((row) => row.received > 0).sort((a, b) => b.received - a.received);
  const max = Math.max(1, ...shown.map((row) => row.received));
  return (
    <section className="lk-chart" aria-label={title}>
      <h2 className="lk-section-title">{title}</h2>
      <p className="lk-chart__legend lk-small">
        <span className="lk-swatch lk-swatch--received" aria-hidden="true" /> {t('stats.received')} <span className="lk-swatch lk-swatch--resolved" aria-hidden="true" /> {t('stats.resolved')}
      </p>
      {shown.length === 0 ? (
        <p className="lk-muted">{t('stats.none')}</p>
      ) : (
        <ul className="lk-bars">
          {shown.map((row) => (
            <li key={row.id}>
              <span className="lk-bars__name">{agencies ? <AgencyName agency={{ id: row.id, shortName: row.name }} /> : row.name}</span>
              <span className="lk-bars__track" aria-hidden="true">
                <span className="lk-bars__bar lk-bars__bar--received" style={{ width: `${(row.received / max) * 100}%` }} />
                <span className="lk-bars__bar lk-bars__bar--resolved" style={{ width: `${(row.resolved / max) * 100}%` }} />
              </span>
              <span className="lk-bars__value">{t('stats.barText', { received: format.number(row.received), resolved: format.number(row.resolved) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ShareBars({ title, rows }: { title: string; rows: StatsRow[] }) {
  const t = useT();
  const format = useFormat();
  const shown = rows.filter((row) => row.resolvedWithinDeadlineShare !== null);
  return (
    <section className="lk-chart" aria-label={title}>
      <h2 className="lk-section-title">{title}</h2>
      {shown.length === 0 ? (
        <p className="lk-muted">{t('stats.none')}</p>
      ) : (
        <ul className="lk-bars">
          {shown.map((row) => (
            <li key={row.id}>
              <span className="lk-bars__name">{row.name}</span>
              <span className="lk-bars__track" aria-hidden="true">
                <span className="lk-bars__bar lk-bars__bar--share" style={{ width: `${(row.resolvedWithinDeadlineShare ?? 0) * 100}%` }} />
              </span>
              <span className="lk-bars__value">{format.share(row.resolvedWithinDeadlineShare)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StatsTable({ caption, rows, nameHeader }: { caption: string; rows: StatsRow[]; nameHeader: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      rowHeader="name"
      columns={[
        { key: 'name', header: nameHeader },
        { key: 'received', header: t('stats.received'), numeric: true, render: (row) => format.number(row.received) },
        { key: 'open', header: t('stats.open'), numeric: true, render: (row) => format.number(row.open) },
        { key: 'resolved', header: t('stats.resolved'), numeric: true, render: (row) => format.number(row.resolved) },
        { key: 'rejected', header: t('stats.rejected'), numeric: true, render: (row) => format.number(row.rejected) },
        { key: 'first', header: t('stats.firstResponse'), numeric: true, render: (row) => format.duration(row.medianHoursToFirstResponse) },
        { key: 'resolution', header: t('stats.resolution'), numeric: true, render: (row) => format.duration(row.medianHoursToResolution) },
        { key: 'deadline', header: t('stats.withinDeadline'), numeric: true, render: (row) => format.share(row.resolvedWithinDeadlineShare) },
        { key: 'rating', header: t('stats.rating'), numeric: true, render: (row) => format.rating(row) },
      ]}
    />
  );
}
