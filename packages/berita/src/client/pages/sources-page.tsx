import { useState } from 'react';
import { Badge, Button, Card, data, DateText, ErrorState, FormError, Loading, PageHeader, SelectField, TextField, useApiForm, useQuery, useQueryClient } from '@kota-kit/core/client';
import { sourceInputSchema, type Source } from '../../schemas/collector.js';
import { api } from '../api.js';
import { BeritaNav, useBeritaOptions } from '../shared.js';
import { useT } from '../translations/index.js';

/** The newsroom editor's sources: status of each (last success, last error, items), on/off, fetch now; items to hide or pin. */
export default function SourcesPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const { categories } = useBeritaOptions();
  const sources = useQuery({ queryKey: ['berita', 'sources'], queryFn: () => data(api.newsroom.sources.$get()) });
  const items = useQuery({ queryKey: ['berita', 'items'], queryFn: () => data(api.newsroom.items.$get({ query: {} })) });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['berita'] });
  const run = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await work();
      await refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  const form = useApiForm({
    initial: { name: '', url: '', category: categories[0]?.slug ?? '', enabled: true },
    schema: sourceInputSchema,
    submit: (json) => data(api.newsroom.sources.$post({ json })),
    onSuccess: () => {
      form.reset();
      void refresh();
    },
  });
  const toggle = (source: Source) => run(`toggle-${source.id}`, () => data(api.newsroom.sources[':id'].$put({ param: { id: String(source.id) }, json: { name: source.name, url: source.url, category: source.category, enabled: !source.enabled } })));

  return (
    <>
      <PageHeader title={t('sources.title')} description={t('sources.description')} />
      <BeritaNav />
      <FormError>{error}</FormError>
      {sources.isPending && <Loading />}
      {sources.isError && <ErrorState error={sources.error} onRetry={() => void sources.refetch()} />}
      {sources.data?.sources.map((source) => (
        <Card key={source.id} title={source.name} headingLevel={2}>
          <p className="bt-item__meta">
            <Badge tone={source.enabled ? 'success' : 'neutral'}>{source.enabled ? t('sources.on') : t('sources.off')}</Badge> {t('sources.items', { count: source.itemCount })} · <span className="bt-url">{source.url}</span>
          </p>
          <dl className="bt-status">
            <dt>{t('sources.lastSuccess')}</dt>
            <dd>{source.lastSuccessAt ? <DateText value={source.lastSuccessAt} withTime /> : t('sources.never')}</dd>
            {source.lastError && (
              <>
                <dt>{t('sources.lastError')}</dt>
                <dd className="bt-error">
                  {source.lastErrorAt && <DateText value={source.lastErrorAt} withTime />}: {source.lastError}
                </dd>
              </>
            )}
          </dl>
          <div className="bt-actions">
            <Button variant="secondary" loading={busy === `fetch-${source.id}`} aria-label={t('sources.fetchNamed', { action: t('sources.fetch'), name: source.name })} onClick={() => void run(`fetch-${source.id}`, () => data(api.newsroom.sources[':id'].fetch.$post({ param: { id: String(source.id) } })))}>
              {t('sources.fetch')}
            </Button>
            <Button variant="secondary" loading={busy === `toggle-${source.id}`} aria-label={t('sources.fetchNamed', { action: source.enabled ? t('sources.turnOff') : t('sources.turnOn'), name: source.name })} onClick={() => void toggle(source)}>
              {source.enabled ? t('sources.turnOff') : t('sources.turnOn')}
            </Button>
          </div>
        </Card>
      ))}
      <Card title={t('sources.add')}>
        <form onSubmit={form.onSubmit} noValidate>
          <FormError>{form.formError}</FormError>
          <TextField label={t('sources.name')} {...form.field('name')} />
          <TextField label={t('sources.url')} type="url" inputMode="url" {...form.field('url')} />
          <SelectField label={t('sources.category')} {...form.field('category')} options={categories.map((category) => ({ value: category.slug, label: category.name.id }))} />
          <Button type="submit" loading={form.submitting}>
            {t('sources.add')}
          </Button>
        </form>
      </Card>
      <h2>{t('sources.collected')}</h2>
      {items.data && (
        <ul className="bt-collected" aria-label={t('sources.itemsLabel')}>
          {items.data.items.map((item) => (
            <li key={item.id} className={item.hidden ? 'bt-collected--hidden' : undefined}>
              <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                {item.title}
              </a>
              <p className="bt-item__meta">
                {item.pinned && <Badge tone="info">{t('list.pinned')}</Badge>} {item.hidden && <Badge>{t('sources.hidden')}</Badge>} {item.sourceName} · <DateText value={item.publishedAt} />
              </p>
              <div className="bt-actions">
                <Button variant="secondary" loading={busy === `hide-${item.id}`} onClick={() => void run(`hide-${item.id}`, () => data(api.newsroom.items[':id'].$patch({ param: { id: String(item.id) }, json: { hidden: !item.hidden } })))}>
                  {item.hidden ? t('sources.show') : t('sources.hide')}
                </Button>
                <Button variant="secondary" loading={busy === `pin-${item.id}`} onClick={() => void run(`pin-${item.id}`, () => data(api.newsroom.items[':id'].$patch({ param: { id: String(item.id) }, json: { pinned: !item.pinned } })))}>
                  {item.pinned ? t('sources.unpin') : t('sources.pin')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
