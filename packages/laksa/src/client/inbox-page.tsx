import { addDays } from '@kota-kit/core';
import { Badge, Button, Card, EmptyState, ErrorState, Icon, Link, Loading, Navigate, PageHeader, useBootstrap, useLanguage, useQuery, useSession, useToday } from '@kota-kit/core/client';
import { useState } from 'react';
import { inboxQuerySchema, reportStatuses, stages, type InboxItem } from '../schemas.js';
import { api, apiBase, data, queryFrom } from './api.js';
import { CardList, useListParams } from './card-list.js';
import { Open311Keys } from './open311-keys.js';
import { base, DayText, LaksaNav, StageBadge, StatusText, useCategoryName, useKecamatan, useOptions, useRoles, useT } from './shared.js';

const filterKeys = ['status', 'stage', 'category', 'kecamatan', 'agency', 'overdue', 'assignedToMe', 'all', 'q'] as const;

export function inboxQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  query.page = String(Math.max(1, Number(params.get('page')) || 1));
  query.pageSize = '20';
  return query;
}

/** Officers' inbox: open work first, overdue on top (the server sorts), with filters kept in the address. */
export default function InboxPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  const roles = useRoles();
  if (isLoading) return <Loading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(`${base}/petugas`)}`} replace />;
  if (!roles.verifier && !roles.handler)
    return (
      <div className="lk-page">
        <LaksaNav />
        <ErrorState title={t('inbox.forbidden')} />
      </div>
    );
  return (
    <div className="lk-page">
      <LaksaNav />
      <PageHeader title={t('inbox.title')} description={roles.verifier ? t('inbox.descriptionVerifier') : t('inbox.descriptionHandler')} />
      <InboxList />
      <ExportPanel />
      {roles.verifier || roles.admin ? <Open311Keys /> : null}
    </div>
  );
}

function InboxList() {
  const t = useT();
  const options = useOptions();
  const kecamatan = useKecamatan();
  const language = useLanguage();
  const bootstrap = useBootstrap();
  const roles = useRoles();
  const categoryName = useCategoryName();
  const { params, set, page } = useListParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const inbox = useQuery({
    queryKey: ['laksa', 'inbox', inboxQuery(params)],
    queryFn: () => data(api.inbox.$get({ query: queryFrom(inboxQuerySchema, inboxQuery(params)) })),
    placeholderData: (previous) => previous,
  });
  const totalPages = inbox.data ? Math.max(1, Math.ceil(inbox.data.total / inbox.data.pageSize)) : 1;
  const select = (key: (typeof filterKeys)[number], label: string, choices: { value: string; label: string }[]) => (
    <label className="lk-filter">
      <span>{label}</span>
      <select className="kk-input kk-select" value={params.get(key) ?? ''} onChange={(event) => set({ [key]: event.target.value })}>
        <option value="">{t('list.all')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="lk-inbox-list">
      <h2 id="lk-inbox-list" className="kk-visually-hidden">
        {t('inbox.listTitle')}
      </h2>
      <form
        className="lk-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: q.trim() || null });
        }}
      >
        <label className="kk-visually-hidden" htmlFor="lk-inbox-q">
          {t('inbox.search')}
        </label>
        <input id="lk-inbox-q" className="kk-input" type="search" placeholder={t('inbox.search')} value={q} onChange={(event) => setQ(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t('inbox.searchButton')}
        </Button>
      </form>
      <details className="lk-filters">
        <summary>{t('list.filters')}</summary>
        <div className="lk-filters__grid">
          {select('stage', t('list.stage'), stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) })))}
          {select('status', t('list.status'), reportStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })))}
          {select('category', t('list.category'), options.categories.map((category) => ({ value: category.id, label: category.name[language] })))}
          {kecamatan.length > 0 ? select('kecamatan', t('list.kecamatan'), kecamatan.map((name) => ({ value: name, label: name }))) : null}
          {roles.verifier ? select('agency', t('inbox.agency'), bootstrap.region.agencies.map((agency) => ({ value: agency.id, label: agency.shortName }))) : null}
        </div>
        <div className="lk-checks">
          <label className="kk-check">
            <input type="checkbox" checked={params.get('overdue') === 'true'} onChange={(event) => set({ overdue: event.target.checked ? 'true' : null })} />
            {t('inbox.onlyOverdue')}
          </label>
          {roles.handler ? (
            <label className="kk-check">
              <input type="checkbox" checked={params.get('assignedToMe') === 'true'} onChange={(event) => set({ assignedToMe: event.target.checked ? 'true' : null })} />
              {t('inbox.assignedToMe')}
            </label>
          ) : null}
          <label className="kk-check">
            <input type="checkbox" checked={params.get('all') === 'true'} onChange={(event) => set({ all: event.target.checked ? 'true' : null })} />
            {t('inbox.includeFinished')}
          </label>
        </div>
      </details>
      {inbox.isPending ? (
        <Loading label={t('inbox.loading')} />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <CardList
          label={t('inbox.listTitle')}
          count={t('inbox.count', { count: inbox.data.total })}
          items={inbox.data.items}
          itemKey={(item) => item.id}
          renderItem={(item) => <InboxCard item={item} categoryName={categoryName} />}
          empty={<EmptyState icon="check" title={t('inbox.empty')} />}
          page={page}
          totalPages={totalPages}
          onPage={(next) => set({ page: String(next) })}
          busy={inbox.isFetching}
        />
      )}
    </section>
  );
}

function InboxCard({ item, categoryName }: { item: InboxItem; categoryName: (id: string) => string }) {
  const t = useT();
  return (
    <article className={`lk-card${item.overdue ? ' lk-card--overdue' : ''}`}>
      {item.overdue ? (
        <p className="lk-overdue-flag">
          <Icon name="warning" /> {t('inbox.overdue', { deadline: t(`inbox.deadline.${item.deadline ?? 'agency'}`) })}
        </p>
      ) : null}
      <p className="lk-card__top">
        <span className="lk-ticket-inline">{item.ticket}</span>
        <StageBadge stage={item.stage} />
      </p>
      <h3 className="lk-card__title">
        <Link to={`${base}/petugas/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="lk-card__meta">
        <StatusText status={item.status} /> · {categoryName(item.category)}
        {item.agency ? ` · ${item.agency.shortName}` : ''}
      </p>
      <p className="lk-card__meta">
        {item.dueDate ? (
          <>
            {t(`inbox.due.${item.deadline ?? 'agency'}`)}: <DayText value={item.dueDate} />
          </>
        ) : (
          t('inbox.noDeadline')
        )}
      </p>
      <p className="lk-card__foot">
        <span className="lk-row lk-row--tight">
          {item.confidential ? <Badge tone="info">{t('visibility.confidential')}</Badge> : null}
          {item.anonymous ? <Badge tone="neutral">{t('visibility.anonymous')}</Badge> : null}
          {item.source === 'open311' ? <Badge tone="neutral">Open311</Badge> : null}
          {item.assignee ? <span className="lk-small">{t('inbox.assignee', { name: item.assignee.name })}</span> : null}
        </span>
        <span className="lk-small">{t('list.supporters', { count: item.supporters })}</span>
      </p>
    </article>
  );
}

function ExportPanel() {
  const t = useT();
  const today = useToday();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  return (
    <Card title={t('export.title')} className="lk-export">
      <p className="lk-small">{t('export.hint')}</p>
      <div className="lk-period__dates">
        <label className="lk-filter">
          <span>{t('stats.from')}</span>
          <input type="date" className="kk-input" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="lk-filter">
          <span>{t('stats.to')}</span>
          <input type="date" className="kk-input" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      {valid ? (
        <a className="kk-button kk-button--secondary" href={`${apiBase}/export.csv?from=${from}&to=${to}`} download>
          {t('export.download')}
        </a>
      ) : (
        <p className="kk-field__error">{t('export.invalid')}</p>
      )}
    </Card>
  );
}
