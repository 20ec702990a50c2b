import { Card, data, DateText, ErrorState, Loading, PageHeader, useParams, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { PencakerNav, VacancyItem } from '../components/shared.js';
import { useT } from '../translations/index.js';

/** One job fair: when, where, and every participating employer with its open vacancies. */
export default function FairPage() {
  const t = useT();
  const { id = '' } = useParams();
  const fair = useQuery({ queryKey: ['pencaker', 'fair', id], queryFn: () => data(api.fairs[':id'].$get({ param: { id } })), retry: false });
  if (fair.isPending) return <Loading />;
  if (fair.isError) return <ErrorState title={t('fairs.notFound')} error={fair.error} />;
  const item = fair.data;
  return (
    <>
      <PageHeader title={item.title} description={item.place} />
      <PencakerNav />
      <p>
        <DateText value={item.startsOn} variant="long" /> – <DateText value={item.endsOn} variant="long" />
      </p>
      {item.description && <p>{item.description}</p>}
      <h2>{t('fairs.participants')}</h2>
      {item.participants.map(({ employer, vacancies }) => (
        <Card key={employer.id} title={employer.name} headingLevel={3}>
          {vacancies.length === 0 ? <p className="pk-meta">{t('fairs.noVacancies')}</p> : vacancies.map((vacancy) => <VacancyItem key={vacancy.id} vacancy={vacancy} headingLevel={3} />)}
        </Card>
      ))}
    </>
  );
}
