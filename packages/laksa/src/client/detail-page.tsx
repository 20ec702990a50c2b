import { ApiError, Button, ErrorState, Icon, Loading, PageHeader, useMutation, useParams, useQuery, useQueryClient } from '@kota-kit/core/client';
import type { PublicReportDetail } from '../schemas.js';
import { api, data } from './api.js';
import { ReportPointMap } from './city-map.js';
import { AgencyName, Explain, PlainStatus } from './citizen.js';
import { DateText, DayText, Fact, PhotoGrid, LaksaNav, Timeline, useCategoryName, useT } from './shared.js';

/** The public page of a public report, with its public timeline and "me too". */
export default function DetailPage() {
  const t = useT();
  const { ticket = '' } = useParams();
  const categoryName = useCategoryName();
  const queryClient = useQueryClient();
  const key = ['laksa', 'report', ticket];
  const detail = useQuery({
    queryKey: key,
    queryFn: () => data(api.reports[':ticket'].$get({ param: { ticket } })),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const support = useMutation({
    mutationFn: () => data(api.reports[':ticket'].support.$post({ param: { ticket } })),
    onSuccess: (result) => queryClient.setQueryData<PublicReportDetail>(key, (current) => (current ? { ...current, supporters: result.supporters } : current)),
  });
  if (detail.isPending)
    return (
      <div className="lk-page">
        <LaksaNav />
        <Loading label={t('detail.loading')} />
      </div>
    );
  if (detail.isError)
    return (
      <div className="lk-page">
        <LaksaNav />
        <ErrorState title={detail.error instanceof ApiError && detail.error.status === 404 ? t('detail.notFound') : undefined} error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  const report = detail.data;
  const done = report.stage === 'green' || report.stage === 'rejected' || report.stage === 'duplicate';
  return (
    <div className="lk-page">
      <LaksaNav />
      <PageHeader title={report.title} />
      <div className="lk-detail-head">
        <PlainStatus status={report.status} overdue={report.overdue} />
        <span className="lk-ticket-small">{t('citizen.ticket', { ticket: report.ticket })}</span>
      </div>
      <dl className="lk-facts">
        <Fact label={t('detail.type')}>{t(`type.${report.type}`)}</Fact>
        <Fact label={t('detail.category')}>{categoryName(report.category)}</Fact>
        <Fact label={t('detail.agency')}>{report.agency ? <AgencyName agency={report.agency} /> : null}</Fact>
        <Fact label={t('detail.location')}>{[report.address, report.kelurahan, report.kecamatan].filter(Boolean).join(', ')}</Fact>
        <Fact label={t('detail.due')}>
          {report.dueDate ? (
            <>
              <DayText value={report.dueDate} />
              {report.overdue ? <strong className="lk-overdue"> · {t('citizen.late')}</strong> : null}
            </>
          ) : null}
        </Fact>
        <Fact label={t('detail.created')}>
          <DateText value={report.createdAt} />
        </Fact>
        <Fact label={t('detail.duplicateOf')}>{report.duplicateOf}</Fact>
      </dl>
      <ReportPointMap report={report} />
      <div className="lk-explains">
        <Explain term="ticket" />
        {report.dueDate ? <Explain term="due" /> : null}
        <Explain term="support" />
      </div>
      <div className="lk-support">
        {report.supporters > 0 ? (
          <p className="lk-support__count" aria-live="polite">
            <Icon name="user" /> {t('list.supporters', { count: report.supporters })}
          </p>
        ) : null}
        {!done ? (
          support.data ? (
            <p className="lk-note lk-note--ok" role="status">
              {support.data.alreadySupported ? t('detail.alreadySupported') : t('detail.supported')}
            </p>
          ) : (
            <>
              <Button onClick={() => support.mutate()} loading={support.isPending}>
                {t('detail.support')}
              </Button>
              <p className="lk-small">{t('detail.supportHint')}</p>
              {support.error ? (
                <p className="kk-field__error" role="alert">
                  {support.error.message}
                </p>
              ) : null}
            </>
          )
        ) : null}
      </div>
      <section aria-labelledby="lk-desc-title">
        <h2 id="lk-desc-title" className="lk-section-title">
          {t('detail.description')}
        </h2>
        <p className="lk-pre">{report.description}</p>
        <PhotoGrid photos={report.photos} label={t('photos.report')} />
      </section>
      <section aria-labelledby="lk-timeline-title">
        <h2 id="lk-timeline-title" className="lk-section-title">
          {t('timeline.title')}
        </h2>
        <Timeline entries={report.timeline} />
      </section>
    </div>
  );
}
