import { Button, Card, ConfirmDialog, ErrorState, FormError, Loading, TextField, useApiForm, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import { open311KeyCreateSchema, type Open311Key } from '../schemas.js';
import { api, data, type ApiData } from './api.js';
import { DateText, useT } from './shared.js';

type CreatedKey = ApiData<Awaited<ReturnType<typeof api['open311-keys']['$post']>>>;

/** Verifiers and admins: the keys third-party Open311 clients send. A new key is shown once. */
export function Open311Keys() {
  const t = useT();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<Open311Key | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['laksa', 'open311-keys'] });
  const keys = useQuery({ queryKey: ['laksa', 'open311-keys'], queryFn: () => data(api['open311-keys'].$get()) });
  // Checked with the server's own schema; the server's field errors land on the field.
  const form = useApiForm({
    initial: { name: '' },
    schema: open311KeyCreateSchema,
    submit: (json) => data(api['open311-keys'].$post({ json })),
    onSuccess: (key) => {
      setCreated(key);
      form.reset();
      void refresh();
    },
  });
  return (
    <Card title={t('keys.title')} className="lk-keys">
      <p className="lk-small">{t('keys.hint')}</p>
      {created ? (
        <div className="lk-save-note" role="status">
          <p>
            <strong>{t('keys.createdTitle', { name: created.name })}</strong>
          </p>
          <p>{t('keys.createdText')}</p>
          <p className="lk-key">
            <code>{created.key}</code>
          </p>
          <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.key).catch(() => undefined)}>
            {t('done.copy')}
          </Button>{' '}
          <Button variant="secondary" onClick={() => setCreated(null)}>
            {t('keys.hide')}
          </Button>
        </div>
      ) : null}
      <form onSubmit={form.onSubmit} noValidate>
        <FormError>{form.formError}</FormError>
        <TextField label={t('keys.name')} hint={t('keys.nameHint')} {...form.field('name')} maxLength={100} />
        <Button type="submit" variant="secondary" loading={form.submitting}>
          {t('keys.create')}
        </Button>
      </form>
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.keys.length === 0 ? (
        <p className="lk-muted">{t('keys.none')}</p>
      ) : (
        <ul className="lk-keys__list">
          {keys.data.keys.map((key) => (
            <li key={key.id} className={key.revokedAt ? 'lk-keys__item lk-keys__item--revoked' : 'lk-keys__item'}>
              <p>
                <strong>{key.name}</strong> <code>{key.prefix}…</code>
              </p>
              <p className="lk-small">
                {t('keys.created')} <DateText value={key.createdAt} />
                {key.createdBy ? ` · ${key.createdBy}` : ''} · {key.lastUsedAt ? <>{t('keys.lastUsed')} <DateText value={key.lastUsedAt} /></> : t('keys.neverUsed')}
              </p>
              {key.revokedAt ? (
                <p className="lk-small">
                  <strong>{t('keys.revoked')}</strong> <DateText value={key.revokedAt} />
                </p>
              ) : (
                <Button variant="danger" onClick={() => setRevoking(key)}>
                  {t('keys.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        destructive
        title={t('keys.revokeTitle')}
        confirmLabel={t('keys.revoke')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          await data(api['open311-keys'][':id'].$delete({ param: { id: revoking!.id } }));
          setRevoking(null);
          await refresh();
        }}
      >
        <p>{revoking ? t('keys.revokeConfirm', { name: revoking.name }) : null}</p>
      </ConfirmDialog>
    </Card>
  );
}
