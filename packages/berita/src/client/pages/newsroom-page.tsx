import { data, DateText, EmptyState, ErrorState, Link, Loading, PageHeader, PagedList, SubNav, useBootstrap, useQuery, useSearchParams, useSession } from '@kota-kit/core/client';
import { articleStatuses, type ArticleStatus } from '../../schemas/statuses.js';
import { api } from '../api.js';
import { BeritaNav, StatusBadge, useNewsroomRoles } from '../shared.js';
import { useT } from '../translations/index.js';

/** The newsroom: the officer's articles by status, with how many wait in each. */
export default function NewsroomPage() {
  const t = useT();
  const session = useSession();
  const roles = useNewsroomRoles();
  const { region } = useBootstrap();
  const [params, setParams] = useSearchParams();
  const status = (articleStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ArticleStatus) : undefined;
  const page = Math.max(1, Number(params.get('halaman') ?? '1') || 1);
  const officer = roles.writer || roles.editor;
  const list = useQuery({ queryKey: ['berita', 'newsroom', status ?? 'all', page], queryFn: () => data(api.newsroom.articles.$get({ query: { page: String(page), ...(status ? { status } : {}) } })), enabled: officer });
  if (!session.user || !officer) return <EmptyState title={t('newsroom.title')} description={t('newsroom.noAccess')} action={<Link to="/login?next=/berita/redaksi">{t('newsroom.title')}</Link>} />;
  const counts = list.data?.counts ?? {};
  const agency = (id: string) => region.agencies.find((item) => item.id === id)?.shortName ?? id;
  return (
    <>
      <PageHeader title={t('newsroom.title')} description={t('newsroom.description')} actions={<Link className="kk-button kk-button--primary" to="/berita/redaksi/tulis">{t('newsroom.write')}</Link>} />
      <BeritaNav />
      {/* The states as one row that scrolls sideways on a phone, each with its count. */}
      <SubNav
        label={t('newsroom.tabs')}
        links={[
          { to: '/berita/redaksi', label: t('newsroom.all'), current: !status },
          ...articleStatuses.map((item) => ({ to: `/berita/redaksi?status=${item}`, label: `${t(`status.${item}`)} (${counts[item] ?? 0})`, current: status === item })),
        ]}
      />
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <PagedList
          label={t('newsroom.label')}
          items={list.data.items}
          itemKey={(item) => item.id}
          empty={t('newsroom.empty')}
          page={list.data.page}
          totalPages={list.data.pages}
          onPage={(next) => setParams({ ...(status ? { status } : {}), halaman: String(next) })}
          renderItem={(item) => (
            <article className="bt-item">
              <div className="bt-item__text">
                <h2 className="bt-item__title">
                  <Link to={`/berita/redaksi/artikel/${item.id}`}>{item.title}</Link>
                </h2>
                <p className="bt-item__meta">
                  <StatusBadge status={item.status} /> {agency(item.agencyId)} · {item.authorName} ·{' '}
                  {item.status === 'scheduled' && item.scheduledAt ? (
                    <DateText value={item.scheduledAt} withTime />
                  ) : (
                    <DateText value={item.updatedAt} withTime />
                  )}
                </p>
              </div>
            </article>
          )}
        />
      )}
    </>
  );
}
