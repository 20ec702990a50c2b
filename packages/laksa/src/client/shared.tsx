import { Badge, Button, formatDate, NavLink, useLanguage, useModuleOptions, useModuleTranslation, useSession, type SessionUser } from '@kota-kit/core/client';
import type { ReactNode } from 'react';
import type { LocalizedText, OfficerTimelineEntry, Photo, ReportStatus, ReportType, Stage, TimelineEntry } from '../schemas.js';
import { stageView, statusLabelKey } from './logic.js';

export const moduleId = 'laksa';
export const base = '/laksa';

/** The options the server sends to the browser (`publicOptions` in the server half). */
export interface PublicOptions {
  categories: { id: string; name: LocalizedText; description?: LocalizedText; agency: string; deadlineWorkingDays: number; types: ReportType[] }[];
  kecamatan: string[];
  verifierAgency: string;
  verifyWithinWorkingDays: number;
  reopenWithinWorkingDays: number;
  autoCloseAfterWorkingDays: number;
  maxPhotos: number;
  maxPhotoBytes: number;
  askNik: boolean;
}

export function useT() {
  return useModuleTranslation(moduleId).t;
}

export function useOptions(): PublicOptions {
  return useModuleOptions<PublicOptions>(moduleId);
}

/** The category's name in the current language (its id when the region no longer lists it). */
export function useCategoryName(): (id: string) => string {
  const options = useOptions();
  const language = useLanguage();
  return (id) => options.categories.find((category) => category.id === id)?.name[language] ?? id;
}

export { useOnline } from '@kota-kit/core/client';

export interface OfficerRoles {
  verifier: boolean;
  handler: boolean;
  admin: boolean;
}

/** The LAKSA roles of the signed-in user; region admins hold both. The server checks again on every call. */
export function officerRoles(user: Pick<SessionUser, 'kind' | 'roles'> | null | undefined): OfficerRoles {
  if (!user) return { verifier: false, handler: false, admin: false };
  if (user.kind === 'admin') return { verifier: true, handler: true, admin: true };
  const has = (role: string) => user.roles.some((grant) => grant.module === moduleId && grant.role === role);
  return { verifier: has('verifier'), handler: has('handler'), admin: false };
}

export function useRoles() {
  const { user } = useSession();
  return officerRoles(user);
}

/** The module's own tabs; the officers' inbox only for officers. */
export function SubNav() {
  const t = useT();
  const roles = useRoles();
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t('subnav.home'), end: true },
    { to: `${base}/lapor`, label: t('subnav.report') },
    { to: `${base}/statistik`, label: t('subnav.stats') },
  ];
  if (roles.verifier || roles.handler) links.push({ to: `${base}/petugas`, label: t('subnav.inbox') });
  return (
    <nav className="lk-subnav" aria-label={t('subnav.label')}>
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

/** The colour stage as a labelled badge with a symbol: never colour alone. */
export function StageBadge({ stage }: { stage: Stage }) {
  const t = useT();
  const view = stageView(stage);
  return (
    <span className={`lk-stage lk-stage--${stage}`}>
      <Badge tone={view.tone}>
        <span aria-hidden="true" className="lk-stage__symbol">
          {view.symbol}
        </span>{' '}
        {t(view.labelKey)}
      </Badge>
    </span>
  );
}

export function StatusText({ status }: { status: ReportStatus }) {
  const t = useT();
  return <span className="lk-status">{t(statusLabelKey(status))}</span>;
}

export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const language = useLanguage();
  const text = withTime ? formatDate(value, { language, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : formatDate(value, { language, day: 'numeric', month: 'short', year: 'numeric' });
  return <time dateTime={value}>{text}</time>;
}

/** A YYYY-MM-DD date (deadlines) in words, read in the region's calendar. */
export function dayText(value: string, language: 'id' | 'en'): string {
  return formatDate(`${value}T12:00:00Z`, { language, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
}

export function DayText({ value }: { value: string }) {
  const language = useLanguage();
  return <time dateTime={value}>{dayText(value, language)}</time>;
}

/** Photos as small links to the full image. `token` lets the reporter see the photos of a confidential report. */
export function PhotoGrid({ photos, token, label }: { photos: Photo[]; token?: string; label: string }) {
  const t = useT();
  if (photos.length === 0) return null;
  return (
    <ul className="lk-photos" aria-label={label}>
      {photos.map((photo, index) => {
        const url = token ? `${photo.url}?token=${encodeURIComponent(token)}` : photo.url;
        return (
          <li key={photo.id}>
            <a href={url} target="_blank" rel="noreferrer">
              <img src={url} alt={t(photo.kind === 'resolution' ? 'photos.resolutionAlt' : 'photos.reportAlt', { n: index + 1 })} loading="lazy" width={photo.width ?? undefined} height={photo.height ?? undefined} />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The timeline, newest last; every note is text (never HTML). Officers also get internal notes and names. */
export function Timeline({ entries, token, officer = false }: { entries: (TimelineEntry | OfficerTimelineEntry)[]; token?: string; officer?: boolean }) {
  const t = useT();
  // A person's words as written; what the system noted is a code, translated here.
  const noteOf = (entry: Pick<TimelineEntry, 'note' | 'code' | 'params'>) => (entry.code ? t(`timeline.code.${entry.code}`, { ...entry.params, interpolation: { escapeValue: false } }) : entry.note);
  if (entries.length === 0) return <p className="lk-muted">{t('timeline.empty')}</p>;
  return (
    <ol className="lk-timeline">
      {entries.map((entry) => {
        const internal = 'internal' in entry && entry.internal;
        const actorName = 'actorName' in entry ? entry.actorName : null;
        return (
          <li key={entry.id} className={`lk-timeline__item lk-timeline__item--${entry.kind}${internal ? ' lk-timeline__item--internal' : ''}`}>
            <p className="lk-timeline__head">
              <strong>{t(`timeline.kind.${entry.kind}`, { status: t(statusLabelKey(entry.status)) })}</strong>
              {internal ? (
                <>
                  {' '}
                  <Badge tone="info">{t('timeline.internal')}</Badge>
                </>
              ) : null}
            </p>
            <p className="lk-timeline__meta">
              <DateText value={entry.at} withTime /> · {t(`actor.${entry.actor}`)}
              {entry.agency ? ` (${entry.agency.shortName})` : ''}
              {officer && actorName ? ` · ${actorName}` : ''}
            </p>
            {entry.note || entry.code ? <p className="lk-timeline__note">{noteOf(entry)}</p> : null}
            <PhotoGrid photos={entry.photos} token={token} label={t('photos.resolution')} />
          </li>
        );
      })}
    </ol>
  );
}

/** A definition list row that is skipped when empty. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="lk-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Previous / next page buttons under a paged list; nothing when everything fits on one page. */
export function Paging({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  const t = useT();
  if (totalPages <= 1) return null;
  return (
    <nav className="lk-paging" aria-label={t('list.paging')}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('list.prev')}
      </Button>
      <span>{t('list.pageOf', { page, total: totalPages })}</span>
      <Button variant="secondary" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        {t('list.next')}
      </Button>
    </nav>
  );
}
