import {
  ApiError,
  apiFetch,
  Badge,
  Button,
  Dialog,
  ErrorState,
  formatRupiah,
  FormError,
  Link,
  Loading,
  PageHeader,
  SelectField,
  Table,
  TextField,
  useLanguage,
  useQuery,
  useQueryClient,
  useSession,
  type TableColumn,
} from '@kota-kit/core/client';
import { useState, type FormEvent } from 'react';
import type { ReferencePriceEntry, ReferencePriceStatus } from '../types.js';
import { longDate } from './dates.js';
import { api, base, OfficerOnlyPage, SubNav, unitLabel, useOptions, useRoles, useT, type PublicOptions } from './shared.js';

type Entry = ReferencePriceEntry & { status: ReferencePriceStatus };
interface ReferenceList {
  priceZone: string;
  date: string;
  referencePrices: Entry[];
}
interface Officer {
  id: string;
  name: string;
  email: string;
  roles: ('enumerator' | 'supervisor')[];
  markets: string[];
  restricted: boolean;
}

const referenceKey = ['harga-pasar', 'reference-prices'];
const statusTone: Record<ReferencePriceStatus, 'success' | 'info' | 'neutral' | 'danger'> = {
  'in-force': 'success',
  scheduled: 'info',
  superseded: 'neutral',
  retired: 'danger',
};

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
      <SubNav />
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

/* ---------- reference prices ---------- */

function ReferenceSection() {
  const t = useT();
  const { commodities } = useOptions();
  const references = useQuery({ queryKey: referenceKey, queryFn: () => apiFetch<ReferenceList>(`${api}/reference-prices`), staleTime: 0 });
  const [retiring, setRetiring] = useState<Entry | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const byCommodity = new Map<string, Entry[]>();
  for (const entry of references.data?.referencePrices ?? []) {
    const list = byCommodity.get(entry.commodity) ?? [];
    list.push(entry);
    byCommodity.set(entry.commodity, list);
  }
  const withHistory = commodities.filter((commodity) => byCommodity.has(commodity.id));
  const without = commodities.length - withHistory.length;

  return (
    <section className="hp-settings__section" aria-labelledby="hp-settings-reference">
      <h2 id="hp-settings-reference" className="hp-section-title">
        {t('settings.referenceTitle')}
      </h2>
      {references.isPending ? (
        <Loading />
      ) : references.isError ? (
        <ErrorState error={references.error} onRetry={() => void references.refetch()} />
      ) : (
        <>
          <p className="hp-muted">{t('settings.referenceIntro', { zone: references.data.priceZone })}</p>
          <AddReferenceForm priceZone={references.data.priceZone} onSaved={setMessage} />
          {message ? (
            <p className="hp-note hp-note--ok" role="status">
              {message}
            </p>
          ) : null}
          {withHistory.map((commodity) => (
            <ReferenceHistory key={commodity.id} commodity={commodity} entries={byCommodity.get(commodity.id)!} onRetire={setRetiring} />
          ))}
          {without > 0 ? <p className="hp-muted hp-small">{t('settings.withoutReference', { count: without })}</p> : null}
          <RetireDialog
            entry={retiring}
            onClose={() => setRetiring(null)}
            onDone={(text) => {
              setRetiring(null);
              setMessage(text);
            }}
          />
        </>
      )}
    </section>
  );
}

