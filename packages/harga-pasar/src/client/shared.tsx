import { Link, NavLink, PageHeader, useBootstrap, useLanguage, useModuleOptions, useModuleTranslation, useSession } from '@kota-kit/core/client';
import { todayIn } from '@kota-kit/core';
import type { ReactNode } from 'react';
import type { PriceChange } from '../index.js';
import type { Unit } from '../schemas/common.js';
import { describeChange } from './change.js';
import { longDate } from './dates.js';
import { officerRoles } from './roles.js';

export const moduleId = 'harga-pasar';
export const base = '/harga-pasar';

/** The options the server sends to the browser (see `publicOptions` in the server half). */
export interface PublicOptions {
  markets: { id: string; name: string; kecamatan: string; address: string; lat: number; lng: number }[];
  commodities: { id: string; name: string; group: string; variant?: string; unit: Unit }[];
  publishMode: 'supervisor' | 'automatic';
  changeWarningPercent: number;
}

export function useT() {
  return useModuleTranslation(moduleId).t;
}

export function useOptions(): PublicOptions {
  return useModuleOptions<PublicOptions>(moduleId);
}

/** Today in the region's time zone (YYYY-MM-DD). */
export function useToday(): string {
  return todayIn(useBootstrap().region.timeZone);
}

export { useOnline } from '@kota-kit/core/client';

export function useRoles() {
  const { user } = useSession();
  return officerRoles(user);
}

/** The module's own tabs; officer pages only for the roles that use them. */
export function SubNav() {
  const t = useT();
  const roles = useRoles();
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t('subnav.board'), end: true },
    { to: `${base}/pasar`, label: t('subnav.markets') },
  ];
  if (roles.enumerator) links.push({ to: `${base}/entri`, label: t('subnav.entry') });
  if (roles.supervisor) links.push({ to: `${base}/publikasi`, label: t('subnav.publish') });
  if (roles.enumerator || roles.supervisor) links.push({ to: `${base}/peringatan`, label: t('subnav.alerts') });
  if (roles.supervisor) links.push({ to: `${base}/pengaturan`, label: t('subnav.settings') });
  return (
    <nav className="hp-subnav" aria-label={t('subnav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A change as arrow + signed amount + signed percent, coloured, with text for screen readers. */
export function ChangeText({ change, label, compact = false }: { change: Pick<PriceChange, 'amount' | 'percent'> | null; label?: string; compact?: boolean }) {
  const t = useT();
  const language = useLanguage();
  if (!change) return <span className="hp-same">{t('change.none')}</span>;
  const view = describeChange(change, language);
  const word = t(`change.${view.direction}`);
  return (
    <span className={`hp-change ${view.className}`}>
      <span aria-hidden="true">{view.arrow} </span>
      <span className="kk-visually-hidden">{word} </span>
      {view.direction === 'same' ? t('change.sameShort') : compact ? view.percent : `${view.amount} (${view.percent})`}
      {label ? <span className="hp-change__label"> {label}</span> : null}
    </span>
  );
}

/** "Harga per Senin, 30 November 2026", with notes when the data is not today's or the phone is offline. */
export function DataDate({ date, today, online, requested }: { date: string; today: string; online: boolean; requested?: string }) {
  const t = useT();
  const language = useLanguage();
  const notes: ReactNode[] = [];
  if (!online) notes.push(<p key="offline" className="hp-note hp-note--offline" role="status">{t('offline.note', { date: longDate(date, language) })}</p>);
  if (requested && requested < today && date === requested) {
    // A past date the visitor asked for: say so, but it is not "stale".
  } else if (date < (requested ?? today)) {
    notes.push(
      <p key="old" className="hp-note hp-note--old">
        {t('board.olderNote', { requested: longDate(requested ?? today, language), date: longDate(date, language) })}
      </p>,
    );
  }
  return (
    <div className="hp-datadate">
      <p className="hp-datadate__line">
        {t('board.pricesOf')} <time dateTime={date}>{longDate(date, language)}</time>
      </p>
      {notes}
    </div>
  );
}

export function OfflineBanner({ online }: { online: boolean }) {
  const t = useT();
  if (online) return null;
  return (
    <p className="hp-note hp-note--offline" role="status">
      {t('offline.short')}
    </p>
  );
}

export function unitLabel(t: (key: string) => string, unit: string): string {
  return t(`units.${unit}`);
}

/** The address, with the kecamatan added only when the address does not already name it. */
export function placeOf(market: { address: string; kecamatan: string }, t: (key: string, options?: Record<string, unknown>) => string): string {
  return market.address.toLowerCase().includes(market.kecamatan.toLowerCase()) ? market.address : `${market.address} · ${t('markets.kecamatan', { name: market.kecamatan })}`;
}

/** What an officer page shows to a visitor who is not signed in, or to an account without the role. */
export function OfficerNotice({ signedIn, path }: { signedIn: boolean; path: string }) {
  const t = useT();
  if (signedIn) return <p role="alert">{t('officer.noRole')}</p>;
  return (
    <p>
      {t('officer.signIn')} <Link to={`/login?next=${encodeURIComponent(`${base}/${path}`)}`}>{t('officer.signInLink')}</Link>
    </p>
  );
}

/** An officer page the signed-in user may not open: the module's tabs, the page title and the notice. */
export function OfficerOnlyPage({ title, signedIn, path }: { title: string; signedIn: boolean; path: string }) {
  return (
    <div className="hp-page">
      <SubNav />
      <PageHeader title={title} />
      <OfficerNotice signedIn={signedIn} path={path} />
    </div>
  );
}
