import { ApiError, Badge, Button, ErrorState, Icon, Link, Loading, Navigate, PageHeader, useParams, useQuery, useSession } from '@kota-kit/core/client';
import { useState } from 'react';
import { type OfficerAction, type OfficerActionView, type OfficerReport } from '../schemas.js';
import { api, data as answer } from './api.js';
import { ActionDialog } from './officer-action-dialog.js';
import { base, DateText, DayText, Fact, PhotoGrid, StageBadge, StatusText, LaksaNav, Timeline, useCategoryName, useT } from './shared.js';

/** The button's words: a forward of a report an agency already holds moves it to another agency. */
function useActionLabel(report: OfficerReport) {
  const t = useT();
  return (action: OfficerAction) => (action === 'forward' && report.status !== 'verified' ? t('officerFlow.button.reroute') : t(`officerFlow.button.${action}`));
}

/**
 * The officer's buttons as the server lists them (its transition table decides which actions this officer may
 * take and which one is the next step): the next step big and first, the others smaller, nothing the officer
 * cannot do.
 */
function ActionBar({ report, onOpen }: { report: OfficerReport; onOpen: (action: OfficerAction) => void }) {
  const t = useT();
  const label = useActionLabel(report);
  const primary = report.actions.find((entry) => entry.primary);
  const others = report.actions.filter((entry) => !entry.primary);
  const finished = ['resolved', 'closed', 'rejected', 'duplicate'].includes(report.status);
  const button = (entry: OfficerActionView) => (
    <Button key={entry.action} variant={entry.primary ? 'primary' : entry.action === 'reject' ? 'danger' : 'secondary'} className={entry.primary ? 'lk-next-step__button' : undefined} onClick={() => onOpen(entry.action)}>
      {label(entry.action)}
    </Button>
  );
  return (
    <section aria-labelledby="lk-actions-title" className="lk-officer-actions">
      <h2 id="lk-actions-title" className="kk-visually-hidden">
        {t('officer.actions')}
      </h2>
      {primary ? (
        <div className="lk-next-step">{button(primary)}</div>
      ) : (
        <p className="lk-next-step__none">{finished ? t('officerFlow.noNextStepFinished') : t('officerFlow.noNextStep', { agency: report.agency?.shortName ?? '—' })}</p>
      )}
      {others.length > 0 ? (
        <div className="lk-row" role="group" aria-label={t('officerFlow.moreActions')}>
          {others.map(button)}
        </div>
      ) : null}
    </section>
  );
}

export default function OfficerReportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user, isLoading } = useSession();
  const categoryName = useCategoryName();
  const report = useQuery({
    queryKey: ['laksa', 'officer-report', id],
    queryFn: () => answer(api.inbox[':id'].$get({ param: { id } })),
    enabled: Boolean(user),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const [open, setOpen] = useState<OfficerAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (isLoading) return <Loading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(`${base}/petugas/${id}`)}`} replace />;
  if (report.isPending)
    return (
      <div className="lk-page">
        <LaksaNav />
        <Loading />
      </div>
    );
  if (report.isError)
    return (
      <div className="lk-page">
        <LaksaNav />
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      </div>
    );
  const data = report.data;
  return (
    <div className="lk-page">
      <LaksaNav />
      <p>
        <Link to={`${base}/petugas`}>
          <Icon name="arrow-left" /> {t('officer.back')}
        </Link>
      </p>
      <PageHeader title={data.title} />
      {data.overdue ? (
        <p className="lk-overdue-flag">
          <Icon name="warning" /> {t(`officerFlow.overdue.${data.deadline ?? 'agency'}`)}
        </p>
      ) : null}
      <div className="lk-detail-head">
        <p className="lk-ticket-inline lk-ticket-inline--big">{data.ticket}</p>
        <StageBadge stage={data.stage} />
        {data.confidential ? <Badge tone="info">{t('visibility.confidential')}</Badge> : null}
        {data.anonymous ? <Badge tone="neutral">{t('visibility.anonymous')}</Badge> : null}
      </div>
      {done ? (
        <p className="lk-note lk-note--ok" role="status">
          {done}
        </p>
      ) : null}
      <ActionBar report={data} onOpen={setOpen} />
      <dl className="lk-facts">
        <Fact label={t('detail.status')}>
          <StatusText status={data.status} />
        </Fact>
        <Fact label={t('detail.type')}>{t(`type.${data.type}`)}</Fact>
        <Fact label={t('detail.category')}>{categoryName(data.category)}</Fact>
        <Fact label={t('detail.agency')}>{data.agency?.shortName}</Fact>
        <Fact label={t('officer.assignee')}>{data.assignee?.name ?? t('officer.unassigned')}</Fact>
        <Fact label={t('inbox.due.verification')}>{data.verificationDueDate ? <DayText value={data.verificationDueDate} /> : null}</Fact>
        <Fact label={t('inbox.due.agency')}>{data.agencyDueDate ? <DayText value={data.agencyDueDate} /> : null}</Fact>
        <Fact label={t('detail.location')}>
          {[data.address, data.kelurahan, data.kecamatan].filter(Boolean).join(', ')}
          {data.lat !== null && data.lng !== null ? ` (${data.lat.toFixed(5)}, ${data.lng.toFixed(5)})` : ''}
        </Fact>
        <Fact label={t('detail.created')}>
          <DateText value={data.createdAt} withTime />
        </Fact>
        <Fact label={t('detail.supporters')}>{String(data.supporters)}</Fact>
        <Fact label={t('officer.source')}>{data.source === 'open311' ? 'Open311' : t('officer.sourceWeb')}</Fact>
        <Fact label={t('detail.duplicateOf')}>{data.duplicateOf}</Fact>
        <Fact label={t('officer.rejectReason')}>{data.rejectReason ? t(`reject.${data.rejectReason}`) : null}</Fact>
        <Fact label={t('officer.rating')}>{data.rating ? `${data.rating} ★${data.ratingComment ? ` — “${data.ratingComment}”` : ''}` : null}</Fact>
      </dl>
      <section className="kk-card" aria-labelledby="lk-reporter-title">
        <h2 id="lk-reporter-title" className="kk-card__title">
          {t('officer.reporter')}
        </h2>
        {data.anonymous ? (
          <p>
            <strong>{t('visibility.anonymous')}</strong> — {t('officer.anonymousText')}
          </p>
        ) : data.reporter ? (
          <dl className="lk-facts">
            <Fact label={t('form.name')}>{data.reporter.name}</Fact>
            <Fact label={t('form.email')}>{data.reporter.email}</Fact>
            <Fact label={t('form.phone')}>{data.reporter.phone}</Fact>
            <Fact label={t('form.nik')}>{data.reporter.nik}</Fact>
          </dl>
        ) : (
          <p>{t('officer.noContact')}</p>
        )}
        <p className="lk-small">{t('officer.maskedNote')}</p>
      </section>
      <section aria-labelledby="lk-desc-title">
        <h2 id="lk-desc-title" className="lk-section-title">
          {t('detail.description')}
        </h2>
        <p className="lk-pre">{data.description}</p>
        <PhotoGrid photos={data.photos} label={t('photos.report')} />
      </section>
      <section aria-labelledby="lk-timeline-title">
        <h2 id="lk-timeline-title" className="lk-section-title">
          {t('timeline.titleOfficer')}
        </h2>
        <Timeline entries={data.timeline} officer />
      </section>
      {open ? (
        <ActionDialog
          action={open}
          report={data}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            setDone(message);
          }}
        />
      ) : null}
    </div>
  );
}