function ReferenceHistory({ commodity, entries, onRetire }: { commodity: PublicOptions['commodities'][number]; entries: Entry[]; onRetire: (entry: Entry) => void }) {
  const t = useT();
  const language = useLanguage();
  const columns: TableColumn<Entry>[] = [
    {
      key: 'effectiveFrom',
      header: t('settings.effectiveFrom'),
      render: (entry) => (
        <span className="hp-settings__when">
          <time dateTime={entry.effectiveFrom}>{longDate(entry.effectiveFrom, language)}</time>{' '}
          <Badge tone={statusTone[entry.status]}>{t(`settings.statuses.${entry.status}`)}</Badge>
        </span>
      ),
    },
    { key: 'kind', header: t('settings.kind'), render: (entry) => `${entry.kind} · ${entry.zone === 'nasional' ? t('settings.zoneNational') : `${t('settings.zone')} ${entry.zone}`}` },
    {
      key: 'price',
      header: t('settings.price'),
      numeric: true,
      render: (entry) => (
        <span className={entry.status === 'retired' ? 'hp-settings__struck' : undefined}>
          {formatRupiah(entry.price)}/{unitLabel(t, commodity.unit)}
        </span>
      ),
    },
    {
      key: 'source',
      header: t('settings.source'),
      render: (entry) => (
        // One element, so the stacked phone layout keeps it in one column beside its label.
        <span>
          {t(`settings.sources.${entry.source}`)}
          {entry.createdBy ? <span className="hp-muted hp-block">{t('settings.addedBy', { name: entry.createdBy })}</span> : null}
        </span>
      ),
    },
    { key: 'legalBasis', header: t('settings.legalBasis'), render: (entry) => <span className="hp-settings__basis">{entry.legalBasis}</span> },
    {
      key: 'actions',
      header: t('settings.actions'),
      render: (entry) =>
        entry.source === 'admin' && entry.status !== 'retired' ? (
          <Button
            variant="secondary"
            className="hp-settings__retire"
            onClick={() => onRetire(entry)}
            aria-label={t('settings.retireLabel', { kind: entry.kind, name: commodity.name, date: longDate(entry.effectiveFrom, language) })}
          >
            {t('settings.retire')}
          </Button>
        ) : entry.source === 'config' ? (
          <span className="hp-muted hp-small">{t('settings.configLocked')}</span>
        ) : null,
    },
  ];
  return (
    <div className="hp-settings__history">
      <Table caption={t('settings.referenceCaption', { name: commodity.name })} columns={columns} rows={entries} rowKey={(entry) => entry.id} />
    </div>
  );
}

