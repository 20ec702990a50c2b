/** The seeker's applications with their stage (the interview's date and place), and withdrawing one. */
import { Badge, Button, ConfirmDialog, data, DateText, EmptyState, ErrorState, Link, Loading, PageHeader, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import type { ApplicationStage, MyApplication } from '../../schemas/index.js';
import { api } from '../api.js';
import { PencakerNav, useDateTime } from '../components/shared.js';
import { useT } from '../translations/index.js';

const tone: Record<ApplicationStage, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  received: 'neutral',
  shortlisted: 'info',
  interview: 'warning',
  hired: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export default function ApplicationsPage() {
  const t = useT();
  const dateTime = useDateTime();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['pencaker', 'applications'], queryFn: () => data(api.me.applications.$get()) });
  const [withdrawing, setWithdrawing] = useState<MyApplication | null>(null);
  return (
    <>
      <PageHeader title={t('applications.title')} />
      <PencakerNav />
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('applications.empty')} action={<Link to="/pencaker">{t('menu.search')}</Link>} />
        ) : (
          <ul className="pk-list" aria-label={t('applications.list')}>
            {list.data.items.map((item) => (
              <li key={item.id} className="pk-application">
                <h2 className="pk-vacancy__title">
                  <Link to={`/pencaker/lowongan/${item.vacancyId}`}>{item.vacancyTitle}</Link>
                </h2>
                <p className="pk-vacancy__employer">{item.employerName}</p>
                <p>
                  <Badge tone={tone[item.stage]}>{t(`vocab.stage.${item.stage}`)}</Badge>
                </p>
                {item.stage === 'interview' && item.interview && (
                  <p className="pk-interview">
                    {t('applications.interview', { place: item.interview.place, at: dateTime(item.interview.at) })}
                  </p>
                )}
                <p className="pk-meta">
                  {t('applications.appliedAt')} <DateText value={item.appliedAt} />
                </p>
                {['received', 'shortlisted', 'interview'].includes(item.stage) && (
                  <Button variant="secondary" onClick={() => setWithdrawing(item)}>
                    {t('applications.withdraw')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <ConfirmDialog
        open={withdrawing !== null}
        destructive
        title={t('applications.withdrawTitle')}
        confirmLabel={t('applications.withdraw')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={async () => {
          await data(api.me.applications[':id'].withdraw.$post({ param: { id: String(withdrawing!.id) } }));
          setWithdrawing(null);
          await queryClient.invalidateQueries({ queryKey: ['pencaker', 'applications'] });
        }}
      >
        {withdrawing && t('applications.withdrawBody', { title: withdrawing.vacancyTitle })}
      </ConfirmDialog>
    </>
  );
}
