import { ErrorState, Link, Loading, PageHeader, useQuery, useSession } from '@kota-kit/core/client';
import { useEffect, useState } from 'react';
import { api, data } from './api.js';
import { PlainStatus, readPhoneReceipts, trackingPathOf, type PhoneReceipt } from './citizen.js';
import { outboxEvent } from './outbox.js';
import { base, DateText, LaksaNav, useT } from './shared.js';

/** The receipts on this phone, re-read when the outbox or another tab changes them. */
function usePhoneReceipts(): PhoneReceipt[] {
  const [receipts, setReceipts] = useState<PhoneReceipt[]>(() => readPhoneReceipts());
  useEffect(() => {
    const update = () => setReceipts(readPhoneReceipts());
    // The outbox's event, the form's (`laksa:receipts`, see receipts.ts) and other tabs'.
    const events = [outboxEvent, 'laksa:receipts', 'storage'];
    for (const name of events) window.addEventListener(name, update);
    return () => {
      for (const name of events) window.removeEventListener(name, update);
    };
  }, []);
  return receipts;
}

/** "Laporan saya" (`/laksa/saya`): the account's reports when signed in, and the receipts kept on this phone. */
export default function MinePage() {
  const t = useT();
  const session = useSession();
  const user = session.user;
  const receipts = usePhoneReceipts();
  const mine = useQuery({
    queryKey: ['laksa', 'mine', user?.id ?? null],
    queryFn: () => data(api.mine.$get()),
    enabled: Boolean(user),
  });
  const accountTickets = new Set(mine.data?.items.map((item) => item.ticket) ?? []);
  // A report both on the account and on the phone is listed once, under the account.
  const phoneOnly = receipts.filter((receipt) => !accountTickets.has(receipt.ticket));

  return (
    <div className="lk-page">
      <LaksaNav />
      <PageHeader title={t('citizen.mine.title')} description={t('citizen.mine.description')} />
      <section aria-labelledby="lk-mine-account" className="lk-mine">
        <h2 id="lk-mine-account" className="lk-section-title">
          {t('citizen.mine.account')}
        </h2>
        {session.isLoading ? (
          <Loading label={t('citizen.mine.loading')} />
        ) : !user ? (
          <div className="kk-card lk-mine__signin">
            <p>{t('citizen.mine.signInText')}</p>
            <Link className="kk-button kk-button--secondary" to={`/login?next=${encodeURIComponent(`${base}/saya`)}`}>
              {t('citizen.mine.signIn')}
            </Link>
          </div>
        ) : mine.isPending ? (
          <Loading label={t('citizen.mine.loading')} />
        ) : mine.isError ? (
          <ErrorState title={t('citizen.mine.error')} error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.items.length === 0 ? (
          <p className="lk-muted">{t('citizen.mine.emptyAccount')}</p>
        ) : (
          <ul className="lk-mine__list">
            {mine.data.items.map((item) => (
              <li key={item.ticket} className="lk-card lk-mine__item">
                <h3 className="lk-card__title">
                  <Link to={item.trackingUrl}>{item.title}</Link>
                </h3>
                <p className="lk-card__status">
                  <PlainStatus status={item.status} />
                </p>
                <p className="lk-card__meta">
                  <span className="lk-ticket-small">{t('citizen.ticket', { ticket: item.ticket })}</span> · {t('citizen.mine.sent')} <DateText value={item.createdAt} />
                  {item.updatedAt !== item.createdAt ? (
                    <>
                      {' '}
                      · {t('citizen.mine.updated')} <DateText value={item.updatedAt} />
                    </>
                  ) : null}
                </p>
                <p className="lk-row">
                  <Link className="kk-button kk-button--secondary lk-button-small" to={item.trackingUrl}>
                    {t('citizen.mine.open')}
                  </Link>
                  {item.publicUrl ? (
                    <Link className="lk-link-box" to={item.publicUrl}>
                      {t('citizen.mine.openPublic')}
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="lk-mine-phone" className="lk-mine">
        <h2 id="lk-mine-phone" className="lk-section-title">
          {t('citizen.mine.phone')}
        </h2>
        {phoneOnly.length === 0 ? (
          receipts.length === 0 ? <p className="lk-muted">{t('citizen.mine.emptyPhone')}</p> : null
        ) : (
          <>
            <p className="lk-small">{t('citizen.mine.phoneHint')}</p>
            <ul className="lk-mine__list">
              {phoneOnly.map((receipt) => {
                const path = trackingPathOf(receipt.trackingUrl)!;
                return (
                  <li key={receipt.ticket} className="lk-card lk-mine__item">
                    <h3 className="lk-card__title">
                      <Link to={path}>{receipt.title || receipt.ticket}</Link>
                    </h3>
                    <p className="lk-card__meta">
                      <span className="lk-ticket-small">{t('citizen.ticket', { ticket: receipt.ticket })}</span>
                      {receipt.sentAt ? (
                        <>
                          {' '}
                          · {t('citizen.mine.sent')} <DateText value={receipt.sentAt} />
                        </>
                      ) : null}
                    </p>
                    <p className="lk-row">
                      <Link className="kk-button kk-button--secondary lk-button-small" to={path}>
                        {t('citizen.mine.open')}
                      </Link>
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
