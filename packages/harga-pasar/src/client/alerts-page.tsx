import { Badge, data, ErrorState, formatRupiah, Link, Loading, PageHeader, useQuery, useSession } from '@kota-kit/core/client';
import { api } from './api.js';
import { base, ChangeText, HargaPasarNav, OfficerNotice, PricesOf, unitLabel, useRoles, useT } from './shared.js';

/** The agency's alerts: commodities above their reference price or rising fast over a week. */
export default function AlertsPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  const roles = useRoles();
  const allowed = roles.enumerator || roles.supervisor;
  const alerts = useQuery({ queryKey: ['harga-pasar', 'alerts'], queryFn: () => data(api.alerts.$get({ query: {} })), enabled: Boolean(user && allowed) });

  if (isLoading) return <Loading />;
  return (
    <div className="hp-page">
      <HargaPasarNav />
      <PageHeader title={t('alerts.title')} description={alerts.data ? t('alerts.description', { percent: alerts.data.alertRisePercent }) : undefined} />
      {!user || !allowed ? (
        <OfficerNotice signedIn={Boolean(user)} path="peringatan" />
      ) : alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <>
          {alerts.data.date ? <PricesOf date={alerts.data.date} className="hp-datadate__line" /> : null}
          {alerts.data.alerts.length === 0 ? (
            <p className="hp-note hp-note--ok">{t('alerts.none')}</p>
          ) : (
            <ul className="hp-alerts">
              {alerts.data.alerts.map((alert) => (
                <li key={alert.commodity} className="kk-card hp-alert">
                  <h2 className="hp-alert__name">
                    <Link to={`${base}/komoditas/${alert.commodity}`}>{alert.name}</Link>
                  </h2>
                  <p>
                    <span className="hp-price">{formatRupiah(alert.average)}</span>
                    <span className="hp-unit">/{unitLabel(t, alert.unit)}</span>
                  </p>
                  <p className="hp-alert__reasons">
                    {alert.reasons.map((reason) => (
                      <Badge key={reason} tone={reason === 'above-reference' ? 'danger' : 'warning'}>
                        {t(`alerts.reasons.${reason}`)}
                      </Badge>
                    ))}
                  </p>
                  {alert.reference ? (
                    <p className="hp-small">
                      {t('board.reference', { kind: alert.reference.kind, price: formatRupiah(alert.reference.price) })}
                      <span className="hp-muted hp-block">{alert.reference.legalBasis}</span>
                    </p>
                  ) : null}
                  <p className="hp-small">
                    {t('board.vsWeek')}: <ChangeText change={alert.changeWeek} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
