import {
  ApiError,
  Badge,
  Button,
  ConfirmDialog,
  data,
  DataTable,
  DateText,
  dateText,
  ErrorState,
  formatRupiah,
  FormError,
  Loading,
  SelectField,
  TextField,
  useApiForm,
  useLanguage,
  useQuery,
  useQueryClient,
  type TableColumn,
} from '@kota-kit/core/client';
import { useState } from 'react';
import type { ReferencePriceEntry, ReferencePriceStatus } from '../index.js';
import { referencePriceInputSchema } from '../schemas/reference-prices.js';
import { api } from './api.js';
import { unitLabel, useOptions, useT, type PublicOptions } from './shared.js';
import { serverChecked } from './validate.js';

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
          <DateText value={entry.effectiveFrom} variant="long" />{' '}
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
            aria-label={t('settings.retireLabel', { kind: entry.kind, name: commodity.name, date: dateText(entry.effectiveFrom, { variant: 'long', language }) })}
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
      <DataTable
        caption={t('settings.referenceCaption', { name: commodity.name })}
        columns={columns}
        rows={entries}
        rowKey={(entry) => entry.id}
        rowHeader="effectiveFrom"
        empty={<p className="hp-muted">{t('settings.noReference')}</p>}
      />
    </div>
  );
}

type ReferenceValues = { commodity: string; kind: string; zone: string; price: string; effectiveFrom: string; legalBasis: string };

/** The form's texts as the body of POST /reference-prices: "12.500" is 12500; an empty price is missing. */
function referenceBody(values: ReferenceValues) {
  const digits = values.price.replace(/[.\s]/g, '');
  return {
    ...values,
    price: /^\d+$/.test(digits) ? Number(digits) : digits ? Number.NaN : undefined,
    legalBasis: values.legalBasis.trim(),
  };
}

function AddReferenceForm({ priceZone, onSaved }: { priceZone: string; onSaved: (message: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { commodities } = useOptions();
  const queryClient = useQueryClient();
  const empty: ReferenceValues = { commodity: '', kind: 'HET', zone: priceZone, price: '', effectiveFrom: '', legalBasis: '' };
  // The server's own schema, with this page's words for its refusals (the fields it would name).
  const schema = serverChecked(referencePriceInputSchema, referenceBody, (field, body) => {
    const value = body[field as keyof typeof body];
    if (value === '' || value === undefined) return t('settings.required');
    if (field === 'price') return t('settings.priceInvalid');
    if (field === 'legalBasis') return t('settings.legalBasisShort');
    if (field === 'effectiveFrom') return t('settings.dateInvalid');
    return undefined;
  });
  const form = useApiForm({
    initial: empty,
    schema,
    submit: (json) => data(api['reference-prices'].$post({ json })),
    onSuccess: async (result, values) => {
      const saved = result.referencePrice;
      const name = commodities.find((commodity) => commodity.id === saved.commodity)?.name ?? saved.commodity;
      onSaved(
        t('settings.saved', { kind: saved.kind, name, price: formatRupiah(saved.price), date: dateText(saved.effectiveFrom, { variant: 'long', language }) }) +
          (result.newAlerts.length ? ` ${t('settings.savedAlerts', { count: result.newAlerts.length })}` : ''),
      );
      form.reset({ ...empty, commodity: values.commodity });
      await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
    },
  });

  return (
    <form className="kk-card hp-settings__form" onSubmit={(event) => void form.onSubmit(event)} noValidate aria-labelledby="hp-ref-form-title">
      <h3 id="hp-ref-form-title" className="hp-small-heading">
        {t('settings.formTitle')}
      </h3>
      <p className="hp-muted hp-small">{t('settings.formHint')}</p>
      <FormError>{form.formError}</FormError>
      <SelectField
        label={t('settings.commodity')}
        required
        {...form.field('commodity')}
        placeholder={t('settings.chooseCommodity')}
        options={commodities.map((commodity) => ({ value: commodity.id, label: `${commodity.name} (${unitLabel(t, commodity.unit)})` }))}
      />
      <div className="hp-settings__pair">
        <SelectField
          label={t('settings.kind')}
          required
          {...form.field('kind')}
          options={[
            { value: 'HET', label: t('settings.kinds.HET') },
            { value: 'HAP', label: t('settings.kinds.HAP') },
          ]}
        />
        <SelectField
          label={t('settings.zone')}
          required
          {...form.field('zone')}
          options={[
            { value: priceZone, label: t('settings.zoneOption', { zone: priceZone }) },
            ...(priceZone === 'nasional' ? [] : [{ value: 'nasional', label: t('settings.zoneNational') }]),
          ]}
        />
      </div>
      <div className="hp-settings__pair">
        <TextField label={t('settings.priceLabel')} hint={t('settings.priceHint')} required inputMode="numeric" autoComplete="off" {...form.field('price')} />
        <TextField label={t('settings.effectiveFrom')} required type="date" {...form.field('effectiveFrom')} />
      </div>
      <TextField label={t('settings.legalBasis')} hint={t('settings.legalBasisHint')} required maxLength={500} {...form.field('legalBasis')} />
      <Button type="submit" loading={form.submitting}>
        {t('settings.save')}
      </Button>
    </form>
  );
}

/** Asks before retiring; the server's refusal (or a lost connection) is shown in the dialog, which stays open. */
function RetireDialog({ entry, onClose, onDone }: { entry: Entry | null; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { commodities } = useOptions();
  const queryClient = useQueryClient();
  const name = entry ? (commodities.find((commodity) => commodity.id === entry.commodity)?.name ?? entry.commodity) : '';
  const retire = async () => {
    if (!entry) return;
    try {
      await data(api['reference-prices'][':id'].$delete({ param: { id: entry.id } }));
    } catch (caught) {
      throw caught instanceof ApiError ? caught : new Error(t('entry.networkError'));
    }
    await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
    onDone(t('settings.retired'));
  };
  return (
    <ConfirmDialog
      open={entry !== null}
      destructive
      title={t('settings.retireTitle')}
      confirmLabel={t('settings.retireConfirm')}
      cancelLabel={t('settings.cancel')}
      onConfirm={retire}
      onCancel={onClose}
    >
      {entry ? <p>{t('settings.retireText', { kind: entry.kind, name, price: formatRupiah(entry.price), date: dateText(entry.effectiveFrom, { variant: 'long', language }) })}</p> : null}
    </ConfirmDialog>
  );
}
