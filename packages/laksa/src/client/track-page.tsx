import { ApiError, Button, ConfirmDialog, dateText, ErrorState, FormError, Link, Loading, PageHeader, TextArea, useMutation, useParams, useQuery, useLanguage, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import type { TrackView } from '../schemas.js';
import { api, data as answer } from './api.js';
import { AgencyName, Explain, PlainStatus } from './citizen.js';
import { base, DateText, DayText, Fact, PhotoGrid, LaksaNav, Timeline, useCategoryName, useT } from './shared.js';

/** How the page reaches the report: the private tracking token, or the signed-in account and the ticket. */
type Access = { kind: 'token'; token: string } | { kind: 'account'; ticket: string };

const queryKeyOf = (access: Access) => (access.kind === 'token' ? ['laksa', 'track', access.token] : ['laksa', 'mine', 'report', access.ticket]);

/**
 * The reporter's private page (`/laksa/lacak/:token`, `/laksa/track/:token` as the server links it, and
 * `/laksa/saya/:ticket` for a report of the signed-in account): the agency's answer first, then the rating.
 */
export default function TrackPage() {
  const t = useT();
  const { token, ticket } = useParams();
  const access: Access = ticket ? { kind: 'account', ticket } : { kind: 'token', token: token ?? '' };
  const categoryName = useCategoryName();
  const view = useQuery({
    queryKey: queryKeyOf(access),
    queryFn: () =>
      access.kind === 'token' ? answer(api.track[':token'].$get({ param: { token: access.token } })) : answer(api.mine[':ticket'].$get({ param: { ticket: access.ticket } })),
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
        <TrackContent data={view.data} access={access} categoryName={categoryName} />
      )}
    </div>
  );
}

