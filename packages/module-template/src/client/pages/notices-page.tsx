import { useState } from 'react';
import { Button, ConfirmDialog, data, DateText, ErrorState, Loading, PageHeader, PagedList, useBootstrap, useModuleOptions, useQuery, useQueryClient, useSession } from '@kota-kit/core/client';
import type { PublicOptionsOf } from '@kota-kit/core/server';
import type { publicOptions } from '../../server/index.js';
import { api } from '../api.js';
import { useT } from '../translations/index.js';
import { NoticeForm } from './notice-form.js';

export default function NoticesPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [withdrawing, setWithdrawing] = useState<{ id: number; title: string } | null>(null);
  const queryClient = useQueryClient();
  const session = useSession();
  const { region } = useBootstrap();
  const { maxLength } = useModuleOptions<PublicOptionsOf<typeof publicOptions>>('module-template');
  const notices = useQuery({ queryKey: ['module-template', 'notices', page], queryFn: () => data(api.notices.$get({ query: { page: String(page) } })) });
  // Which agencies' notices this user may write; the server checks again on every call.
  const { user } = session;
  const editorAgencies = region.agencies.filter(
    (agency) => user?.kind === 'admin' || user?.roles.some((role) => role.module === 'module-template' && role.role === 'editor' && (role.agencyId === null || role.agencyId === agency.id)),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['module-template', 'notices'] });

  return (
    <>
      <PageHeader title={t('list.title')} />
      {editorAgencies.length > 0 && <NoticeForm agencies={editorAgencies} maxLength={maxLength} onPublished={refresh} />}
      {notices.isPending && <Loading />}
      {notices.isError && <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />}
      {notices.data && (
        <PagedList
          label={t('list.label')}
          items={notices.data.notices}
          itemKey={(notice) => notice.id}
          empty={t('list.empty')}
          page={notices.data.page}
          totalPages={notices.data.pages}
          onPage={setPage}
          renderItem={(notice) => (
            <article className="mt-notice">
              <h2>{notice.title}</h2>
              <p className="mt-notice-meta">
                {region.agencies.find((agency) => agency.id === notice.agencyId)?.shortName ?? notice.agencyId} · <DateText value={notice.publishedAt} />
              </p>
              <p>{notice.body}</p>
              {editorAgencies.some((agency) => agency.id === notice.agencyId) && (
                <Button variant="secondary" onClick={() => setWithdrawing(notice)}>
                  {t('list.withdraw')}
                </Button>
              )}
            </article>
          )}
        />
      )}
      <ConfirmDialog
        open={withdrawing !== null}
        destructive
        title={t('list.withdrawTitle')}
        confirmLabel={t('list.withdraw')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={async () => {
          await data(api.notices[':id'].$delete({ param: { id: String(withdrawing!.id) } }));
          setWithdrawing(null);
          await refresh();
        }}
      >
        {withdrawing && t('list.withdrawBody', { title: withdrawing.title })}
      </ConfirmDialog>
    </>
  );
}
