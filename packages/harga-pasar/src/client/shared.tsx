import { dateText, DateText, Icon, Link, PageHeader, SubNav, useLanguage, useModuleOptions, useModuleRoles } from '@kota-kit/core/client';
import type { ReactNode } from 'react';
import type { PriceChange } from '../index.js';
import type { Unit } from '../schemas/common.js';
import { describeChange } from './change.js';
import { useT, type T } from './translations/index.js';

export { useT, type T };
export { useOnline, useToday } from '@kota-kit/core/client';

export const moduleId = 'harga-pasar';
export const base = '/harga-pasar';

/** The options the server sends to the browser (see `publicOptions` in the server half). */
export interface PublicOptions {
  markets: { id: string; name: string; kecamatan: string; address: string; lat: number; lng: number }[];
  commodities: { id: string; name: string; group: string; variant?: string; unit: Unit }[];
  publishMode: 'supervisor' | 'automatic';
  changeWarningPercent: number;
}

export function useOptions(): PublicOptions {
  return useModuleOptions<PublicOptions>(moduleId);
}

/** Harga pasar's officer roles (admins hold both); for showing pages only, the server checks again on every call. */
export const officerRoleNames = ['enumerator', 'supervisor'] as const;

export function useRoles() {
  return useModuleRoles(moduleId, officerRoleNames);
}

/** The module's own tabs; officer pages only for the roles that use them. */
export function HargaPasarNav() {
  const t = useT();
  const roles = useRoles();
  const officer = roles.enumerator || roles.supervisor;
  return (
    <SubNav
      label={t('subnav.label')}
      links={[
        { to: base, label: t('subnav.board'), end: true },
        { to: `${base}/pasar`, label: t('subnav.markets') },
        { to: `${base}/entri`, label: t('subnav.entry'), hidden: !roles.enumerator },
        { to: `${base}/publikasi`, label: t('subnav.publish'), hidden: !roles.supervisor },
        { to: `${base}/peringatan`, label: t('subnav.alerts'), hidden: !officer },
        { to: `${base}/pengaturan`, label: t('subnav.settings'), hidden: !roles.supervisor },
      ]}
    />
  );
}

/** A change as arrow + signed amount + signed percent, coloured, with text for screen readers. */
export function ChangeText({ change, label, compact = false }: { change: Pick<PriceChange, 'amount' | 'percent'> | null; label?: string; compact?: boolean }) {
  const t = useT();
  const language = useLanguage();
  if (!change) return <span className="hp-same">{t('change.none')}</span>;
  const view = describeChange(change, language);
  return (
    <span className={`hp-change ${view.className}`}>
      <span aria-hidden="true">{view.arrow} </span>
      <span className="kk-visually-hidden">{t(`change.${view.direction}`)} </span>
      {view.direction === 'same' ? t('change.sameShort') : compact ? view.percent : `${view.amount} (${view.percent})`}
      {label ? <span className="hp-change__label"> {label}</span> : null}
    </span>
  );
}

/** "Harga per Senin, 30 November 2026", with notes when the data is not today's or the phone is offline. */
export function DataDate({ date, today, online, requested }: { date: string; today: string; online: boolean; requested?: string }) {
  const t = useT();
  const language = useLanguage();
  const long = (value: string) => dateText(value, { variant: 'long', language });
  const notes: ReactNode[] = [];
  if (!online) notes.push(<p key="offline" className="hp-note hp-note--offline" role="status">{t('offline.note', { date: long(date) })}</p>);
  if (requested && requested < today && date === requested) {
    // A past date the visitor asked for: say so, but it is not "stale".
  } else if (date < (requested ?? today)) {
    notes.push(
      <p key="old" className="hp-note hp-note--old">
        {requested ? t('board.olderNote', { requested: dateText(requested, { language }), date: dateText(date, { language }) }) : t('board.olderToday')}
      </p>,
    );
  }
  return (
    <div className="hp-datadate">
      <PricesOf date={date} className="hp-datadate__line" />
      {notes}
    </div>
  );
}

/** "Harga per Senin, 30 November 2026": the date the prices shown are from. */
export function PricesOf({ date, className, children }: { date: string; className?: string; children?: ReactNode }) {
  const t = useT();
  return (
    <p className={className}>
      {t('board.pricesOf')} <DateText value={date} variant="long" />
      {children}
    </p>
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

export function unitLabel(t: T, unit: Unit): string {
  return t(`units.${unit}`);
}

/** The address, with the kecamatan added only when the address does not already name it. */
export function placeOf(market: { address: string; kecamatan: string }, t: T): string {
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
      <HargaPasarNav />
      <PageHeader title={title} />
      <OfficerNotice signedIn={signedIn} path={path} />
    </div>
  );
}

/** "← Semua harga": back to a list page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="hp-back">
      <Link to={to}>
        <Icon name="arrow-left" /> {children}
      </Link>
    </p>
  );
}
