import { useState } from 'react';
import { Button, Card, data, DateText, ErrorState, FormError, Link, Loading, PageHeader, TextArea, TextField, useParams, useQuery, useQueryClient } from '@kota-kit/core/client';
import type { ArticleAction, NewsroomArticle } from '../../schemas/articles.js';
import { api } from '../api.js';
import { BeritaNav, StatusBadge } from '../shared.js';
import { useT } from '../translations/index.js';

/** One article in the newsroom: preview, workflow actions (with the reviewer's comment), history, corrections. */
export default function NewsroomArticlePage() {
  const t = useT();
  const { id = '' } = useParams();
  const article = useQuery({ queryKey: ['berita', 'newsroom', 'article', id], queryFn: () => data(api.newsroom.articles[':id'].$get({ param: { id } })) });
  if (article.isPending) return <Loading />;
  if (article.isError) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  const value = article.data;
  return (
    <>
      <PageHeader title={value.title} description={<StatusBadge status={value.status} />} />
      <BeritaNav />
      <p className="bt-links">
        <Link to="/berita/redaksi">{t('detail.back')}</Link>
        {value.canEdit && <Link to={`/berita/redaksi/artikel/${value.id}/ubah`}>{t('detail.edit')}</Link>}
        <Link to={`/berita/redaksi/artikel/${value.id}/revisi`}>{t('detail.revisions', { count: value.revision })}</Link>
        {value.status === 'published' && <Link to={`/berita/${value.slug}`}>{t('detail.view')}</Link>}
      </p>
      <Actions article={value} />
      {value.canCorrect && <Correction article={value} />}
      <Card title={t('detail.preview')}>
        {value.image && <img className="bt-preview-image" src={value.image.url} srcSet={value.image.srcset} sizes="100vw" alt={value.image.alt} width={value.image.width} height={value.image.height} />}
        <p className="bt-article__summary">{value.summary}</p>
        <div className="bt-body" dangerouslySetInnerHTML={{ __html: value.bodyHtml }} />
      </Card>
      <Card title={t('detail.history')}>
        <ol className="bt-history">
          {[...value.events].reverse().map((event, index) => (
            <li key={index}>
              <DateText value={event.at} withTime /> — <strong>{event.actorName}</strong> {t(`events.${event.action as 'create'}`)}
              {event.comment && event.action !== 'schedule' && <q>{event.comment}</q>}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

/** Local date-time for the schedule field ("2026-12-01T08:00"), from now + 1 hour. */
const inAnHour = () => {
  const date = new Date(Date.now() + 3_600_000);
  date.setMinutes(0, 0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function Actions({ article }: { article: NewsroomArticle }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [at, setAt] = useState(inAnHour);
  const [busy, setBusy] = useState<ArticleAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!article.allowedActions.length && !done) return null;
  const run = async (action: ArticleAction) => {
    setBusy(action);
    setError(null);
    try {
      const json = { action, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(action === 'schedule' ? { at: new Date(at).toISOString() } : {}) };
      const next = await data(api.newsroom.articles[':id'].actions.$post({ param: { id: String(article.id) }, json }));
      queryClient.setQueryData(['berita', 'newsroom', 'article', String(article.id)], next);
      await queryClient.invalidateQueries({ queryKey: ['berita'] });
      setComment('');
      setDone(t('detail.done', { status: t(`status.${next.status}`) }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  const editorActions = article.allowedActions.some((action) => action !== 'submit');
  return (
    <Card title={t(`status.${article.status}`)}>
      <FormError>{error}</FormError>
      {done && <p role="status">{done}</p>}
      {editorActions && <TextArea label={t('detail.comment')} hint={t('detail.commentHint')} value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />}
      {article.allowedActions.includes('schedule') && <TextField label={t('detail.scheduleAt')} type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />}
      <div className="bt-actions">
        {article.allowedActions.map((action) => (
          <Button key={action} variant={action === 'request-changes' || action === 'unschedule' ? 'secondary' : 'primary'} loading={busy === action} onClick={() => void run(action)}>
            {t(`actions.${action}`)}
          </Button>
        ))}
      </div>
    </Card>
  );
}

function Correction({ article }: { article: NewsroomArticle }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await data(api.newsroom.articles[':id'].corrections.$post({ param: { id: String(article.id) }, json: { text } }));
      queryClient.setQueryData(['berita', 'newsroom', 'article', String(article.id)], next);
      await queryClient.invalidateQueries({ queryKey: ['berita', 'article'] });
      setText('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('detail.correction')}>
      <FormError>{error}</FormError>
      {article.corrections.length > 0 && (
        <ul className="bt-history">
          {article.corrections.map((correction) => (
            <li key={correction.id}>
              <DateText value={correction.at} withTime />: {correction.text}
            </li>
          ))}
        </ul>
      )}
      <TextArea label={t('detail.correctionText')} hint={t('detail.correctionHint')} value={text} onChange={(event) => setText(event.target.value)} rows={3} />
      <Button variant="secondary" loading={busy} onClick={() => void add()}>
        {t('detail.addCorrection')}
      </Button>
    </Card>
  );
}
