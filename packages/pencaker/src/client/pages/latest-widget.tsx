import { Card, data, Link, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

/** Home-screen widget: the three newest vacancies. */
export default function LatestVacanciesWidget() {
  const t = useT();
  const latest = useQuery({ queryKey: ['pencaker', 'latest'], queryFn: () => data(api.vacancies.$get({ query: { sort: 'date', pageSize: '3' } })) });
  if (!latest.data?.items.length) return null;
  return (
    <Card title={t('widget.title')}>
      <ul className="pk-widget">
        {latest.data.items.map((vacancy) => (
          <li key={vacancy.id}>
            <Link to={`/pencaker/lowongan/${vacancy.id}`}>{vacancy.title}</Link> · {vacancy.employer.name}
          </li>
        ))}
      </ul>
      <Link className="kk-more-link" to="/pencaker">{t('widget.all')}</Link>
    </Card>
  );
}
