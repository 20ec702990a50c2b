import {
  ApiError,
  Button,
  data as dataOf,
  dateText,
  ErrorState,
  formatRupiah,
  FormError,
  Icon,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  useLanguage,
  useQuery,
  useQueryClient,
  useSession,
} from '@kota-kit/core/client';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LockIcon } from './lock-icon.js';
import { PriceInput } from './price-input.js';
import { signedPercent } from './change.js';
import { dayMonth } from './dates.js';
import {
  buildEntryBody,
  clearDraft,
  defaultStorage,
  draftDiffers,
  fillSameAsYesterday,
  initialValues,
  largeChangeHint,
  loadDraft,
  localProblem,
  onlyLargeChanges,
  parsePrice,
  rowProblems,
  saveDraft,
  untouchedCount,
  type EntryData,
  type EntryItem,
  type EntryValues,
  type RowProblems,
} from './entry-logic.js';
import { api } from './api.js';
import { HargaPasarNav, OfficerOnlyPage, OfflineBanner, unitLabel, useOnline, useOptions, useRoles, useT, useToday } from './shared.js';

const lastMarketKey = 'kk-harga-pasar:entry-market';

function rememberedMarket(ids: string[]): string {
  try {
    const stored = localStorage.getItem(lastMarketKey);
    if (stored && ids.includes(stored)) return stored;
  } catch {
    // Storage blocked: start with the first market.
  }
  return ids[0] ?? '';
}

/** The enumerator's form: one market, one day, every commodity on one phone screen. */
export default function EntryPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  const roles = useRoles();
  const options = useOptions();
  const today = useToday();
  const online = useOnline();
  const [market, setMarket] = useState(() => rememberedMarket(options.markets.map((m) => m.id)));
  const [date, setDate] = useState(today);

  const entry = useQuery({
    queryKey: ['harga-pasar', 'entry', market, date],
    queryFn: () => dataOf(api.entry.$get({ query: { market, date } })),
    enabled: Boolean(user && roles.enumerator && market),
    staleTime: 0,
  });

  const pickMarket = (id: string) => {
    setMarket(id);
    try {
      localStorage.setItem(lastMarketKey, id);
    } catch {
      // Ignore.
    }
  };

  if (isLoading) return <Loading />;
  if (!user || !roles.enumerator) return <OfficerOnlyPage title={t('entry.title')} signedIn={Boolean(user)} path="entri" />;

  return (
    <div className="hp-page hp-entry">
      <HargaPasarNav />
      <PageHeader title={t('entry.title')} description={t('entry.description')} />
      <OfflineBanner online={online} />
      <div className="hp-entry__pick">
        <SelectField
          id="hp-entry-market"
          label={t('entry.market')}
          value={market}
          onChange={(event) => pickMarket(event.target.value)}
          options={options.markets.map((m) => ({ value: m.id, label: m.name }))}
        />
        <TextField id="hp-entry-date" label={t('entry.date')} type="date" value={date} max={today} onChange={(event) => event.target.value && setDate(event.target.value)} />
      </div>
      <MarketsOfDay date={date} current={market} onPick={pickMarket} />
      {entry.isPending ? (
        entry.fetchStatus === 'paused' ? <p className="hp-note">{t('entry.waitingOnline')}</p> : <Loading />
      ) : entry.isError ? (
        <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />
      ) : (
        <EntryForm key={`${market}:${date}`} data={entry.data} />
      )}
    </div>
  );
}

