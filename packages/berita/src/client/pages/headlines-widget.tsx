import { Card, data, Link, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

/** Home-screen widget: the four newest headlines of the newsroom. */
export default function HeadlinesWidget() {
  const t = useT();
  const list = useQuery({ queryKey: ['berita', 'articles', { widget: true }], queryFn: () => data(api.articles.$get({ query: { collected: 'false' } })) });
  if (!list.data?.items.length) return null;
  return (
    <Card title={t('widget.title')}>
      <ul className="bt-widget">
        {list.data.items.slice(0, 4).map((item) => (
          <li key={item.id}>
            <Link to={item.href}>{item.title}</Link>
          </li>
        ))}
      </ul>
      <Link className="kk-more-link" to="/berita">{t('widget.all')}</Link>
    </Card>
  );
}
