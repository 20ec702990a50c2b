import { data, DataTable, ErrorState, Link, Loading, PageHeader, useQuery, useSession, type TableColumn } from '@kota-kit/core/client';
import type { OfficerGrant } from '../index.js';
import { api } from './api.js';
import { ReferenceSection } from './settings-reference.js';
import { base, HargaPasarNav, OfficerOnlyPage, unitLabel, useOptions, useRoles, useT, type PublicOptions } from './shared.js';

type Officer = OfficerGrant;

/**
 * Supervisors (and admins): the region's markets and commodities (read-only, they live in kota.config.ts),
 * reference prices with their history and a form to add a new one, and who may enter prices for which market.
 */
export default function SettingsPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  const roles = useRoles();

  if (isLoading) return <Loading />;
  if (!user || !roles.supervisor) return <OfficerOnlyPage title={t('settings.title')} signedIn={Boolean(user)} path="pengaturan" />;
  return (
    <div className="hp-page hp-settings">
      <HargaPasarNav />
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <section className="kk-card hp-settings__how" aria-labelledby="hp-settings-how">
        <h2 id="hp-settings-how" className="hp-section-title">
          {t('settings.howTitle')}
        </h2>
        <ul>
          <li>{t('settings.howReference')}</li>
          <li>{t('settings.howConfig')}</li>
          <li>{t('settings.howRoles')}</li>
        </ul>
      </section>
      <ReferenceSection />
      <OfficersSection />
      <MarketsSection />
      <CommoditiesSection />
    </div>
  );
}

/* ---------- officers ---------- */

function OfficersSection() {
  const t = useT();
  const { markets } = useOptions();
  const officers = useQuery({
    queryKey: ['harga-pasar', 'enumerators'],
    queryFn: () => data(api.enumerators.$get()),
  });
  const names = new Map(markets.map((market) => [market.id, market.name]));
  const columns: TableColumn<Officer>[] = [
    {
      key: 'name',
      header: t('settings.officer'),
      render: (officer) => (
        <span>
          {officer.name}
          <span className="hp-muted hp-block hp-settings__email">{officer.email}</span>
        </span>
      ),
    },
    { key: 'roles', header: t('settings.roles'), render: (officer) => officer.roles.map((role) => t(`settings.roleNames.${role}`)).join(', ') },
    {
      key: 'markets',
      header: t('settings.marketsColumn'),
      render: (officer) => (officer.restricted ? officer.markets.map((id) => names.get(id) ?? id).join(', ') : t('settings.allMarkets')),
    },
  ];
  return (
    <section className="hp-settings__section" aria-labelledby="hp-settings-officers">
      <h2 id="hp-settings-officers" className="hp-section-title">
        {t('settings.officersTitle')}
      </h2>
      <p className="hp-muted">{t('settings.officersIntro')}</p>
      {officers.isPending ? (
        <Loading />
      ) : officers.isError ? (
        <ErrorState error={officers.error} onRetry={() => void officers.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('settings.officersCaption')}
            columns={columns}
            rows={officers.data.officers}
            rowKey={(officer) => officer.id}
            rowHeader="name"
            empty={<p>{t('settings.noOfficers')}</p>}
          />
          {officers.data.officers.length > 0 && officers.data.unmatchedEmails.length > 0 ? (
            <p className="hp-note hp-note--old">{t('settings.unmatched', { emails: officers.data.unmatchedEmails.join(', ') })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/* ---------- markets and commodities (region configuration) ---------- */

function MarketsSection() {
  const t = useT();
  const { markets } = useOptions();
  type Market = PublicOptions['markets'][number];
  const columns: TableColumn<Market>[] = [
    { key: 'name', header: t('settings.name'), render: (market) => <Link to={`${base}/pasar/${market.id}`}>{market.name}</Link> },
    { key: 'kecamatan', header: t('settings.kecamatan') },
    { key: 'address', header: t('settings.address') },
    {
      key: 'coordinates',
      header: t('settings.coordinates'),
      render: (market) => <span className="hp-settings__coords">{t('settings.coordinatesValue', { lat: market.lat.toFixed(4), lng: market.lng.toFixed(4) })}</span>,
    },
  ];
  return (
    <section className="hp-settings__section" aria-labelledby="hp-settings-markets">
      <h2 id="hp-settings-markets" className="hp-section-title">
        {t('settings.marketsTitle')}
      </h2>
      <p className="hp-muted hp-small">{t('settings.howConfig')}</p>
      <DataTable
        caption={t('settings.marketsCaption', { count: markets.length })}
        columns={columns}
        rows={markets}
        rowKey={(market) => market.id}
        rowHeader="name"
        empty={<p className="hp-note">{t('settings.howConfig')}</p>}
      />
    </section>
  );
}

function CommoditiesSection() {
  const t = useT();
  const { commodities } = useOptions();
  type Commodity = PublicOptions['commodities'][number];
  const columns: TableColumn<Commodity>[] = [
    { key: 'name', header: t('settings.name') },
    { key: 'group', header: t('settings.group') },
    { key: 'variant', header: t('settings.variant'), render: (commodity) => commodity.variant ?? t('settings.noVariant') },
    { key: 'unit', header: t('settings.unit'), render: (commodity) => unitLabel(t, commodity.unit) },
  ];
  return (
    <section className="hp-settings__section" aria-labelledby="hp-settings-commodities">
      <h2 id="hp-settings-commodities" className="hp-section-title">
        {t('settings.commoditiesTitle')}
      </h2>
      <DataTable
        caption={t('settings.commoditiesCaption', { count: commodities.length })}
        columns={columns}
        rows={commodities}
        rowKey={(commodity) => commodity.id}
        rowHeader="name"
        empty={<p className="hp-note">{t('settings.howConfig')}</p>}
      />
    </section>
  );
}