function TrackContent({ data, access, categoryName }: { data: TrackView; access: Access; categoryName: (id: string) => string }) {
  const t = useT();
  const language = useLanguage();
  const report = data.report;
  const token = access.kind === 'token' ? access.token : undefined;
  const [justRated, setJustRated] = useState(false);
  return (
    <>
      <PageHeader title={report.title} description={access.kind === 'token' ? t('track.private') : undefined} />
      <div className="lk-detail-head">
        <PlainStatus status={report.status} overdue={report.overdue} />
        <span className="lk-ticket-small">{t('citizen.ticket', { ticket: report.ticket })}</span>
      </div>

      <Answer data={data} token={token} />

      {report.stage === 'green' && data.autoCloseOn && report.status === 'resolved' ? (
        <p className="lk-note">{t('track.autoClose', { date: dateText(data.autoCloseOn, { variant: 'long', language }) })}</p>
      ) : null}
      {data.canRate ? <RatingForm access={access} onRated={() => setJustRated(true)} /> : report.rating ? <SentRating data={data} justRated={justRated} /> : null}
      {data.canReopen && access.kind === 'token' ? <Reopen data={data} token={access.token} /> : null}

      {data.following ? (
        <section className="kk-card lk-following" aria-labelledby="lk-following-title">
          <h2 id="lk-following-title" className="kk-card__title">
            {t('track.followingTitle', { ticket: data.following.ticket })}
          </h2>
          <p>{t('track.followingText')}</p>
          <p className="lk-detail-head">
            <PlainStatus status={data.following.status} />
          </p>
          {data.following.title ? <p className="lk-strong">{data.following.title}</p> : null}
          {data.following.public ? (
            <p>
              <Link className="lk-link-box" to={`${base}/laporan/${data.following.ticket}`}>
                {t('track.followingOpen')}
              </Link>
            </p>
          ) : null}
          <Timeline entries={data.following.timeline} />
        </section>
      ) : null}

      <section aria-labelledby="lk-details-title" className="lk-details">
        <h2 id="lk-details-title" className="lk-section-title">
          {t('citizen.answer.details')}
        </h2>
        <dl className="lk-facts">
          <Fact label={t('detail.category')}>{categoryName(report.category)}</Fact>
          <Fact label={t('detail.agency')}>{report.agency ? <AgencyName agency={report.agency} /> : null}</Fact>
          <Fact label={t('detail.due')}>
            {report.dueDate ? (
              <>
                <DayText value={report.dueDate} />
                {report.overdue ? <strong className="lk-overdue"> · {t('citizen.late')}</strong> : null}
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
        <div className="lk-explains">
          <Explain term="ticket" />
          {report.dueDate ? <Explain term="due" /> : null}
          {report.status === 'submitted' ? <Explain term="verify" /> : null}
        </div>
        {!data.confidential && report.status !== 'submitted' && report.status !== 'rejected' ? (
          <p>
            <Link className="lk-link-box" to={`${base}/laporan/${report.ticket}`}>
              {t('track.publicPage')}
            </Link>
          </p>
        ) : null}
      </section>

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
        {/* The answers' words and photos are at the top of the page: here only when they came. */}
        <Timeline entries={report.timeline.map((entry) => (isAnswer(entry) ? { ...entry, note: null, photos: [] } : entry))} token={token} />
      </section>
      {access.kind === 'token' ? <PersonalData data={data} token={access.token} /> : <p className="lk-note">{t('citizen.answer.accountNote')}</p>}
    </>
  );
}

const isAnswer = (entry: TrackView['report']['timeline'][number]) => entry.kind === 'response' || entry.kind === 'progress';

/** The agency's official answer and its progress news, newest first, at the top of the page; or what happens next. */
function Answer({ data, token }: { data: TrackView; token?: string }) {
  const t = useT();
  const language = useLanguage();
  const report = data.report;
  const answers = report.timeline.filter(isAnswer).reverse();
  const waiting =
    report.status === 'submitted' || report.status === 'verified'
      ? t('citizen.answer.checking')
      : report.status === 'rejected'
        ? t('citizen.answer.rejected')
        : report.dueDate
          ? t('citizen.answer.none', { date: dateText(report.dueDate, { variant: 'long', language }) })
          : t('citizen.answer.noneYet');
  return (
    <section className="kk-card lk-answer" aria-labelledby="lk-answer-title">
      <h2 id="lk-answer-title" className="kk-card__title">
        {t('citizen.answer.title')}
      </h2>
      {answers.length === 0 ? (
        <p>{waiting}</p>
      ) : (
        <ol className="lk-answer__list">
          {answers.map((entry) => (
            <li key={entry.id} className={`lk-answer__item lk-answer__item--${entry.kind}`}>
              <p className="lk-answer__head">
                <strong>{entry.kind === 'response' ? t('timeline.kind.response') : t('citizen.answer.progress')}</strong>
                <span className="lk-small">
                  {entry.agency ? <>{t('citizen.answer.from', { agency: entry.agency.shortName })} · </> : null}
                  <DateText value={entry.at} withTime />
                </span>
              </p>
              {entry.note ? <p className="lk-pre lk-answer__text">{entry.note}</p> : null}
              <PhotoGrid photos={entry.photos} token={token} label={t('photos.resolution')} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The rating once sent: folded to one line, no form (a second rating is refused by the server anyway). */
function SentRating({ data, justRated }: { data: TrackView; justRated: boolean }) {
  const t = useT();
  const rating = data.report.rating ?? 0;
  return (
    <section className="kk-card lk-rating-sent" aria-labelledby="lk-rating-title">
      <h2 id="lk-rating-title" className="kk-card__title">
        {t('citizen.answer.ratingTitle')}
      </h2>
      {justRated ? (
        <p className="lk-note lk-note--ok" role="status">
          {t('track.rated')}
        </p>
      ) : null}
      <p>
        <span aria-hidden="true" className="lk-stars-shown">
          {'★'.repeat(rating)}
          {'☆'.repeat(Math.max(0, 5 - rating))}
        </span>{' '}
        {t('citizen.answer.rated', { rating })}
      </p>
      {data.ratingComment ? <p className="lk-pre lk-muted">“{data.ratingComment}”</p> : null}
    </section>
  );
}

function RatingForm({ access, onRated }: { access: Access; onRated: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<number>(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => {
      const json = { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      return access.kind === 'token'
        ? answer(api.track[':token'].rating.$post({ param: { token: access.token }, json }))
        : answer(api.mine[':ticket'].rating.$post({ param: { ticket: access.ticket }, json }));
    },
    onSuccess: (next) => {
      onRated();
      queryClient.setQueryData(queryKeyOf(access), next);
    },
    onError: (error) => {
      // Rated already (another tab, a reload while sending): show what was stored.
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: queryKeyOf(access) });
    },
  });
  const rateErrors = rate.error instanceof ApiError ? rate.error.fieldErrors : {};
  return (
    <section className="kk-card lk-feedback" aria-labelledby="lk-feedback-title">
      <h2 id="lk-feedback-title" className="kk-card__title">
        {t('track.feedbackTitle')}
      </h2>
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
    </section>
  );
}

function Reopen({ data, token }: { data: TrackView; token: string }) {
  const t = useT();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const reopen = useMutation({
    mutationFn: () => answer(api.track[':token'].reopen.$post({ param: { token }, json: { reason: reason.trim() } })),
    onSuccess: (next) => {
      queryClient.setQueryData(['laksa', 'track', token], next);
      setOpen(false);
      setMessage(t('track.reopened'));
    },
  });
  const reopenErrors = reopen.error instanceof ApiError ? reopen.error.fieldErrors : {};
  return (
    <section className="kk-card lk-reopen" aria-label={t('track.reopen')}>
      {message ? (
        <p className="lk-note lk-note--ok" role="status">
          {message}
        </p>
      ) : null}
      <p>
        {t('track.reopenText')} {data.reopenUntil ? t('track.reopenUntil', { date: dateText(data.reopenUntil, { variant: 'long', language }) }) : ''}
      </p>
      {open ? (
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
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('track.reopen')}
        </Button>
      )}
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
