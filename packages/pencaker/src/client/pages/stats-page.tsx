/** Public statistics as bars with the figures written beside them (a chart that reads without colour). */
import { Card, data, ErrorState, Loading, PageHeader, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { PencakerNav } from '../components/shared.js';
import { useT } from '../translations/index.js';

type Row = { key: string; count: number };

function Bars({ title, rows, label }: { title: string; rows: Row[]; label: (key: string) => string }) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Card title={title}>
      <ul className="pk-bars">
        {rows.map((row) => (
          <li key={row.key}>
            <span className="pk-bars__name">{label(row.key)}</span>
            <span className="pk-bars__track" aria-hidden="true">
              <span className="pk-bars__bar" style={{ width: `${(row.count / max) * 100}%` }} />
            </span>
            <span className="pk-bars__value">{row.count}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default function StatsPage() {
  const t = useT();
  const stats = useQuery({ queryKey: ['pencaker', 'stats'], queryFn: () => data(api.statistics.$get()) });
  return (
    <>
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <PencakerNav />
      {stats.isPending && <Loading />}
      {stats.isError && <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <>
          <dl className="pk-figures">
            <div>
              <dt>{t('stats.seekers')}</dt>
              <dd>{stats.data.seekers.total}</dd>
            </div>
            <div>
              <dt>{t('stats.openVacancies')}</dt>
              <dd>{stats.data.vacancies.open}</dd>
            </div>
            <div>
              <dt>{t('stats.filled')}</dt>
              <dd>{stats.data.filledVacancies}</dd>
            </div>
            <div>
              <dt>{t('stats.medianDays')}</dt>
              <dd>{stats.data.medianDaysToFill ?? t('stats.none')}</dd>
            </div>
          </dl>
          <Bars title={t('stats.byEducation')} rows={stats.data.seekers.byEducation} label={(key) => t(`vocab.education.${key as 'sd'}`)} />
          <Bars title={t('stats.byAge')} rows={stats.data.seekers.byAgeBand} label={(key) => key} />
          <Bars title={t('stats.bySex')} rows={stats.data.seekers.bySex} label={(key) => t(`vocab.sex.${key as 'male'}`)} />
          <Bars title={t('stats.bySector')} rows={stats.data.vacancies.bySector} label={(key) => t(`vocab.sector.${key as 'other'}`)} />
          <Bars title={t('stats.vacanciesByEducation')} rows={stats.data.vacancies.byEducation} label={(key) => t(`vocab.education.${key as 'sd'}`)} />
          <Card title={t('stats.months')}>
            <div className="pk-table-wrap">
              <table className="pk-table">
                <thead>
                  <tr>
                    <th scope="col">{t('stats.month')}</th>
                    <th scope="col">{t('stats.applications')}</th>
                    <th scope="col">{t('stats.placements')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.months.map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{row.month}</th>
                      <td>
                        <span className="pk-inline-bar" style={{ width: `${Math.min(100, row.applications * 4)}%` }} aria-hidden="true" /> {row.applications}
                      </td>
                      <td>{row.placements}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </>
  );
}
