/** The officers' inbox in pieces: tabs by what the officer must do (with counts) and one compact row per report. */
import { localDate } from '@kota-kit/core/client';
import { formatDate, Icon, Link, useBootstrap, useLanguage, useToday } from '@kota-kit/core/client';
import type { InboxItem, InboxTab, InboxTabs } from '../schemas.js';
import { base, useT } from './shared.js';

/** Whole days from one calendar date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The tabs as links (the tab is kept in the address, so a tab can be reloaded and shared), each with the number
 * of reports waiting; "Selesai" has no count.
 */
export function InboxTabBar({ tabs, current, href }: { tabs: InboxTabs['tabs']; current: InboxTab | null; href: (tab: InboxTab) => string }) {
  const t = useT();
  return (
    <nav className="lk-tabs" aria-label={t('officerFlow.tabs.label')}>
      <ul className="lk-tabs__list">
        {tabs.map(({ tab, count }) => {
          const label = t(`officerFlow.tabs.${tab}`);
          return (
            <li key={tab}>
              <Link
                to={href(tab)}
                replace
                className={`lk-tabs__tab${tab === current ? ' lk-tabs__tab--current' : ''}${tab === 'overdue' && count ? ' lk-tabs__tab--alert' : ''}`}
                aria-current={tab === current ? 'page' : undefined}
              >
                {count === null ? label : t('officerFlow.tabs.withCount', { label, count })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * One report in three short lines: the title (the whole row opens it); one plain status, kecamatan and age;
 * the running deadline — in red, saying which deadline, once it has passed — and the ticket.
 */
export function InboxRow({ item }: { item: InboxItem }) {
  const t = useT();
  const today = useToday();
  const language = useLanguage();
  const { timeZone } = useBootstrap().region;
  const age = Math.max(0, daysBetween(localDate(new Date(item.createdAt), timeZone), today));
  return (
    <article className={`lk-inbox-row${item.overdue ? ' lk-inbox-row--overdue' : ''}`}>
      <h3 className="lk-inbox-row__title">
        <Link to={`${base}/petugas/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="lk-inbox-row__meta">
        <span className="lk-status">{t(`officerFlow.status.${item.status}`)}</span>
        {item.agency && item.deadline === 'agency' ? ` · ${item.agency.shortName}` : ''} · {item.kecamatan ?? t('officerFlow.noKecamatan')} ·{' '}
        {age === 0 ? t('officerFlow.age.today') : t('officerFlow.age.days', { count: age })}
      </p>
      <p className="lk-inbox-row__status">
        {item.overdue && item.deadline ? (
          <strong className="lk-inbox-row__late">
            <Icon name="warning" /> {t(`officerFlow.overdue.${item.deadline}`)}
          </strong>
        ) : item.dueDate ? (
          <span className="lk-inbox-row__due">{t('officerFlow.dueShort', { date: formatDate(`${item.dueDate}T00:00:00Z`, { language, day: 'numeric', month: 'short', timeZone: 'UTC' }) })}</span>
        ) : (
          <span />
        )}
        <span className="lk-ticket-inline">{item.ticket}</span>
      </p>
    </article>
  );
}