function AddReferenceForm({ priceZone, onSaved }: { priceZone: string; onSaved: (message: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { commodities } = useOptions();
  const queryClient = useQueryClient();
  const empty = { commodity: '', kind: 'HET', zone: priceZone, price: '', effectiveFrom: '', legalBasis: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof empty) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const check = () => {
    const found: Record<string, string> = {};
    if (!values.commodity) found.commodity = t('settings.required');
    const digits = values.price.replace(/[.\s]/g, '');
    if (!digits) found.price = t('settings.required');
    else if (!/^\d+$/.test(digits) || Number(digits) <= 0) found.price = t('settings.priceInvalid');
    if (!values.effectiveFrom) found.effectiveFrom = t('settings.required');
    if (!values.legalBasis.trim()) found.legalBasis = t('settings.required');
    else if (values.legalBasis.trim().length < 5) found.legalBasis = t('settings.legalBasisShort');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) {
      setProblem(t('settings.fixErrors'));
      document.getElementById(`hp-ref-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const result = await apiFetch<{ referencePrice: Entry; newAlerts: unknown[] }>(`${api}/reference-prices`, {
        method: 'POST',
        body: {
          commodity: values.commodity,
          kind: values.kind,
          zone: values.zone,
          price: Number(values.price.replace(/[.\s]/g, '')),
          effectiveFrom: values.effectiveFrom,
          legalBasis: values.legalBasis.trim(),
        },
      });
      const saved = result.referencePrice;
      const name = commodities.find((commodity) => commodity.id === saved.commodity)?.name ?? saved.commodity;
      onSaved(
        t('settings.saved', { kind: saved.kind, name, price: formatRupiah(saved.price), date: longDate(saved.effectiveFrom, language) }) +
          (result.newAlerts.length ? ` ${t('settings.savedAlerts', { count: result.newAlerts.length })}` : ''),
      );
      setValues({ ...empty, commodity: values.commodity });
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = ['commodity', 'kind', 'zone', 'price', 'effectiveFrom', 'legalBasis'];
        setErrors(Object.fromEntries(fields.filter((field) => caught.fieldErrors[field]).map((field) => [field, caught.fieldErrors[field]!])));
        setProblem(caught.message);
      } else {
        setProblem(t('entry.networkError'));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="kk-card hp-settings__form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="hp-ref-form-title">
      <h3 id="hp-ref-form-title" className="hp-small-heading">
        {t('settings.formTitle')}
      </h3>
      <p className="hp-muted hp-small">{t('settings.formHint')}</p>
      <FormError>{problem}</FormError>
      <SelectField
        id="hp-ref-commodity"
        label={t('settings.commodity')}
        required
        value={values.commodity}
        onChange={set('commodity')}
        error={errors.commodity}
        placeholder={t('settings.chooseCommodity')}
        options={commodities.map((commodity) => ({ value: commodity.id, label: `${commodity.name} (${unitLabel(t, commodity.unit)})` }))}
      />
      <div className="hp-settings__pair">
        <SelectField
          id="hp-ref-kind"
          label={t('settings.kind')}
          required
          value={values.kind}
          onChange={set('kind')}
          error={errors.kind}
          options={[
            { value: 'HET', label: t('settings.kinds.HET') },
            { value: 'HAP', label: t('settings.kinds.HAP') },
          ]}
        />
        <SelectField
          id="hp-ref-zone"
          label={t('settings.zone')}
          required
          value={values.zone}
          onChange={set('zone')}
          error={errors.zone}
          options={[
            { value: priceZone, label: t('settings.zoneOption', { zone: priceZone }) },
            ...(priceZone === 'nasional' ? [] : [{ value: 'nasional', label: t('settings.zoneNational') }]),
          ]}
        />
      </div>
      <div className="hp-settings__pair">
        <TextField
          id="hp-ref-price"
          label={t('settings.priceLabel')}
          hint={t('settings.priceHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          value={values.price}
          onChange={set('price')}
          error={errors.price}
        />
        <TextField id="hp-ref-effectiveFrom" label={t('settings.effectiveFrom')} required type="date" value={values.effectiveFrom} onChange={set('effectiveFrom')} error={errors.effectiveFrom} />
      </div>
      <TextField
        id="hp-ref-legalBasis"
        label={t('settings.legalBasis')}
        hint={t('settings.legalBasisHint')}
        required
        maxLength={500}
        value={values.legalBasis}
        onChange={set('legalBasis')}
        error={errors.legalBasis}
      />
      <Button type="submit" loading={saving}>
        {t('settings.save')}
      </Button>
    </form>
  );
}

function RetireDialog({ entry, onClose, onDone }: { entry: Entry | null; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { commodities } = useOptions();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!entry) return null;
  const name = commodities.find((commodity) => commodity.id === entry.commodity)?.name ?? entry.commodity;
  const retire = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`${api}/reference-prices/${encodeURIComponent(entry.id)}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
      onDone(t('settings.retired'));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('entry.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('settings.retireTitle')}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
          <Button variant="danger" loading={busy} onClick={() => void retire()}>
            {t('settings.retireConfirm')}
          </Button>
        </>
      }
    >
      <p>{t('settings.retireText', { kind: entry.kind, name, price: formatRupiah(entry.price), date: longDate(entry.effectiveFrom, language) })}</p>
      <FormError>{error}</FormError>
    </Dialog>
  );
}

/* ---------- officers ---------- */

function OfficersSection() {
  const t = useT();
  const { markets } = useOptions();
  const officers = useQuery({
    queryKey: ['harga-pasar', 'enumerators'],
    queryFn: () => apiFetch<{ officers: Officer[]; unmatchedEmails: string[] }>(`${api}/enumerators`),
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
      ) : officers.data.officers.length === 0 ? (
        <p>{t('settings.noOfficers')}</p>
      ) : (
        <>
          <Table caption={t('settings.officersCaption')} columns={columns} rows={officers.data.officers} rowKey={(officer) => officer.id} />
          {officers.data.unmatchedEmails.length ? (
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
      <Table caption={t('settings.marketsCaption', { count: markets.length })} columns={columns} rows={markets} rowKey={(market) => market.id} />
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
      <Table caption={t('settings.commoditiesCaption', { count: commodities.length })} columns={columns} rows={commodities} rowKey={(commodity) => commodity.id} />
    </section>
  );
}
