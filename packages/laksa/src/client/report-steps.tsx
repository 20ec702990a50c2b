/** The report form's other steps: review before sending, the receipt, and "saved for later" when offline. */
import { Button, Icon, Link } from '@kota-kit/core/client';
import { useState, type ReactNode, type RefObject } from 'react';
import type { CreateReportResult } from '../schemas.js';
import { visibilitySummary } from './logic.js';
import { whatsappShareUrl } from './receipts.js';
import type { Draft, PhotoItem } from './report-draft.js';
import { base, useT } from './shared.js';
export function Choice({ name, checked, onChange, title, hint }: { name: string; checked: boolean; onChange: () => void; title: string; hint: string }) {
  return (
    <label className={`lk-choice${checked ? ' lk-choice--checked' : ''}`}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>
        <strong>{title}</strong>
        <span className="lk-choice__hint">{hint}</span>
      </span>
    </label>
  );
}

/** Exactly what will be public, what officers see, and what is never shown. */
export function Review({ draft, photos, hasContact, categoryName, agency }: { draft: Draft; photos: PhotoItem[]; hasContact: boolean; categoryName: string; agency: string }) {
  const t = useT();
  const summary = visibilitySummary({ confidential: draft.confidential, anonymous: draft.anonymous, hasContact });
  const location = [draft.address.trim(), draft.kelurahan.trim(), draft.kecamatan && `${t('list.kecamatanShort')} ${draft.kecamatan}`].filter(Boolean).join(', ');
  const rows: { label: string; value: ReactNode }[] = [
    { label: t('form.type'), value: t(`type.${draft.type}`) },
    { label: t('form.category'), value: categoryName },
    { label: t('form.reportTitle'), value: draft.title.trim() },
    { label: t('form.reportDescription'), value: <span className="lk-pre">{draft.description.trim()}</span> },
    { label: t('form.location'), value: [location, draft.point ? t('review.point', { lat: draft.point.lat.toFixed(5), lng: draft.point.lng.toFixed(5) }) : ''].filter(Boolean).join(' · ') || '—' },
    { label: t('review.photos'), value: photos.length ? t('review.photoCount', { count: photos.length }) : t('review.noPhotos') },
  ];
  const contact = [draft.name.trim(), draft.email.trim(), draft.phone.trim(), draft.nik.trim() ? t('review.nikGiven') : ''].filter(Boolean).join(' · ');
  return (
    <div className="lk-review">
      <ul className="lk-summary">
        {summary.sentences.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <section className={`lk-review__box ${summary.listedPublicly ? 'lk-review__box--public' : 'lk-review__box--private'}`} aria-labelledby="lk-review-public">
        <h2 id="lk-review-public" className="lk-review__title">
          <Icon name={summary.listedPublicly ? 'share' : 'close'} /> {summary.listedPublicly ? t('review.publicTitle') : t('review.privateTitle')}
        </h2>
        {summary.listedPublicly ? (
          <>
            <dl className="lk-facts">
              {rows.map((row) => (
                <div className="lk-fact" key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
            {photos.length ? (
              <ul className="lk-previews lk-previews--small">
                {photos.map((photo, index) => (
                  <li key={photo.url}>
                    <img src={photo.url} alt={t('form.photoPreview', { n: index + 1 })} />
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="lk-small">{t('review.publicAfterVerify')}</p>
          </>
        ) : (
          <p>{t('review.nothingPublic')}</p>
        )}
      </section>
      <section className="lk-review__box" aria-labelledby="lk-review-officers">
        <h2 id="lk-review-officers" className="lk-review__title">
          <Icon name="user" /> {t('review.officersTitle', { agency })}
        </h2>
        <p>{summary.listedPublicly ? t('review.officersSeeAll') : t('review.officersSeeReport')}</p>
        <p>
          <strong>{t('review.identity')}: </strong>
          {!hasContact ? t('review.identityNone') : summary.officersSeeContact ? t('review.identityMasked', { contact }) : t('review.identityHidden')}
        </p>
      </section>
      <section className="lk-review__box lk-review__box--never" aria-labelledby="lk-review-never">
        <h2 id="lk-review-never" className="lk-review__title">
          <Icon name="warning" /> {t('review.neverTitle')}
        </h2>
        <p>{hasContact ? t('review.neverContact', { contact }) : t('review.neverNoContact')}</p>
        {hasContact ? <p className="lk-small">{t('review.notified')}</p> : <p className="lk-small">{t('review.notNotified')}</p>}
      </section>
    </div>
  );
}

export function Done({ result, heading }: { result: CreateReportResult; heading: RefObject<HTMLHeadingElement | null> }) {
  const t = useT();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const link = new URL(result.trackingUrl, window.location.origin).href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      const field = document.getElementById('lk-tracking-link') as HTMLInputElement | null;
      field?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="lk-done">
      <h1 className="kk-page-header__title" tabIndex={-1} ref={heading}>
        {t('done.title')}
      </h1>
      <p>{t('done.ticketLabel')}</p>
      <p className="lk-ticket" aria-label={`${t('done.ticket')}: ${result.ticket.split('').join(' ')}`}>
        {result.ticket}
      </p>
      <div className="lk-save-note" role="note">
        <p>
          <strong>{t('done.saveTitle')}</strong>
        </p>
        <p>{t('done.saveText')}</p>
      </div>
      <label className="kk-field__label" htmlFor="lk-tracking-link">
        {t('done.linkLabel')}
      </label>
      <div className="lk-inline-form">
        <input id="lk-tracking-link" className="kk-input" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        <Button onClick={() => void copy()}>{t('done.copy')}</Button>
      </div>
      <p className="lk-row">
        <a className="kk-button kk-button--secondary lk-whatsapp" href={whatsappShareUrl(t('receipt.whatsappText', { ticket: result.ticket, link }))} target="_blank" rel="noopener noreferrer">
          <Icon name="share" /> {t('receipt.whatsapp')}
        </a>
      </p>
      <p className="lk-small" role="status">
        {copied === 'ok' ? t('done.copied') : copied === 'failed' ? t('done.copyFailed') : ''}
      </p>
      <p className="lk-small">{t('receipt.kept')}</p>
      <div className="lk-actions">
        <Link to={result.trackingUrl} className="kk-button kk-button--secondary">
          {t('done.open')}
        </Link>
        <Link to={base} className="kk-button kk-button--secondary">
          {t('done.home')}
        </Link>
      </div>
    </div>
  );
}

export function Queued({ heading }: { heading: RefObject<HTMLHeadingElement | null> }) {
  const t = useT();
  return (
    <div className="lk-done" role="status">
      <h1 className="kk-page-header__title" tabIndex={-1} ref={heading}>
        {t('queued.title')}
      </h1>
      <p className="lk-note lk-note--offline">{t('queued.text')}</p>
      <p>{t('queued.after')}</p>
      <Link to={base} className="kk-button kk-button--secondary">
        {t('done.home')}
      </Link>
    </div>
  );
}


