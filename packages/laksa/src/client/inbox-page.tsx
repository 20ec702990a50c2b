import { addDays } from '@kota-kit/core/client';
import { Button, Card, Disclosure, EmptyState, ErrorState, Loading, Navigate, PageHeader, useBootstrap, useLanguage, useQuery, useSession, useToday } from '@kota-kit/core/client';
import { useState } from 'react';
import { inboxQuerySchema, inboxTabs, reportStatuses, stages, type InboxTab } from '../schemas.js';
import { api, apiBase, data, queryFrom } from './api.js';
import { CardList, useListParams } from './card-list.js';
import { InboxRow, InboxTabBar } from './inbox-rows.js';
import { Open311Keys } from './open311-keys.js';
import { base, LaksaNav, useKecamatan, useOptions, useRoles, useT } from './shared.js';
import { inboxTabsKey } from './task-count.js';

const filterKeys = ['tab', 'status', 'stage', 'category', 'kecamatan', 'agency', 'assignedToMe', 'q'] as const;
const isTab = (value: string | null): value is InboxTab => inboxTabs.includes(value as InboxTab);

/**
 * The API query of the page's address. A search looks through every report the officer may see (all tabs);
 * otherwise the tab in the address, or the officer's first tab.
 */
export function inboxQuery(params: URLSearchParams, firstTab?: InboxTab): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  if (query.q) {
    delete query.tab;
    query.all = 'true';
  } else if (!isTab(query.tab ?? null) && firstTab) query.tab = firstTab;
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
      {/* The tabs say what waits; the description would push the first report off a phone's first screen. */}
      <PageHeader title={t('inbox.title')} />
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
  const { params, set, page } = useListParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const tabs = useQuery({ queryKey: inboxTabsKey, queryFn: () => data(api.inbox.tabs.$get()) });
  const firstTab = tabs.data?.tabs[0]?.tab;
  const query = inboxQuery(params, firstTab);
  const searching = Boolean(query.q);
  const tab = searching ? null : isTab(query.tab ?? null) ? (query.tab as InboxTab) : null;
  const inbox = useQuery({
    queryKey: ['laksa', 'inbox', query],
    queryFn: () => data(api.inbox.$get({ query: queryFrom(inboxQuerySchema, query) })),
    enabled: searching || tab !== null,
    placeholderData: (previous) => previous,
  });
  const totalPages = inbox.data ? Math.max(1, Math.ceil(inbox.data.total / inbox.data.pageSize)) : 1;
  /** The address of a tab: the other filters stay, the search and the page go. */
  const tabHref = (next: InboxTab) => {
    const search = new URLSearchParams(params);
    search.set('tab', next);
    search.delete('q');
    search.delete('page');
    return `${base}/petugas?${search.toString()}`;
  };
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
      {tabs.data ? <InboxTabBar tabs={tabs.data.tabs} current={tab} href={tabHref} /> : tabs.isError ? <ErrorState error={tabs.error} onRetry={() => void tabs.refetch()} /> : null}
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
      {searching ? (
        <p className="lk-row">
          <strong>{t('officerFlow.tabs.search')}</strong>
          <Button
            variant="secondary"
            onClick={() => {
              setQ('');
              set({ q: null });
            }}
          >
            {t('officerFlow.tabs.clearSearch')}
          </Button>
        </p>
      ) : null}
      {inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : !inbox.data ? (
        <Loading label={t('inbox.loading')} />
      ) : (
        <CardList
          label={searching ? t('officerFlow.tabs.search') : tab ? t(`officerFlow.tabs.${tab}`) : t('inbox.listTitle')}
          count={t('inbox.count', { count: inbox.data.total })}
          items={inbox.data.items}
          itemKey={(item) => item.id}
          renderItem={(item) => <InboxRow item={item} />}
          empty={<EmptyState icon="check" title={searching ? t('officerFlow.empty.search') : t(`officerFlow.empty.${tab ?? 'verify'}`)} />}
          page={page}
          totalPages={totalPages}
          onPage={(next) => set({ page: String(next) })}
          busy={inbox.isFetching}
        />
      )}
      {/* Below the list: the tabs do the triage, the list comes first on a phone's screen. */}
      <Disclosure className="lk-filters lk-inbox-filters" icon="filter" summary={t('list.filters')}>
        <div className="lk-filters__grid">
          {select('stage', t('list.stage'), stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) })))}
          {select('status', t('list.status'), reportStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })))}
          {select('category', t('list.category'), options.categories.map((category) => ({ value: category.id, label: category.name[language] })))}
          {kecamatan.length > 0 ? select('kecamatan', t('list.kecamatan'), kecamatan.map((name) => ({ value: name, label: name }))) : null}
          {roles.verifier ? select('agency', t('inbox.agency'), bootstrap.region.agencies.map((agency) => ({ value: agency.id, label: agency.shortName }))) : null}
        </div>
        {roles.handler ? (
          <div className="lk-checks">
            <label className="kk-check">
              <input type="checkbox" checked={params.get('assignedToMe') === 'true'} onChange={(event) => set({ assignedToMe: event.target.checked ? 'true' : null })} />
              {t('inbox.assignedToMe')}
            </label>
          </div>
        ) : null}
      </Disclosure>
    </section>
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
