import { Card, data, DateText, EmptyState, ErrorState, Link, Loading, PageHeader, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { PencakerNav } from '../components/shared.js';
import { useT } from '../translations/index.js';

/** Job fairs, newest first. */
export default function FairsPage() {
  const t = useT();
  const fairs = useQuery({ queryKey: ['pencaker', 'fairs'], queryFn: () => data(api.fairs.$get()) });
  return (
    <>
      <PageHeader title={t('fairs.title')} />
      <PencakerNav />
      {fairs.isPending && <Loading />}
      {fairs.isError && <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />}
      {fairs.data &&
        (fairs.data.items.length === 0 ? (
          <EmptyState title={t('fairs.empty')} />
        ) : (
          fairs.data.items.map((fair) => (
            <Card key={fair.id} title={fair.title}>
              <p>
                <DateText value={fair.startsOn} /> – <DateText value={fair.endsOn} /> · {fair.place}
              </p>
              <Link className="pk-link-block" to={`/pencaker/bursa-kerja/${fair.id}`}>{t('fairs.participants')} ({fair.employers})</Link>
            </Card>
          ))
        ))}
    </>
  );
}
