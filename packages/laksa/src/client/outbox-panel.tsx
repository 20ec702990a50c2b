import { Button, ConfirmDialog, Link } from '@kota-kit/core/client';
import { useCallback, useEffect, useState } from 'react';
import { formFieldOf } from './logic.js';
import { dismissReceipt, flushOutbox, outboxEvent, outboxStore, readReceipts, type Receipt } from './outbox.js';
import type { QueuedReport } from './queue.js';
import { retryQueued } from './queue.js';
import { DateText, useOnline, useT } from './shared.js';

/** The outbox and the receipts of reports it sent, re-read whenever they change. */
export function useOutbox() {
  const [items, setItems] = useState<QueuedReport[]>([]);
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const reload = useCallback(() => {
    setReceipts(readReceipts());
    void outboxStore()
      .list()
      .then((list) => setItems(list.sort((a, b) => a.createdAt.localeCompare(b.createdAt))))
      .catch(() => setItems([]));
  }, []);
  useEffect(() => {
    reload();
    window.addEventListener(outboxEvent, reload);
    return () => window.removeEventListener(outboxEvent, reload);
  }, [reload]);
  return { items, receipts, reload };
}

/** "Laporan tertunda" (waiting or refused) and "Terkirim dari HP" (ticket and tracking link, shown until dismissed). */
export function OutboxPanel() {
  const t = useT();
  const online = useOnline();
  const { items, receipts, reload } = useOutbox();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<QueuedReport | null>(null);
  if (items.length === 0 && receipts.length === 0) return null;
  const sendNow = async () => {
    setBusy(true);
    await flushOutbox();
    setBusy(false);
    reload();
  };
  return (
    <section className="lk-outbox" aria-labelledby="lk-outbox-title">
      {items.length > 0 ? (
        <>
          <h2 id="lk-outbox-title" className="lk-section-title">
            {t('outbox.title', { count: items.length })}
          </h2>
          <p className="lk-small">{online ? t('outbox.onlineHint') : t('outbox.offlineHint')}</p>
          <ul className="lk-outbox__list">
            {items.map((item) => (
              <li key={item.id} className={`lk-outbox__item${item.error ? ' lk-outbox__item--error' : ''}`}>
                <p className="lk-outbox__title">{item.report.title}</p>
                <p className="lk-small">
                  {t('outbox.savedAt')} <DateText value={item.createdAt} withTime />
                  {item.photos.length ? ` · ${t('outbox.photos', { count: item.photos.length })}` : ''}
                </p>
                {item.error ? (
                  <div className="lk-outbox__error" role="alert">
                    <p>
                      <strong>{t('outbox.refused')}</strong> {item.error.message}
                    </p>
                    {item.error.errors.length ? (
                      <ul>
                        {item.error.errors.map((error) => (
                          <li key={error.field}>
                            {t(`form.fieldName.${formFieldOf(error.field) ?? 'other'}`)}: {error.message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : (
                  <p className="lk-small">{t('outbox.waiting')}</p>
                )}
                <div className="lk-row">
                  {item.error ? (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        void retryQueued(outboxStore(), item.id).then(sendNow);
                      }}
                    >
                      {t('outbox.retry')}
                    </Button>
                  ) : null}
                  <Button variant="secondary" onClick={() => setDeleting(item)}>
                    {t('outbox.delete')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          {online && items.some((item) => !item.error) ? (
            <Button onClick={() => void sendNow()} loading={busy}>
              {t('outbox.sendNow')}
            </Button>
          ) : null}
          <ConfirmDialog
            open={deleting !== null}
            destructive
            title={t('outbox.deleteConfirm')}
            confirmLabel={t('outbox.delete')}
            cancelLabel={t('common.cancel')}
            onCancel={() => setDeleting(null)}
            onConfirm={async () => {
              await outboxStore().remove(deleting!.id);
              setDeleting(null);
              reload();
            }}
          >
            {deleting ? <p className="lk-strong">{deleting.report.title}</p> : null}
          </ConfirmDialog>
        </>
      ) : null}
      {receipts.length > 0 ? (
        <div className="lk-receipts" role="status">
          <h2 className="lk-section-title">{t('outbox.sentTitle')}</h2>
          <p className="lk-small">{t('outbox.sentHint')}</p>
          <ul className="lk-outbox__list">
            {receipts.map((receipt) => (
              <li key={receipt.ticket} className="lk-outbox__item lk-outbox__item--sent">
                <p className="lk-outbox__title">{receipt.title}</p>
                <p>
                  {t('done.ticket')}: <strong className="lk-ticket-inline">{receipt.ticket}</strong>
                </p>
                <p>
                  <Link to={receipt.trackingUrl}>{t('outbox.openTracking')}</Link>
                </p>
                <p className="lk-small lk-break">{new URL(receipt.trackingUrl, window.location.origin).href}</p>
                <Button variant="secondary" onClick={() => dismissReceipt(receipt.ticket)}>
                  {t('outbox.dismiss')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
