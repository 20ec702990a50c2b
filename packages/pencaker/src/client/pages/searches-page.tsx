/** Saved searches: open one (the search page with its filters) or delete it. */
import { Button, data, DateText, EmptyState, ErrorState, Link, Loading, PageHeader, useQuery, useQueryClient } from '@kota-kit/core/client';
import { api } from '../api.js';
import { PencakerNav } from '../components/shared.js';
import { useT } from '../translations/index.js';

export default function SearchesPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['pencaker', 'searches'], queryFn: () => data(api.me.searches.$get()) });
  return (
    <>
      <PageHeader title={t('searches.title')} />
      <PencakerNav />
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('searches.empty')} />
        ) : (
          <ul className="pk-list" aria-label={t('searches.list')}>
            {list.data.items.map((search) => {
              const query = new URLSearchParams(Object.entries(search.filters).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])));
              return (
                <li key={search.id} className="pk-application">
                  <h2 className="pk-vacancy__title">{search.name}</h2>
                  <p className="pk-meta">
                    {t('searches.lastAlert')}: {search.lastAlertAt ? <DateText value={search.lastAlertAt} /> : t('searches.never')}
                  </p>
                  <div className="pk-actions">
                    <Link className="kk-button kk-button--secondary" to={`/pencaker?${query.toString()}`}>
                      {t('searches.open')}
                    </Link>
                    <Button
                      variant="secondary"
                      onClick={async () => {
                        await data(api.me.searches[':id'].$delete({ param: { id: String(search.id) } }));
                        await queryClient.invalidateQueries({ queryKey: ['pencaker', 'searches'] });
                      }}
                    >
                      {t('searches.delete')}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
    </>
  );
}
