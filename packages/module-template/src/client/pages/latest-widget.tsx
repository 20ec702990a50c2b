import { Card, data, Link, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

/** Home-screen widget: the three newest notices. */
export default function LatestNoticesWidget() {
  const t = useT();
  const notices = useQuery({ queryKey: ['module-template', 'notices', 1], queryFn: () => data(api.notices.$get({ query: {} })) });
  if (!notices.data?.notices.length) return null;
  return (
    <Card title={t('widget.title')}>
      <ul className="mt-widget">
        {notices.data.notices.slice(0, 3).map((notice) => (
          <li key={notice.id}>{notice.title}</li>
        ))}
      </ul>
      <Link to="/module-template">{t('widget.all')}</Link>
    </Card>
  );
}
