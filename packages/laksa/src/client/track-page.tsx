import { ApiError, Button, ConfirmDialog, dateText, ErrorState, FormError, Link, Loading, PageHeader, TextArea, useMutation, useParams, useQuery, useLanguage, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import type { TrackView } from '../schemas.js';
import { api, data as answer } from './api.js';
import { base, DateText, DayText, Fact, PhotoGrid, StageBadge, StatusText, LaksaNav, Timeline, useCategoryName, useT } from './shared.js';

/** The reporter's private page (`/laksa/lacak/:token`, and `/laksa/track/:token` as the server links it). */
export default function TrackPage() {
  const t = useT();
  const { token = '' } = useParams();
  const categoryName = useCategoryName();
  const view = useQuery({
    queryKey: ['laksa', 'track', token],
    queryFn: () => answer(api.track[':token'].$get({ param: { token } })),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  return (
    <div className="lk-page">
      <LaksaNav />
      {view.isPending ? (
        <Loading label={t('track.loading')} />
      ) : view.isError ? (
        view.error instanceof ApiError && view.error.status === 404 ? (
          <ErrorState title={t('track.notFound')} error={view.error} />
        ) : (
          <ErrorState error={view.error} onRetry={() => void view.refetch()} />
        )
      ) : (
        <TrackContent data={view.data} token={token} categoryName={categoryName} />
      )}
    </div>
  );
}

function TrackContent({ data, token, categoryName }: { data: TrackView; token: string; categoryName: (id: string) => string }) {
  const t = useT();
  const language = useLanguage();
  const report = data.report;
  return (
    <>
      <PageHeader title={report.title} description={t('track.private')} />
      <div className="lk-detail-head">
        <p className="lk-ticket-inline lk-ticket-inline--big">{report.ticket}</p>
        <StageBadge stage={report.stage} />
      </div>
      <dl className="lk-facts">
        <Fact label={t('detail.status')}>
          <StatusText status={report.status} />
        </Fact>
        <Fact label={t('detail.category')}>{categoryName(report.category)}</Fact>
        <Fact label={t('detail.agency')}>{report.agency?.shortName}</Fact>
        <Fact label={t('detail.due')}>
          {report.dueDate ? (
            <>
              <DayText value={report.dueDate} />
              {report.overdue ? <strong className="lk-overdue"> · {t('list.overdue')}</strong> : null}
            </>
          ) : null}
        </Fact>
        <Fact label={t('detail.visibility')}>
          {[data.confidential ? t('visibility.confidential') : t('visibility.public'), data.anonymous ? t('visibility.anonymous') : t('visibility.named')].join(' · ')}
        </Fact>
        <Fact label={t('detail.created')}>
          <DateText value={report.createdAt} withTime />
        </Fact>
        <Fact label={t('detail.supporters')}>{report.supporters > 0 ? String(report.supporters) : null}</Fact>
      </dl>
      {!data.confidential && report.status !== 'submitted' && report.status !== 'rejected' ? (
        <p>
          <Link to={`${base}/laporan/${report.ticket}`}>{t('track.publicPage')}</Link>
        </p>
      ) : null}

      {data.following ? (
        <section className="kk-card lk-following" aria-labelledby="lk-following-title">
          <h2 id="lk-following-title" className="kk-card__title">
            {t('track.followingTitle', { ticket: data.following.ticket })}
          </h2>
          <p>{t('track.followingText')}</p>
          <p className="lk-detail-head">
            <StageBadge stage={data.following.stage} /> <StatusText status={data.following.status} />
          </p>
          {data.following.title ? <p className="lk-strong">{data.following.title}</p> : null}
          {data.following.public ? (
            <p>
              <Link to={`${base}/laporan/${data.following.ticket}`}>{t('track.followingOpen')}</Link>
            </p>
          ) : null}
          <Timeline entries={data.following.timeline} />
        </section>
      ) : null}

      {report.stage === 'green' && data.autoCloseOn && report.status === 'resolved' ? (
        <p className="lk-note">{t('track.autoClose', { date: dateText(data.autoCloseOn, { variant: 'long', language }) })}</p>
      ) : null}
      {data.canRate || data.canReopen ? <Feedback data={data} token={token} /> : null}
      {report.rating ? (
        <p className="lk-note">
          {t('track.yourRating', { rating: report.rating })}
          {data.ratingComment ? ` — “${data.ratingComment}”` : ''}
        </p>
      ) : null}

      <section aria-labelledby="lk-desc-title">
        <h2 id="lk-desc-title" className="lk-section-title">
          {t('detail.description')}
        </h2>
        <p className="lk-pre">{report.description}</p>
        <p className="lk-small">{[report.address, report.kelurahan, report.kecamatan].filter(Boolean).join(', ')}</p>
        <PhotoGrid photos={report.photos} token={token} label={t('photos.report')} />
      </section>
      <section aria-labelledby="lk-timeline-title">
        <h2 id="lk-timeline-title" className="lk-section-title">
          {t('timeline.title')}
        </h2>
        <Timeline entries={report.timeline} token={token} />
      </section>
      <PersonalData data={data} token={token} />
    </>
  );
}

function Feedback({ data, token }: { data: TrackView; token: string }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<number>(data.report.rating ?? 0);
  const [comment, setComment] = useState(data.ratingComment ?? '');
  const [reason, setReason] = useState('');
  const [reopenOpen, setReopenOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const update = (next: TrackView) => queryClient.setQueryData(['laksa', 'track', token], next);
  const rate = useMutation({
    mutationFn: () => answer(api.track[':token'].rating.$post({ param: { token }, json: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) } })),
    onSuccess: (next) => {
      update(next);
      setMessage(t('track.rated'));
    },
  });
  const reopen = useMutation({
    mutationFn: () => answer(api.track[':token'].reopen.$post({ param: { token }, json: { reason: reason.trim() } })),
    onSuccess: (next) => {
      update(next);
      setReopenOpen(false);
      setMessage(t('track.reopened'));
    },
  });
  const rateErrors = rate.error instanceof ApiError ? rate.error.fieldErrors : {};
  const reopenErrors = reopen.error instanceof ApiError ? reopen.error.fieldErrors : {};
  return (
    <section className="kk-card lk-feedback" aria-labelledby="lk-feedback-title">
      <h2 id="lk-feedback-title" className="kk-card__title">
        {t('track.feedbackTitle')}
      </h2>
      {message ? (
        <p className="lk-note lk-note--ok" role="status">
          {message}
        </p>
      ) : null}
      {data.canRate ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (rating >= 1) rate.mutate();
          }}
        >
          <fieldset className="kk-fieldset lk-fieldset">
            <legend>{t('track.rateLabel')}</legend>
            <div className="lk-stars">
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className={`lk-star${rating >= value ? ' lk-star--on' : ''}`}>
                  <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} className="kk-visually-hidden" />
                  <span aria-hidden="true">★</span>
                  <span className="kk-visually-hidden">{t('track.stars', { count: value })}</span>
                </label>
              ))}
            </div>
            <p className="lk-small" aria-live="polite">
              {rating ? t(`track.ratingWord.${String(rating) as '1' | '2' | '3' | '4' | '5'}`) : t('track.rateHint')}
            </p>
            {rateErrors.rating ? <p className="kk-field__error">{rateErrors.rating}</p> : null}
          </fieldset>
          <TextArea label={t('track.comment')} rows={3} maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} error={rateErrors.comment ?? null} />
          <FormError>{rate.error && !Object.keys(rateErrors).length ? rate.error.message : null}</FormError>
          <Button type="submit" loading={rate.isPending} disabled={rating < 1}>
            {t('track.sendRating')}
          </Button>
        </form>
      ) : null}
      {data.canReopen ? (
        <div className="lk-reopen">
          <p>
            {t('track.reopenText')} {data.reopenUntil ? t('track.reopenUntil', { date: dateText(data.reopenUntil, { variant: 'long', language }) }) : ''}
          </p>
          {reopenOpen ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                reopen.mutate();
              }}
            >
              <TextArea label={t('track.reopenReason')} required rows={3} minLength={10} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} error={reopenErrors.reason ?? null} hint={t('track.reopenHint')} />
              <FormError>{reopen.error && !Object.keys(reopenErrors).length ? reopen.error.message : null}</FormError>
              <div className="lk-row">
                <Button type="submit" variant="danger" loading={reopen.isPending}>
                  {t('track.reopenSend')}
                </Button>
                <Button variant="secondary" onClick={() => setReopenOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setReopenOpen(true)}>
              {t('track.reopen')}
            </Button>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** "Data pribadi saya": what LAKSA keeps about the reporter, why, and the way to have it deleted (UU PDP 27/2022). */
