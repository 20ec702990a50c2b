import {
  ApiError,
  Badge,
  Button,
  data,
  DateText,
  dateText,
  Dialog,
  ErrorState,
  formatDate,
  formatRupiah,
  FormError,
  Icon,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useApiForm,
  useLanguage,
  useQuery,
  useQueryClient,
  useSession,
} from '@kota-kit/core/client';
import { useId, useState } from 'react';
import { correctionBodySchema } from '../schemas/entry.js';
import { api } from './api.js';
import type { Outlier } from '../index.js';
import { describeChange } from './change.js';
import { dayMonth } from './dates.js';
import { parsePrice, type EntryItem } from './entry-logic.js';
import { HargaPasarNav, OfficerOnlyPage, OfflineBanner, unitLabel, useOnline, useOptions, useRoles, useT, useToday } from './shared.js';
import { serverChecked } from './validate.js';

/** Counts of a market-day's prices by status. */
export function dayCounts(items: Pick<EntryItem, 'status'>[]) {
  return {
    draft: items.filter((item) => item.status === 'draft').length,
    published: items.filter((item) => item.status === 'published').length,
    missing: items.filter((item) => item.status === null).length,
  };
}

/** Supervisors: the market-days of a date with their drafts, publish them, correct a price with its history. */
export default function PublishPage() {
  const t = useT();
  const language = useLanguage();
  const { user, isLoading } = useSession();
  const roles = useRoles();
  const { markets } = useOptions();
  const today = useToday();
  const online = useOnline();
  const [date, setDate] = useState(today);

  if (isLoading) return <Loading />;
  if (!user || !roles.supervisor) return <OfficerOnlyPage title={t('publish.title')} signedIn={Boolean(user)} path="publikasi" />;
  return (
    <div className="hp-page">
      <HargaPasarNav />
      <PageHeader title={t('publish.title')} description={t('publish.description')} />
      <OfflineBanner online={online} />
      <div className="hp-narrow-field">
        <TextField id="hp-publish-date" label={t('entry.date')} type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
      </div>
      <h2 className="hp-section-title">{t('publish.marketsOn', { date: dateText(date, { variant: 'long', language }) })}</h2>
      <ul className="hp-publish-list">
        {markets.map((market) => (
          <MarketDay key={`${market.id}:${date}`} market={market.id} name={market.name} date={date} />
        ))}
      </ul>
    </div>
  );
}

