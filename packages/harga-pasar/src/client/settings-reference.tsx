import {
  ApiError,
  Badge,
  Button,
  data,
  Dialog,
  ErrorState,
  formatRupiah,
  FormError,
  Loading,
  SelectField,
  Table,
  TextField,
  useLanguage,
  useQuery,
  useQueryClient,
  type TableColumn,
} from '@kota-kit/core/client';
import { useState, type FormEvent } from 'react';
import type { ReferencePriceEntry, ReferencePriceStatus } from '../index.js';
import { referencePriceInputSchema } from '../schemas/reference-prices.js';
import { api } from './api.js';
import { longDate } from './dates.js';
import { schemaIssues } from './validate.js';
import { unitLabel, useOptions, useT, type PublicOptions } from './shared.js';

type Entry = ReferencePriceEntry & { status: ReferencePriceStatus };

const referenceKey = ['harga-pasar', 'reference-prices'];
const statusTone: Record<ReferencePriceStatus, 'success' | 'info' | 'neutral' | 'danger'> = {
  'in-force': 'success',
  scheduled: 'info',
  superseded: 'neutral',
  retired: 'danger',
};

/** The settings page's reference prices: their history per commodity, a form to add one, retiring one. */
export function ReferenceSection() {
  const t = useT();
  const { commodities } = useOptions();
  const references = useQuery({ queryKey: referenceKey, queryFn: () => data(api['reference-prices'].$get()), staleTime: 0 });
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

  const digits = values.price.replace(/[.\s]/g, '');
  const body = {
    commodity: values.commodity,
    kind: values.kind,
    zone: values.zone,
    price: /^\d+$/.test(digits) ? Number(digits) : digits ? Number.NaN : undefined,
    effectiveFrom: values.effectiveFrom,
    legalBasis: values.legalBasis.trim(),
  };
  /** The server's own schema, with this page's words for its refusals (the fields it would name). */
  const check = () => {
    const issues = schemaIssues(referencePriceInputSchema, body);
    const found: Record<string, string> = {};
    for (const field of ['commodity', 'kind', 'zone', 'price', 'effectiveFrom', 'legalBasis'] as const) {
      if (!issues[field]) continue;
      const empty = body[field] === '' || body[field] === undefined;
      found[field] = empty
        ? t('settings.required')
        : field === 'price'
          ? t('settings.priceInvalid')
          : field === 'legalBasis'
            ? t('settings.legalBasisShort')
            : field === 'effectiveFrom'
              ? t('settings.dateInvalid')
              : issues[field].message;
    }
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
      const parsed = referencePriceInputSchema.parse(body); // checked just above
      const result = await data(api['reference-prices'].$post({ json: parsed }));
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
      await data(api['reference-prices'][':id'].$delete({ param: { id: entry.id } }));
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

