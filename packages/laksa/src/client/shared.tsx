import { Badge, DateText, SubNav, useBootstrap, useLanguage, useModuleOptions, useModuleRoles, useSession } from '@kota-kit/core/client';
import type { ReactNode } from 'react';
import { isNoteCode } from '../vocabulary.js';
import type { LocalizedText, OfficerTimelineEntry, Photo, ReportStatus, ReportType, Stage, TimelineEntry } from '../schemas.js';
import { stageView, statusLabelKey } from './logic.js';
import { useT } from './translations/index.js';

export const moduleId = 'laksa';
export const base = '/laksa';

/** The options the server sends to the browser (`publicOptions` in the server half). */
export interface PublicOptions {
  categories: { id: string; name: LocalizedText; description?: LocalizedText; agency: string; deadlineWorkingDays: number; types: ReportType[] }[];
  /** Only when the region set the option; otherwise the region's geography gives the list (see `useKecamatan`). */
  kecamatan?: string[];
  verifierAgency: string;
  verifyWithinWorkingDays: number;
  reopenWithinWorkingDays: number;
  autoCloseAfterWorkingDays: number;
  maxPhotos: number;
  maxPhotoBytes: number;
  askNik: boolean;
}

export function useOptions(): PublicOptions {
  return useModuleOptions<PublicOptions>(moduleId);
}

/**
 * The region's kecamatan: LAKSA's `kecamatan` option when set, else the names in the region's geography, else
 * none (the form then takes any kecamatan as typed). The server resolves the same way (`kecamatanNames`).
 */
export function useKecamatan(): readonly string[] {
  const options = useOptions();
  const { geography } = useBootstrap().region;
  return options.kecamatan ?? geography?.kecamatan.map((kecamatan) => kecamatan.name) ?? [];
}

/** The category's name in the current language (its id when the region no longer lists it). */
export function useCategoryName(): (id: string) => string {
  const options = useOptions();
  const language = useLanguage();
  return (id) => options.categories.find((category) => category.id === id)?.name[language] ?? id;
}

export { useOnline } from '@kota-kit/core/client';
export { DateText, useT };

/** The LAKSA roles of the signed-in user (region admins hold both, and manage Open311 keys). The server checks again. */
export function useRoles(): { verifier: boolean; handler: boolean; admin: boolean } {
  const roles = useModuleRoles(moduleId, ['verifier', 'handler']);
  const { user } = useSession();
  return { ...roles, admin: user?.kind === 'admin' };
}

/** The module's own tabs; the officers' inbox only for officers. */
export function LaksaNav() {
  const t = useT();
  const roles = useRoles();
  return (
    <SubNav
      label={t('subnav.label')}
      links={[
        { to: base, label: t('subnav.home'), icon: 'list', end: true },
        { to: `${base}/lapor`, label: t('subnav.report'), icon: 'report' },
        { to: `${base}/saya`, label: t('citizen.mine.title'), icon: 'user' },
        { to: `${base}/statistik`, label: t('subnav.stats'), icon: 'chart' },
        { to: `${base}/petugas`, label: t('subnav.inbox'), icon: 'user', hidden: !roles.verifier && !roles.handler },
      ]}
    />
  );
}

/** A YYYY-MM-DD date (deadlines) in words: "Senin, 30 November 2026". */
export function DayText({ value }: { value: string }) {
  return <DateText value={value} variant="long" />;
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
  const noteOf = ({ note, code, params }: Pick<TimelineEntry, 'note' | 'code' | 'params'>) => {
    if (!code) return note;
    // A code this version does not know (written by a newer one) is shown as it is.
    if (!isNoteCode(code)) return code;
    // Each code's parameters were written with it by the server (services/notes.ts); missing ones show empty.
    const values = { dueDate: '', days: '', ticket: '', name: '', ...params };
    return t(`timeline.code.${code}`, values);
  };
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
