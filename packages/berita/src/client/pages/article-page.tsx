import { useEffect, useState } from 'react';
import { ApiError, Button, Icon, data, DateText, EmptyState, ErrorState, Link, Loading, useBootstrap, useParams, useQuery } from '@kota-kit/core/client';
import type { PublicArticle } from '../../schemas/articles.js';
import { api } from '../api.js';
import { NewsItem } from '../shared.js';
import { useT } from '../translations/index.js';

/** An article as readers see it; once opened it is kept by the service worker and reads offline. */
export default function ArticlePage() {
  const t = useT();
  const { slug = '' } = useParams();
  const article = useQuery({ queryKey: ['berita', 'article', slug], queryFn: () => data(api.articles[':slug'].$get({ param: { slug } })), retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2 });
  if (article.isPending) return <Loading />;
  if (article.isError) {
    if (article.error instanceof ApiError && article.error.status === 404) {
      return <EmptyState title={t('article.notFound')} description={t('article.notFoundBody')} action={<Link to="/berita">{t('article.back')}</Link>} />;
    }
    return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  }
  return <Article article={article.data} />;
}

function Article({ article }: { article: PublicArticle }) {
  const t = useT();
  useEffect(() => {
    document.title = article.title;
  }, [article.title]);
  return (
    <article className="bt-article" lang="id">
      <p className="bt-article__section">
        <Link to={`/berita/kategori/${article.category.slug}`}>{article.category.name}</Link>
      </p>
      <h1 className="bt-article__title">{article.title}</h1>
      <p className="bt-article__summary">{article.summary}</p>
      <p className="bt-article__meta">
        {t('article.by', { author: article.authorName, agency: article.agency.name })}
        <br />
        {t('article.published')} <DateText value={article.publishedAt} withTime /> · {t('article.readingTime', { count: article.readingMinutes })}
      </p>
      {article.image && (
        <figure className="bt-figure">
          <img src={article.image.url} srcSet={article.image.srcset} sizes="(max-width: 720px) 100vw, 720px" width={article.image.width} height={article.image.height} alt={article.image.alt} decoding="async" />
          {(article.image.caption || article.image.credit) && (
            <figcaption>
              {article.image.caption} {article.image.credit && <span className="bt-figure__credit">{t('article.credit', { credit: article.image.credit })}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {article.corrections.length > 0 && (
        <aside className="bt-corrections" aria-labelledby="bt-corrections-title">
          <h2 id="bt-corrections-title">{t('article.corrections')}</h2>
          <ul>
            {article.corrections.map((correction) => (
              <li key={correction.id}>
                <strong>
                  <DateText value={correction.at} withTime />
                </strong>
                : {correction.text}
              </li>
            ))}
          </ul>
        </aside>
      )}
      {/* Sanitised on the server with an allow-list when it was saved: never the browser's HTML as it was sent. */}
      <div className="bt-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.tags.length > 0 && (
        <nav className="bt-chips" aria-label={t('article.tags')}>
          <ul>
            {article.tags.map((tag) => (
              <li key={tag}>
                <Link to={`/berita/tag/${encodeURIComponent(tag)}`}>#{tag}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Share title={article.title} path={`/berita/${article.slug}`} />
      {article.related.length > 0 && (
        <section className="bt-related" aria-labelledby="bt-related-title">
          <h2 id="bt-related-title">{t('article.related')}</h2>
          {article.related.map((item) => (
            <NewsItem key={item.id} item={item} headingLevel={3} />
          ))}
        </section>
      )}
    </article>
  );
}

/** The Web Share API where the phone has it; a WhatsApp link always (the most used way to share here). */
function Share({ title, path }: { title: string; path: string }) {
  const t = useT();
  const { region } = useBootstrap();
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator !== 'undefined' && typeof navigator.share === 'function'), []);
  const url = `${window.location.origin}${path}`;
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(`${title} — ${region.appName}\n${url}`)}`;
  return (
    <div className="bt-share">
      {canShare && (
        <Button variant="secondary" onClick={() => void navigator.share({ title, url }).catch(() => undefined)}>
          {t('article.share')}
        </Button>
      )}
      <a className="bt-share__whatsapp" href={whatsapp} target="_blank" rel="noopener noreferrer">
        <Icon name="whatsapp" aria-hidden="true" /> {t('article.shareWhatsApp')}
      </a>
    </div>
  );
}