function EntryForm({ data }: { data: EntryData }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const storage = useMemo(() => defaultStorage(), []);
  const [restored] = useState(() => {
    const draft = loadDraft(storage, data.market.id, data.date);
    return draftDiffers(data, draft) ? draft : null;
  });
  const [values, setValues] = useState<EntryValues>(() => initialValues(data, restored));
  const [items, setItems] = useState(data.items);
  const [problems, setProblems] = useState<RowProblems | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [networkError, setNetworkError] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const current: EntryData = { ...data, items };

  const update = (next: EntryValues) => {
    setValues(next);
    setSaved(null);
    saveDraft(storage, data.market.id, data.date, next);
  };

  const submit = async (confirm: boolean) => {
    const body = buildEntryBody(current, values, confirm);
    if (!body.prices.length) {
      setProblems({ errors: {}, largeChanges: {}, general: [t('entry.nothing')] });
      return;
    }
    // The server's own schema first: a price it would refuse is shown on its row without a round trip.
    const local = localProblem(body);
    if (local) {
      setProblems(rowProblems({ ...local, errors: local.errors?.map((error) => (/\.price$/.test(error.field) ? { ...error, message: t('entry.priceInvalid') } : error)) }, body));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    setNetworkError(false);
    try {
      const result = await dataOf(api.entry.$put({ json: body }));
      clearDraft(storage, data.market.id, data.date);
      queryClient.setQueryData(['harga-pasar', 'entry', data.market.id, data.date], result);
      void queryClient.invalidateQueries({ queryKey: ['harga-pasar'], predicate: (query) => query.queryKey[1] !== 'entry' });
      setItems(result.items);
      setValues(initialValues(result, null));
      setProblems(null);
      setSaved(result.publishMode === 'automatic' ? t('entry.savedPublished', { count: body.prices.length }) : t('entry.savedDraft', { count: body.prices.length }));
    } catch (error) {
      if (error instanceof ApiError) {
        setProblems(rowProblems(error.problem, body));
      } else {
        setNetworkError(true);
      }
    } finally {
      setSaving(false);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const groups = new Map<string, EntryItem[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  const filled = items.filter((item) => parsePrice(values[item.commodity] ?? '') !== null).length;
  const untouched = untouchedCount(current, values);
  const largeCount = problems ? Object.keys(problems.largeChanges).length : 0;
  const confirmable = problems ? onlyLargeChanges(problems) : false;
  const locked = items.length > 0 && items.every((item) => item.status === 'published');

  return (
    <form
      className="hp-entry__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      <p className="hp-muted">
        {t('entry.forDay', { market: data.market.name, date: dateText(data.date, { variant: 'long', language }) })} ·{' '}
        <strong>{t(`entry.status.${data.status}`)}</strong>
      </p>
      {restored ? (
        <p className="hp-note" role="status">
          {t('entry.restored')}
        </p>
      ) : null}
      {locked ? (
        <p className="hp-note hp-entry__locked" role="status">
          <LockIcon /> {t('entry.lockedDay')}
        </p>
      ) : (
        <div className="hp-entry__all">
          <Button variant="secondary" disabled={untouched === 0} onClick={() => update(fillSameAsYesterday(current, values))}>
            {t('entry.sameAll', { count: untouched })}
          </Button>
          <p className="hp-muted hp-small">{t('entry.sameExplained')}</p>
        </div>
      )}

      <div ref={summaryRef} tabIndex={-1} className="hp-entry__summary">
        {saved ? (
          <p className="hp-note hp-note--ok" role="status">
            <Icon name="check" /> {saved}
          </p>
        ) : null}
        {networkError ? <FormError>{t('entry.networkError')}</FormError> : null}
        {problems && largeCount > 0 ? (
          <div className="hp-confirm" role="alert">
            <p>
              <strong>{t('entry.largeTitle', { count: largeCount, percent: data.changeWarningPercent })}</strong>
            </p>
            <p>{confirmable ? t('entry.largeHelp') : t('entry.largeFixFirst')}</p>
            {confirmable ? (
              <Button loading={saving} onClick={() => void submit(true)}>
                {t('entry.confirm')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {problems && (problems.general.length || Object.keys(problems.errors).length) ? (
          <FormError>
            {problems.general.length ? problems.general.join(' ') : t('entry.fixErrors', { count: Object.keys(problems.errors).length })}
          </FormError>
        ) : null}
      </div>

      {[...groups].map(([group, list]) => (
        <fieldset key={group} className="hp-entry__group">
          <legend>{group}</legend>
          {list.map((item) => (
            <EntryRow
              key={item.commodity}
              item={item}
              value={values[item.commodity] ?? ''}
              threshold={data.changeWarningPercent}
              error={problems?.errors[item.commodity]}
              large={problems?.largeChanges[item.commodity]}
              onChange={(value) => update({ ...values, [item.commodity]: value })}
              onSame={() => update(fillSameAsYesterday(current, values, item.commodity))}
              language={language}
            />
          ))}
        </fieldset>
      ))}

      {locked ? null : (
        <EntryBar>
          <span className="hp-muted">{t('entry.filled', { filled, total: items.length })}</span>
          <Button type="submit" loading={saving}>
            {t('entry.save')}
          </Button>
        </EntryBar>
      )}
    </form>
  );
}

function EntryRow(props: {
  item: EntryItem;
  value: string;
  threshold: number;
  error?: string;
  large?: string;
  onChange: (value: string) => void;
  onSame: () => void;
  language: 'id' | 'en';
}) {
  const t = useT();
  const { item, value, language } = props;
  const id = `hp-price-${item.commodity}`;
  const published = item.status === 'published';
  const hint = largeChangeHint(item, value, props.threshold);
  const describedBy = [`${id}-prev`, published ? `${id}-lock` : null, hint !== null || props.large ? `${id}-warn` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`hp-entry__row${props.error ? ' hp-entry__row--error' : props.large ? ' hp-entry__row--warn' : ''}`}>
      <label htmlFor={id} className="hp-entry__label">
        {item.name} <span className="hp-muted hp-small">/{unitLabel(t, item.unit)}</span>
      </label>
      <p id={`${id}-prev`} className="hp-entry__prev hp-small">
        {item.previous
          ? t('entry.previous', { price: formatRupiah(item.previous.price), date: dayMonth(item.previous.date, language) })
          : t('entry.noPrevious')}
        {published ? <span className="kk-badge kk-badge--success hp-entry__badge">{t('entry.published')}</span> : null}
      </p>
      <div className="hp-entry__inputs">
        <span className="hp-entry__rp" aria-hidden="true">
          Rp
        </span>
        <PriceInput
          id={id}
          className={`kk-input hp-entry__input${published ? ' hp-entry__input--locked' : ''}`}
          enterKeyHint="next"
          value={value}
          onValueChange={props.onChange}
          readOnly={published}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
        {published ? (
          <span className="hp-entry__lock">
            <LockIcon /> {t('entry.locked')}
          </span>
        ) : (
          <button
            type="button"
            className="kk-button kk-button--secondary hp-entry__same"
            disabled={!item.previous}
            aria-label={item.previous ? t('entry.sameOneLabel', { name: item.name, date: dayMonth(item.previous.date, language) }) : undefined}
            onClick={props.onSame}
          >
            {item.previous ? t('entry.sameOne', { date: dayMonth(item.previous.date, language) }) : t('entry.sameNone')}
          </button>
        )}
      </div>
      {published ? (
        <p id={`${id}-lock`} className="hp-entry__locknote hp-small">
          {t('entry.lockedNote')}
        </p>
      ) : null}
      {props.large || hint !== null ? (
        <p id={`${id}-warn`} className="hp-entry__warn hp-small">
          <Icon name="warning" />{' '}
          {hint !== null ? t('entry.largeHint', { percent: signedPercent(hint, language) }) : t('entry.largeServer')}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="kk-field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Which markets still need the day's entry: each market with its progress; a tap opens its form. */
function MarketsOfDay({ date, current, onPick }: { date: string; current: string; onPick: (market: string) => void }) {
  const t = useT();
  const days = useQuery({ queryKey: ['harga-pasar', 'entry-days', date], queryFn: () => dataOf(api.entry.days.$get({ query: { date } })), staleTime: 0 });
  if (!days.data) return null;
  const mine = days.data.markets.filter((market) => market.mine);
  const waiting = mine.filter((market) => market.status === 'empty' || market.status === 'partial');
  return (
    <section className="hp-entry__markets" aria-labelledby="hp-entry-markets-title">
      <h2 id="hp-entry-markets-title" className="hp-small-heading">
        {waiting.length ? t('entry.marketsWaiting', { count: waiting.length, total: mine.length }) : t('entry.marketsDone', { total: mine.length })}
      </h2>
      <ul className="hp-market-chips">
        {mine.map((market) => (
          <li key={market.market}>
            <button
              type="button"
              className={`hp-market-chip hp-market-chip--${market.status}`}
              aria-pressed={market.market === current}
              onClick={() => onPick(market.market)}
            >
              <span className="hp-market-chip__name">{market.name}</span>
              <span className="hp-market-chip__status">
                {market.status === 'partial' ? t('entry.chipPartial', { filled: market.filled, total: market.total }) : t(`entry.chip.${market.status}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The sticky bar with the save button. While it is shown, `<html>` carries `hp-entry-bar`, whose scroll padding
 * keeps a field reached by Tab above the bar and the bottom navigation (WCAG 2.4.11). A class set here, not
 * `html:has(.hp-entry__bar)` in the style sheet: that selector made Chromium recheck the style and layout of the
 * whole document on every change of every page (the board's style and layout took about twice as long).
 */
function EntryBar({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.classList.add('hp-entry-bar');
    return () => document.documentElement.classList.remove('hp-entry-bar');
  }, []);
  return <div className="hp-entry__bar">{children}</div>;
}
