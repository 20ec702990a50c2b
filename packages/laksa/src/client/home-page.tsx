import { Button, Disclosure, EmptyState, ErrorState, Icon, Link, Loading, PageHeader, useLanguage, useNavigate, useQuery } from '@kota-kit/core/client';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import type { PublicReport } from '../schemas.js';
import { reportStatuses, reportTypes, stages, type ReportStatus, type ReportType, type Stage } from '../vocabulary.js';
import { api, data } from './api.js';
import { CardList, useListParams } from './card-list.js';
import { looksLikeTicket, trackingTokenFrom } from './logic.js';
import { OutboxPanel } from './outbox-panel.js';
import { PlainStatus } from './citizen.js';
import { base, DateText, LaksaNav, useCategoryName, useKecamatan, useOptions, useT } from './shared.js';

// The map's code (core's region map and its drawing) is fetched only when a visitor switches to the map: most
// open the list, and on a slow phone the landing page's scripts are what keep it from answering a tap.
const ReportsMap = lazy(() => import('./city-map.js').then((module) => ({ default: module.ReportsMap })));

const pageSize = 10;
const filterKeys = ['category', 'stage', 'status', 'kecamatan'] as const;

export interface ListQuery {
  category?: string;
  stage?: Stage;
  status?: ReportStatus;
  type?: ReportType;
  kecamatan?: string;
  page?: string;
  pageSize?: string;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/**
 * The filters of the list, from the address so a filtered list can be shared. Only values the API accepts are
 * kept (an address edited by hand loses the bad ones instead of failing), checked without the schema library so
 * the list page stays light; the server validates again.
 */
export function listQuery(params: URLSearchParams, withPaging = true): ListQuery {
  const query: ListQuery = {};
  const text = (key: string) => params.get(key)?.trim().slice(0, 200) || undefined;
  query.category = text('category');
  query.kecamatan = text('kecamatan');
  const stage = params.get('stage');
  if (isOneOf(stages, stage)) query.stage = stage;
  const status = params.get('status');
  if (isOneOf(reportStatuses, status)) query.status = status;
  const type = params.get('type');
  if (isOneOf(reportTypes, type)) query.type = type;
  for (const key of Object.keys(query) as (keyof ListQuery)[]) if (query[key] === undefined) delete query[key];
  if (withPaging) {
    query.page = String(Math.max(1, Math.floor(Number(params.get('page'))) || 1));
    query.pageSize = String(pageSize);
  }
  return query;
}

export default function LaksaHome() {
  const t = useT();
  return (
    <div className="lk-page">
      <LaksaNav />
      <PageHeader title={t('home.title')} description={t('home.description')} />
      <div className="lk-hero">
        <Link to={`${base}/lapor`} className="kk-button kk-button--primary lk-big-button">
          <Icon name="report" /> {t('home.create')}
        </Link>
        <p className="lk-small">{t('home.createHint')}</p>
      </div>
      <OutboxPanel />
      <Link to={`${base}/saya`} className="kk-card lk-mine-link">
        <Icon name="user" />
        <span>
          <strong>{t('citizen.mine.title')}</strong>
          <span className="lk-small">{t('citizen.mine.homeHint')}</span>
        </span>
        <Icon name="chevron-right" />
      </Link>
      <TrackForm />
      <PublicReports />
    </div>
  );
}

function TrackForm() {
  const t = useT();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (looksLikeTicket(value)) return navigate(`${base}/laporan/${value.trim().toUpperCase()}`);
    const token = trackingTokenFrom(value);
    if (!token) return setError(t('track.inputError'));
    navigate(`${base}/lacak/${token}`);
  };
  return (
    <section className="kk-card lk-track" aria-labelledby="lk-track-title">
      <h2 id="lk-track-title" className="kk-card__title">
        {t('track.formTitle')}
      </h2>
      <form onSubmit={submit} noValidate>
        <div className={`kk-field${error ? ' kk-field--invalid' : ''}`}>
          <label className="kk-field__label" htmlFor="lk-track-input">
            {t('track.inputLabel')}
          </label>
          <p className="kk-field__hint" id="lk-track-hint">
            {t('track.inputHint')}
          </p>
          <div className="lk-inline-form">
            <input
              id="lk-track-input"
              className="kk-input"
              value={value}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={`lk-track-hint${error ? ' lk-track-error' : ''}`}
              onChange={(event) => {
                setValue(event.target.value);
                setError(null);
              }}
            />
            <Button type="submit" variant="secondary">
              {t('track.go')}
            </Button>
          </div>
          {error ? (
            <p className="kk-field__error" id="lk-track-error">
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function PublicReports() {
  const t = useT();
  const options = useOptions();
  const kecamatan = useKecamatan();
  const language = useLanguage();
  const categoryName = useCategoryName();
  const { params, set, page } = useListParams();
  const view = params.get('tampilan') === 'peta' ? 'map' : 'list';
  const list = useQuery({
    queryKey: ['laksa', 'reports', listQuery(params)],
    queryFn: () => data(api.reports.$get({ query: listQuery(params) })),
    enabled: view === 'list',
    placeholderData: (previous) => previous,
  });
  const map = useQuery({
    queryKey: ['laksa', 'map', listQuery(params, false)],
    queryFn: () => data(api.map.$get({ query: listQuery(params, false) })),
    enabled: view === 'map',
  });
  const filtered = filterKeys.some((key) => params.get(key));
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <section aria-labelledby="lk-public-title" className="lk-public">
      <h2 id="lk-public-title" className="lk-section-title">
        {t('list.title')}
      </h2>
      <Disclosure className="lk-filters" icon="filter" open={filtered} summary={filtered ? t('list.filtersActive') : t('list.filters')}>
        <div className="lk-filters__grid">
          <label className="lk-filter">
            <span>{t('list.category')}</span>
            <select className="kk-input kk-select" value={params.get('category') ?? ''} onChange={(event) => set({ category: event.target.value })}>
              <option value="">{t('list.all')}</option>
              {options.categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name[language]}
                </option>
              ))}
            </select>
          </label>
          <label className="lk-filter">
            <span>{t('list.stage')}</span>
            <select className="kk-input kk-select" value={params.get('stage') ?? ''} onChange={(event) => set({ stage: event.target.value, status: null })}>
              <option value="">{t('list.all')}</option>
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stage.${stage}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="lk-filter">
            <span>{t('list.status')}</span>
            <select className="kk-input kk-select" value={params.get('status') ?? ''} onChange={(event) => set({ status: event.target.value, stage: null })}>
              <option value="">{t('list.all')}</option>
              {reportStatuses
                .filter((status) => status !== 'submitted' && status !== 'rejected')
                .map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
            </select>
          </label>
          {kecamatan.length > 0 ? (
            <label className="lk-filter">
              <span>{t('list.kecamatan')}</span>
              <select className="kk-input kk-select" value={params.get('kecamatan') ?? ''} onChange={(event) => set({ kecamatan: event.target.value })}>
                <option value="">{t('list.all')}</option>
                {kecamatan.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {filtered ? (
          <Button variant="secondary" onClick={() => set({ category: null, stage: null, status: null, kecamatan: null })}>
            {t('list.clear')}
          </Button>
        ) : null}
      </Disclosure>

      <div className="lk-toggle" role="group" aria-label={t('list.viewLabel')}>
        <button type="button" className="lk-toggle__button" aria-pressed={view === 'list'} onClick={() => set({ tampilan: null })}>
          <Icon name="list" /> {t('list.viewList')}
        </button>
        <button type="button" className="lk-toggle__button" aria-pressed={view === 'map'} onClick={() => set({ tampilan: 'peta' })}>
          <Icon name="map" /> {t('list.viewMap')}
        </button>
      </div>

      {view === 'map' ? (
        map.isPending ? (
          <Loading label={t('list.loading')} />
        ) : map.isError ? (
          <ErrorState title={t('list.error')} error={map.error} onRetry={() => void map.refetch()} />
        ) : (
          <Suspense fallback={<Loading label={t('list.loading')} />}>
            <ReportsMap points={map.data.points} categoryName={categoryName} />
            <p className="lk-small">{t('map.count', { count: map.data.points.length })}</p>
          </Suspense>
        )
      ) : list.isPending ? (
        <Loading label={t('list.loading')} />
      ) : list.isError ? (
        <ErrorState title={t('list.error')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <CardList
          label={t('list.title')}
          count={t('list.count', { count: list.data.total })}
          items={list.data.items}
          itemKey={(report) => report.ticket}
          renderItem={(report) => <ReportCard report={report} categoryName={categoryName} />}
          empty={<EmptyState icon="search" title={t('list.empty')} description={filtered ? t('list.emptyFiltered') : undefined} />}
          page={page}
          totalPages={totalPages}
          onPage={(next) => set({ page: String(next) })}
          busy={list.isFetching}
        />
      )}
    </section>
  );
}

/**
 * A public report as a card: the title first, one plain status with its colour, a small photo when there is
 * one, then category, place and date; the ticket small; supporters only when there are some.
 */
export function ReportCard({ report, categoryName }: { report: PublicReport; categoryName: (id: string) => string }) {
  const t = useT();
  return (
    <article className={`lk-card lk-public-card${report.thumbnail ? ' lk-public-card--photo' : ''}`}>
      {report.thumbnail ? <img className="lk-public-card__thumb" src={report.thumbnail} alt="" loading="lazy" width={72} height={72} /> : null}
      <div className="lk-public-card__body">
        <h3 className="lk-card__title">
          <Link to={`${base}/laporan/${report.ticket}`} className="lk-card__link">
            {report.title}
          </Link>
        </h3>
        <p className="lk-card__status">
          <PlainStatus status={report.status} overdue={report.overdue} />
        </p>
        <p className="lk-card__meta">
          {categoryName(report.category)}
          {report.kecamatan ? ` · ${t('list.kecamatanShort')} ${report.kecamatan}` : ''} · <DateText value={report.createdAt} />
        </p>
        <p className="lk-card__foot">
          <span className="lk-ticket-small">{report.ticket}</span>
          {report.supporters > 0 ? (
            <span>
              <Icon name="user" /> {t('list.supporters', { count: report.supporters })}
            </span>
          ) : null}
        </p>
      </div>
    </article>
  );
}
