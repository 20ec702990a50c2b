/** Pieces the berita pages share: the options the server shares, the sub-navigation, a list item, roles. */
import { Badge, DateText, Link, SubNav, useModuleOptions, useModuleRoles } from '@kota-kit/core/client';
import type { PublicOptionsOf } from '@kota-kit/core/server';
import type { ListItem } from '../schemas/articles.js';
import type { ArticleStatus } from '../schemas/statuses.js';
import type { publicOptions } from '../server/index.js';
import { useT } from './translations/index.js';

export const useBeritaOptions = () => useModuleOptions<PublicOptionsOf<typeof publicOptions>>('berita');
export const useNewsroomRoles = () => useModuleRoles('berita', ['writer', 'editor'] as const);

export function BeritaNav() {
  const t = useT();
  const roles = useNewsroomRoles();
  const officer = roles.writer || roles.editor;
  return (
    <SubNav
      label={t('menu.label')}
      links={[
        { to: '/berita', label: t('menu.all'), end: true },
        { to: '/berita/redaksi', label: t('menu.newsroom'), hidden: !officer, end: true },
        { to: '/berita/redaksi/sumber', label: t('menu.sources'), hidden: !roles.editor },
      ]}
    />
  );
}

const tones: Record<ArticleStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = { draft: 'neutral', review: 'info', changes: 'warning', approved: 'info', scheduled: 'info', published: 'success' };
export function StatusBadge({ status }: { status: ArticleStatus }) {
  const t = useT();
  return <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>;
}

/** One entry of the public list: the newsroom's article opens here; a collected item links out to its source. */
export function NewsItem({ item, headingLevel = 2 }: { item: ListItem; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = `h${headingLevel}` as 'h2';
  const external = item.kind === 'collected';
  const title = external ? (
    <a href={item.href} rel="noopener noreferrer nofollow" target="_blank" aria-describedby={`bt-src-${item.kind}-${item.id}`}>
      {item.title}
    </a>
  ) : (
    <Link to={item.href}>{item.title}</Link>
  );
  return (
    <article className="bt-item">
      {item.image && item.image.srcset && <img className="bt-item__image" src={item.image.url} srcSet={item.image.srcset} sizes="96px" alt="" width={96} height={54} loading="lazy" decoding="async" />}
      <div className="bt-item__text">
        <Heading className="bt-item__title">{title}</Heading>
        <p className="bt-item__meta">
          {item.pinned && <Badge tone="info">{t('list.pinned')}</Badge>} <span id={`bt-src-${item.kind}-${item.id}`}>{external ? t('list.external', { source: item.sourceName }) : item.sourceName}</span> · <DateText value={item.publishedAt} />
          {item.readingMinutes !== null && <> · {t('list.readingTime', { count: item.readingMinutes })}</>}
        </p>
        <p className="bt-item__summary">{item.summary}</p>
      </div>
    </article>
  );
}