function PersonalData({ data, token }: { data: TrackView; token: string }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const forget = useMutation({
    mutationFn: () => answer(api.track[':token']['forget-contact'].$post({ param: { token } })),
    onSuccess: (next) => {
      queryClient.setQueryData(['laksa', 'track', token], next);
      setConfirming(false);
      setDone(true);
    },
  });
  const fields = data.contactFields.map((field) => t(`track.privacy.field.${field}`)).join(', ');
  return (
    <section className="kk-card lk-privacy" aria-labelledby="lk-privacy-title">
      <h2 id="lk-privacy-title" className="kk-card__title">
        {t('track.privacy.title')}
      </h2>
      {done ? (
        <p className="lk-note lk-note--ok" role="status">
          {t('track.privacy.done')}
        </p>
      ) : null}
      {data.contactFields.length > 0 ? (
        <>
          <p>{t('track.privacy.stored', { fields, anonymous: data.anonymous ? t('track.privacy.anonymous') : '' })}</p>
          <p className="lk-small">{t('track.privacy.rights')}</p>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('track.privacy.delete')}
          </Button>
        </>
      ) : data.contactDeleted && data.contactDeletedAt ? (
        <p>{t('track.privacy.deleted', { date: dateText(data.contactDeletedAt, { variant: 'long', language }) })}</p>
      ) : (
        <p>{t('track.privacy.none')}</p>
      )}
      <ConfirmDialog
        open={confirming}
        destructive
        title={t('track.privacy.confirmTitle')}
        confirmLabel={t('track.privacy.confirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => forget.mutateAsync()}
      >
        <p>{t('track.privacy.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