function MarketDay({ market, name, date }: { market: string; name: string; date: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<EntryItem | null>(null);
  const queryKey = ['harga-pasar', 'entry', market, date];
  const entry = useQuery({ queryKey, queryFn: () => data(api.entry.$get({ query: { market, date } })), staleTime: 0 });

  const [checked, setChecked] = useState<Record<string, number>>({});

  const publish = async (outliers: Outlier[]) => {
    setPublishing(true);
    setError(null);
    try {
      const acknowledgedOutliers = outliers.map((outlier) => ({ commodity: outlier.commodity, price: outlier.price }));
      const result = await data(api.publish.$post({ json: { market, date, acknowledgedOutliers } }));
      setMessage(t('publish.done', { count: result.published }) + (result.newAlerts.length ? ` ${t('publish.newAlerts', { count: result.newAlerts.length })}` : ''));
      await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.errors?.some((problem) => problem.code === 'unacknowledged_outlier')) {
        // The day changed since the page was loaded: show its outliers as stored now, to be checked again.
        setError(t('publish.outliersChanged'));
        await entry.refetch();
      } else {
        setError(caught instanceof ApiError ? caught.message : t('entry.networkError'));
      }
    } finally {
      setPublishing(false);
    }
  };

  const titleId = `hp-day-${market}`;
  if (entry.isPending) {
    return (
      <li className="kk-card hp-day">
        <h3 id={titleId}>{name}</h3>
        <Loading />
      </li>
    );
  }
  if (entry.isError) {
    return (
      <li className="kk-card hp-day">
        <h3 id={titleId}>{name}</h3>
        <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />
      </li>
    );
  }
  const counts = dayCounts(entry.data.items);
  const stored = entry.data.items.filter((item) => item.status !== null);
  const outliers = entry.data.outliers;
  // Checked at a price: a price changed since (by the enumerator or a correction) must be checked again.
  const unchecked = outliers.filter((outlier) => checked[outlier.commodity] !== outlier.price).length;
  const hintId = `hp-outliers-hint-${market}`;
  return (
    <li className="kk-card hp-day" aria-labelledby={titleId}>
      <div className="hp-day__head">
        <h3 id={titleId}>{name}</h3>
        {counts.draft ? (
          <Badge tone="warning">{t('publish.drafts', { count: counts.draft })}</Badge>
        ) : counts.published ? (
          <Badge tone="success">{t('publish.allPublished')}</Badge>
        ) : (
          <Badge>{t('publish.none')}</Badge>
        )}
      </div>
      <p className="hp-muted hp-small">{t('publish.counts', { draft: counts.draft, published: counts.published, missing: counts.missing })}</p>
      {message ? (
        <p className="hp-note hp-note--ok" role="status">
          <Icon name="check" /> {message}
        </p>
      ) : null}
      {counts.draft && outliers.length ? (
        <section className="hp-outliers" aria-labelledby={`hp-outliers-${market}`}>
          <h4 id={`hp-outliers-${market}`} className="hp-outliers__title">
            <Icon name="warning" /> {t('publish.outliersTitle', { count: outliers.length, percent: entry.data.changeWarningPercent })}
          </h4>
          <p className="hp-small">{t('publish.outliersHelp')}</p>
          <ul className="hp-outliers__list">
            {outliers.map((outlier) => {
              const change = describeChange({ amount: outlier.price - outlier.previous.price, percent: outlier.percent }, language);
              const item = entry.data.items.find((entry) => entry.commodity === outlier.commodity);
              return (
                <li key={outlier.commodity} className="hp-outlier">
                  <p className="hp-outlier__name">
                    <strong>{outlier.name}</strong> <span className="hp-muted hp-small">/{unitLabel(t, outlier.unit)}</span>
                  </p>
                  <p className="hp-outlier__change">
                    <span className="hp-muted">{t('publish.outlierPrevious', { price: formatRupiah(outlier.previous.price), date: dayMonth(outlier.previous.date, language) })}</span>{' '}
                    → <strong>{formatRupiah(outlier.price)}</strong>{' '}
                    <span className={`hp-change ${change.className}`}>
                      <span aria-hidden="true">{change.arrow} </span>
                      <span className="kk-visually-hidden">{t(`change.${change.direction}`)} </span>
                      {change.percent}
                    </span>
                  </p>
                  <div className="hp-outlier__actions">
                    <label className="hp-check">
                      <input
                        type="checkbox"
                        checked={checked[outlier.commodity] === outlier.price}
                        onChange={(event) => {
                          const next = { ...checked };
                          if (event.target.checked) next[outlier.commodity] = outlier.price;
                          else delete next[outlier.commodity];
                          setChecked(next);
                        }}
                      />{' '}
                      {t('publish.outlierChecked')}
                      <span className="kk-visually-hidden"> {outlier.name}</span>
                    </label>
                    {item ? (
                      <button type="button" className="hp-linkbutton" onClick={() => setCorrecting(item)} aria-label={t('publish.correctLabel', { name: outlier.name })}>
                        {t('publish.correct')}
                      </button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <FormError>{error}</FormError>
      {counts.draft && unchecked ? (
        <p id={hintId} className="hp-note hp-note--old hp-small">
          {t('publish.outliersLeft', { count: unchecked })}
        </p>
      ) : null}
      <div className="hp-day__actions">
        {counts.draft ? (
          <Button loading={publishing} disabled={unchecked > 0} aria-describedby={unchecked ? hintId : undefined} onClick={() => void publish(outliers)}>
            {t('publish.publish', { count: counts.draft })}
          </Button>
        ) : null}
        {stored.length ? (
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('publish.hidePrices') : t('publish.showPrices')}
          </Button>
        ) : null}
      </div>
      {open ? (
        <ul className="hp-day__prices">
          {stored.map((item) => (
            <li key={item.commodity}>
              <span>
                {item.name} <span className="hp-muted hp-small">/{unitLabel(t, item.unit)}</span>
              </span>
              <span className="hp-day__price">
                {formatRupiah(item.price ?? 0)}
                {item.status === 'draft' ? <span className="hp-muted hp-small"> · {t('publish.draft')}</span> : null}
              </span>
              <button type="button" className="hp-linkbutton" onClick={() => setCorrecting(item)} aria-label={t('publish.correctLabel', { name: item.name })}>
                {t('publish.correct')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {correcting ? (
        <CorrectionDialog
          item={correcting}
          market={market}
          marketName={name}
          date={date}
          onClose={() => setCorrecting(null)}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['harga-pasar'] })}
        />
      ) : null}
    </li>
  );
}

function CorrectionDialog(props: { item: EntryItem; market: string; marketName: string; date: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const param = { date: props.date, market: props.market, commodity: props.item.commodity };
  const priceApi = api.prices[':date'][':market'][':commodity'];
  const detail = useQuery({ queryKey: ['harga-pasar', 'price', props.date, props.market, props.item.commodity], queryFn: () => data(priceApi.$get({ param })), staleTime: 0 });
  const [done, setDone] = useState(false);
  const formId = useId();
  const form = useApiForm({
    initial: { price: '', reason: '' },
    // The server's own schema first, so its refusals show on the fields before anything is sent.
    schema: serverChecked(
      correctionBodySchema,
      (values: { price: string; reason: string }) => ({ price: parsePrice(values.price) ?? undefined, reason: values.reason }),
      (field, body) => (field === 'price' ? (body.price === undefined ? t('publish.priceRequired') : t('publish.priceInvalid')) : field === 'reason' ? t('publish.reasonShort') : undefined),
    ),
    submit: async (json) => {
      setDone(false);
      return data(priceApi.$patch({ param, json }));
    },
    onSuccess: async () => {
      setDone(true);
      form.reset();
      await detail.refetch();
      props.onSaved();
    },
  });

  return (
    <Dialog
      open
      onClose={props.onClose}
      title={t('publish.correctTitle', { name: props.item.name })}
      actions={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            {t('publish.close')}
          </Button>
          <Button type="submit" form={formId} loading={form.submitting}>
            {t('publish.saveCorrection')}
          </Button>
        </>
      }
    >
      <p className="hp-muted">
        {props.marketName} · <DateText value={props.date} variant="long" />
      </p>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <ErrorState error={detail.error} />
      ) : (
        <>
          <p className="hp-dialog-current">
            {t('publish.current')}: <strong>{formatRupiah(detail.data.price)}</strong> ({t(`publish.status.${detail.data.status}`)})
          </p>
          <h3 className="hp-small-heading">{t('publish.history')}</h3>
          {detail.data.revisions.length ? (
            <ol className="hp-revisions">
              {detail.data.revisions.map((revision) => (
                <li key={revision.changedAt + revision.newPrice}>
                  {formatRupiah(revision.previousPrice)} → <strong>{formatRupiah(revision.newPrice)}</strong>
                  <span className="hp-muted hp-small hp-block">
                    {t('publish.by', { name: revision.changedBy ?? '—', at: formatDate(revision.changedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    {revision.reason ? ` · “${revision.reason}”` : ''}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="hp-muted">{t('publish.noHistory')}</p>
          )}
        </>
      )}
      {done ? (
        <p className="hp-note hp-note--ok" role="status">
          <Icon name="check" /> {t('publish.corrected')}
        </p>
      ) : null}
      <form id={formId} className="hp-correction" noValidate onSubmit={(event) => void form.onSubmit(event)}>
        <FormError>{form.formError}</FormError>
        <TextField
          label={t('publish.newPrice')}
          inputMode="numeric"
          pattern="[0-9]*"
          required
          {...form.field('price')}
          onChange={(event) => form.setValue('price', event.target.value.replace(/[^\d]/g, ''))}
        />
        <TextArea label={t('publish.reason')} hint={t('publish.reasonHint')} rows={2} required {...form.field('reason')} />
      </form>
    </Dialog>
  );
}
