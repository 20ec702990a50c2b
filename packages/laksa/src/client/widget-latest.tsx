import { Link, useQuery, useToday } from '@kota-kit/core/client';
import { api, data } from './api.js';
import { PlainStatus } from './citizen.js';
import { base, DateText, useT } from './shared.js';

/** Home-screen widget: the latest public reports and how many were resolved this month. */
export default function LatestWidget() {
  const t = useT();
  const today = useToday();
  const monthStart = `${today.slice(0, 8)}01`;
  const latest = useQuery({ queryKey: ['laksa', 'reports', 'widget'], queryFn: () => data(api.reports.$get({ query: { page: 1, pageSize: 3 } })) });
  const month = useQuery({ queryKey: ['laksa', 'stats', monthStart, today], queryFn: () => data(api.stats.$get({ query: { from: monthStart, to: today } })) });
  return (
    <section className="lk-widget" aria-labelledby="lk-widget-title">
      <h3 id="lk-widget-title" className="lk-widget__title">
        {t('widget.title')}
      </h3>
      {month.data ? (
        <p className="lk-widget__kpi">
          <strong>{month.data.total.resolved}</strong> {t('widget.resolvedThisMonth', { count: month.data.total.resolved })}
        </p>
      ) : null}
      {latest.isPending ? (
        <p className="lk-muted" aria-busy="true">
          {t('list.loading')}
        </p>
      ) : latest.isError ? (
        <p className="lk-muted">{t('list.error')}</p>
      ) : latest.data.items.length === 0 ? (
        <p className="lk-muted">{t('list.empty')}</p>
      ) : (
        <ul className="lk-widget__list">
          {latest.data.items.map((report) => (
            <li key={report.ticket}>
              <Link to={`${base}/laporan/${report.ticket}`}>{report.title}</Link>
              <span className="lk-widget__meta">
                <PlainStatus status={report.status} overdue={report.overdue} /> <DateText value={report.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="lk-widget__links">
        <Link to={`${base}/lapor`}>{t('home.create')}</Link> · <Link to={base}>{t('widget.all')}</Link>
      </p>
    </section>
  );
}
