import { ApiError, Button, ErrorState, Loading, TextField, useMutation, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import { api, data, type ApiData } from './api.js';
import { DateText, useT } from './shared.js';

type CreatedKey = ApiData<Awaited<ReturnType<typeof api['open311-keys']['$post']>>>;

/** Verifiers and admins: the keys third-party Open311 clients send. A new key is shown once. */
export function Open311Keys() {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const keys = useQuery({ queryKey: ['laksa', 'open311-keys'], queryFn: () => data(api['open311-keys'].$get()) });
  const create = useMutation({
    mutationFn: () => data(api['open311-keys'].$post({ json: { name: name.trim() } })),
    onSuccess: (key) => {
      setCreated(key);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['laksa', 'open311-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => data(api['open311-keys'][':id'].$delete({ param: { id } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['laksa', 'open311-keys'] }),
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <section className="kk-card lk-keys" aria-labelledby="lk-keys-title">
      <h2 id="lk-keys-title" className="kk-card__title">
        {t('keys.title')}
      </h2>
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
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField label={t('keys.name')} hint={t('keys.nameHint')} value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name ?? (create.error && !fieldErrors.name ? create.error.message : null)} maxLength={100} />
        <Button type="submit" variant="secondary" loading={create.isPending}>
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
                <Button
                  variant="danger"
                  loading={revoke.isPending && revoke.variables === key.id}
                  onClick={() => {
                    if (window.confirm(t('keys.revokeConfirm', { name: key.name }))) revoke.mutate(key.id);
                  }}
                >
                  {t('keys.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
