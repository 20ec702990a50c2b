import {
  ApiError,
  Badge,
  Button,
  Dialog,
  ErrorState,
  formatDate,
  formatRupiah,
  FormError,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useLanguage,
  useQuery,
  useQueryClient,
  useSession,
  data,
} from '@kota-kit/core/client';
import { useState } from 'react';
import { correctionBodySchema } from '../schemas/entry.js';
import { api } from './api.js';
import { longDate } from './dates.js';
import { parsePrice, type EntryItem } from './entry-logic.js';
import { schemaIssues } from './validate.js';
import { OfficerOnlyPage, OfflineBanner, SubNav, unitLabel, useOnline, useOptions, useRoles, useT, useToday } from './shared.js';

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
      <SubNav />
      <PageHeader title={t('publish.title')} description={t('publish.description')} />
      <OfflineBanner online={online} />
      <div className="kk-field hp-narrow-field">
        <label className="kk-field__label" htmlFor="hp-publish-date">
          {t('entry.date')}
        </label>
        <input id="hp-publish-date" className="kk-input" type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
      </div>
      <h2 className="hp-section-title">{t('publish.marketsOn', { date: longDate(date, language) })}</h2>
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
  const [open, setOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<EntryItem | null>(null);
  const queryKey = ['harga-pasar', 'entry', market, date];
  const entry = useQuery({ queryKey, queryFn: () => data(api.entry.$get({ query: { market, date } })), staleTime: 0 });

  const publish = async () => {
    setPublishing(true);
    setError(null);
    try {
      const result = await data(api.publish.$post({ json: { market, date } }));
      setMessage(t('publish.done', { count: result.published }) + (result.newAlerts.length ? ` ${t('publish.newAlerts', { count: result.newAlerts.length })}` : ''));
      await queryClient.invalidateQueries({ queryKey: ['harga-pasar'] });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('entry.networkError'));
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
          ✓ {message}
        </p>
      ) : null}
      <FormError>{error}</FormError>
      <div className="hp-day__actions">
        {counts.draft ? (
          <Button loading={publishing} onClick={() => void publish()}>
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
  const language = useLanguage();
  const param = { date: props.date, market: props.market, commodity: props.item.commodity };
  const priceApi = api.prices[':date'][':market'][':commodity'];
  const detail = useQuery({ queryKey: ['harga-pasar', 'price', props.date, props.market, props.item.commodity], queryFn: () => data(priceApi.$get({ param })), staleTime: 0 });
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);

  const save = async () => {
    setSaving(true);
    setErrors({});
    setGeneral(null);
    const value = parsePrice(price);
    // The server's own schema first, so its refusals show on the fields before anything is sent.
    const issues = schemaIssues(correctionBodySchema, { price: value ?? undefined, reason });
    const found: Record<string, string> = {};
    if (issues.price) found.price = value === null ? t('publish.priceRequired') : t('publish.priceInvalid');
    if (issues.reason) found.reason = t('publish.reasonShort');
    if (value === null || Object.keys(found).length) {
      setErrors(found);
      setSaving(false);
      return;
    }
    try {
      await data(priceApi.$patch({ param, json: { price: value, reason } }));
      setDone(true);
      setPrice('');
      setReason('');
      await detail.refetch();
      props.onSaved();
    } catch (caught) {
      if (caught instanceof ApiError) {
        setErrors(caught.fieldErrors);
        if (!Object.keys(caught.fieldErrors).length) setGeneral(caught.message);
      } else setGeneral(t('entry.networkError'));
    } finally {
      setSaving(false);
    }
  };

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
          <Button loading={saving} onClick={() => void save()}>
            {t('publish.saveCorrection')}
          </Button>
        </>
      }
    >
      <p className="hp-muted">
        {props.marketName} · {longDate(props.date, language)}
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
          ✓ {t('publish.corrected')}
        </p>
      ) : null}
      <FormError>{general}</FormError>
      <TextField
        label={t('publish.newPrice')}
        inputMode="numeric"
        pattern="[0-9]*"
        value={price}
        onChange={(event) => setPrice(event.target.value.replace(/[^\d]/g, ''))}
        error={errors.price ?? errors['body.price'] ?? null}
        required
      />
      <TextArea label={t('publish.reason')} hint={t('publish.reasonHint')} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={errors.reason ?? null} required />
    </Dialog>
  );
}
