/** Pieces the pages share: who the user is here, the module's sub-navigation, a vacancy in a list, money. */
import { Badge, data, formatRupiah, Link, SubNav, useBootstrap, useLanguage, useQuery, useSession } from '@kota-kit/core/client';
import type { ReactNode } from 'react';
import type { EmploymentType, SalaryUnit, Vacancy } from '../../schemas/index.js';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

export const meKey = ['pencaker', 'me'] as const;

/** Who the signed-in user is to Pencaker (seeker, employer, officer); null while unknown. */
export function useMe() {
  const { user } = useSession();
  return useQuery({ queryKey: [...meKey, user?.id ?? null], queryFn: () => data(api.me.$get()), staleTime: 30_000 });
}

export function PencakerNav() {
  const t = useT();
  const me = useMe().data;
  return (
    <SubNav
      label={t('menu.label')}
      links={[
        { to: '/pencaker', label: t('menu.search'), end: true },
        { to: '/pencaker/profil', label: t('menu.profile') },
        { to: '/pencaker/lamaran', label: t('menu.applications'), hidden: !me?.seeker?.hasProfile },
        { to: '/pencaker/pencarian', label: t('menu.searches'), hidden: !me?.signedIn },
        { to: '/pencaker/perusahaan', label: t('menu.employer') },
        { to: '/pencaker/petugas', label: t('menu.officer'), hidden: !me?.officer },
        { to: '/pencaker/bursa-kerja', label: t('menu.fairs') },
        { to: '/pencaker/statistik', label: t('menu.stats') },
      ]}
    />
  );
}

export function useSalaryText() {
  const t = useT();
  return (vacancy: { salaryMin: number | null; salaryMax: number | null; salaryUnit: SalaryUnit }) => {
    if (vacancy.salaryMin === null && vacancy.salaryMax === null) return t('search.salaryUnknown');
    const range = [vacancy.salaryMin, vacancy.salaryMax].filter((value): value is number => value !== null).map((value) => formatRupiah(value));
    return `${range.join(' – ')} ${t(`vocab.unit.${vacancy.salaryUnit}`)}`;
  };
}

export function TypeText({ type }: { type: EmploymentType }) {
  const t = useT();
  return <>{t(`vocab.type.${type}`)}</>;
}

/** One vacancy in a list: title (a link), employer with its badge, where, pay, type. */
export function VacancyItem({ vacancy, headingLevel = 2 }: { vacancy: Vacancy; headingLevel?: 2 | 3 }) {
  const t = useT();
  const salary = useSalaryText();
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <article className="pk-vacancy">
      <Heading className="pk-vacancy__title">
        <Link to={`/pencaker/lowongan/${vacancy.id}`}>{vacancy.title}</Link>
      </Heading>
      <p className="pk-vacancy__employer">
        {vacancy.employer.name} {vacancy.employer.verified && <Badge tone="success">{t('search.verified')}</Badge>}
      </p>
      <p className="pk-meta">
        {vacancy.kecamatan} · <TypeText type={vacancy.employmentType} /> · {t(`vocab.education.${vacancy.educationMin}`)}
      </p>
      <p className="pk-vacancy__salary">{salary(vacancy)}</p>
    </article>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="pk-section" aria-label={title}>
      <h2 className="pk-section__title">{title}</h2>
      {children}
    </section>
  );
}

/** A date and time in the region's time zone ("Kamis, 19 November 2026 pukul 09.30"). */
export function useDateTime() {
  const { region } = useBootstrap();
  const language = useLanguage();
  return (iso: string) => new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: region.timeZone });
}
