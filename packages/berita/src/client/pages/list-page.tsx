import { useState } from 'react';
import { data, ErrorState, Loading, PageHeader, PagedList, SearchForm, SubNav, useParams, useQuery, useSearchParams } from '@kota-kit/core/client';
import { api } from '../api.js';
import { BeritaNav, NewsItem, useBeritaOptions } from '../shared.js';
import { useT } from '../translations/index.js';

/** The public list: all news, a category's or a tag's, with a search in Indonesian. */
export default function ListPage() {
  const t = useT();
  const { category, tag } = useParams();
  const { categories } = useBeritaOptions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('halaman') ?? '1') || 1);
  const [text, setText] = useState(q);
  const list = useQuery({
    queryKey: ['berita', 'articles', { category, tag, q, page }],
    queryFn: () => data(api.articles.$get({ query: { page: String(page), ...(category ? { category } : {}), ...(tag ? { tag } : {}), ...(q ? { q } : {}) } })),
  });
  const current = categories.find((item) => item.slug === category);
  const title = current ? t('list.categoryTitle', { name: current.name.id }) : tag ? t('list.tagTitle', { tag }) : t('list.title');
  const search = () => {
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const feedBase = category ? `/berita/kategori/${category}` : '/berita';

  return (
    <>
      <PageHeader title={title} />
      <BeritaNav />
      <SearchForm label={t('list.search')} button={t('list.searchButton')} value={text} onChange={setText} onSubmit={search} />
      {/* One row that scrolls sideways on a phone (core's SubNav), not three rows of chips above the news. */}
      <SubNav label={t('list.categories')} links={categories.map((item) => ({ to: `/berita/kategori/${item.slug}`, label: item.name.id, current: item.slug === category }))} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <PagedList
          label={t('list.label')}
          items={list.data.items}
          itemKey={(item) => `${item.kind}-${item.id}`}
          empty={q ? t('list.searchEmpty', { q }) : t('list.empty')}
          page={list.data.page}
          totalPages={list.data.pages}
          onPage={(next) => setParams({ ...(q ? { q } : {}), halaman: String(next) })}
          renderItem={(item) => <NewsItem item={item} />}
        />
      )}
      <p className="bt-feeds">
        <a href={`${feedBase}/rss.xml`} type="application/rss+xml">
          {t('list.feeds')}
        </a>
      </p>
    </>
  );
}
