/** The seeker's AK/1 profile, CV, card (apply, follow, 6-monthly report, print) and deleting the data (UU PDP). */
import {
  Button,
  Card,
  ConfirmDialog,
  data,
  DateText,
  FormError,
  Link,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useApiForm,
  useBootstrap,
  useModuleOptions,
  useQuery,
  useQueryClient,
  useSession,
} from '@kota-kit/core/client';
import type { PublicOptionsOf } from '@kota-kit/core/server';
import { useState, type ChangeEvent } from 'react';
import type { Card as AkCard, Profile, ProfileInput } from '../../schemas/index.js';
import { educationLevels, employmentTypes, maritalStatuses, religions, sectors, sexes } from '../../schemas/vocabulary.js';
import type { publicOptions } from '../../server/index.js';
import { api } from '../api.js';
import { meKey, PencakerNav, Section } from '../components/shared.js';
import { useT } from '../translations/index.js';

type Values = ReturnType<typeof toValues>;

function toValues(profile: Profile | null, name = '') {
  const education = profile?.education[0];
  const experience = profile?.experience[0];
  return {
    fullName: profile?.fullName ?? name,
    nik: profile?.nik ?? '',
    birthPlace: profile?.birthPlace ?? '',
    birthDate: profile?.birthDate ?? '',
    sex: profile?.sex ?? '',
    religion: profile?.religion ?? '',
    maritalStatus: profile?.maritalStatus ?? '',
    address: profile?.address ?? '',
    kecamatan: profile?.kecamatan ?? '',
    phone: profile?.phone ?? '',
    educationLevel: profile?.educationLevel ?? '',
    institution: education?.institution ?? '',
    major: education?.major ?? '',
    yearGraduated: education?.yearGraduated ? String(education.yearGraduated) : '',
    training: profile?.training.map((item) => item.name).join('\n') ?? '',
    certificates: profile?.certificates.map((item) => item.name).join('\n') ?? '',
    skills: profile?.skills.join(', ') ?? '',
    expEmployer: experience?.employer ?? '',
    expPosition: experience?.position ?? '',
    expFrom: experience?.from ?? '',
    expTo: experience?.to ?? '',
    prefSector: profile?.preferences.sectors[0] ?? '',
    prefType: profile?.preferences.employmentTypes[0] ?? '',
    expectedSalary: profile?.preferences.expectedSalary ? String(profile.preferences.expectedSalary) : '',
  };
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function toInput(values: Values): ProfileInput {
  return {
    fullName: values.fullName,
    nik: values.nik.replace(/\s/g, ''),
    birthPlace: values.birthPlace,
    birthDate: values.birthDate,
    sex: values.sex as ProfileInput['sex'],
    religion: values.religion as ProfileInput['religion'],
    maritalStatus: values.maritalStatus as ProfileInput['maritalStatus'],
    address: values.address,
    kecamatan: values.kecamatan,
    phone: values.phone,
    educationLevel: values.educationLevel as ProfileInput['educationLevel'],
    education: values.institution ? [{ level: values.educationLevel as ProfileInput['educationLevel'], institution: values.institution, major: values.major, yearGraduated: values.yearGraduated ? Number(values.yearGraduated) : undefined }] : [],
    training: lines(values.training).map((name) => ({ name })),
    certificates: lines(values.certificates).map((name) => ({ name })),
    skills: values.skills.split(',').map((skill) => skill.trim()).filter(Boolean),
    experience: values.expEmployer ? [{ employer: values.expEmployer, position: values.expPosition, from: values.expFrom, to: values.expTo || undefined }] : [],
    preferences: {
      sectors: values.prefSector ? [values.prefSector as (typeof sectors)[number]] : [],
      kecamatan: values.kecamatan ? [values.kecamatan] : [],
      employmentTypes: values.prefType ? [values.prefType as (typeof employmentTypes)[number]] : [],
      expectedSalary: values.expectedSalary ? Number(values.expectedSalary.replace(/\D/g, '')) : null,
    },
  };
}

/** Server field paths → this form's fields. */
const fieldOf = (path: string): keyof Values | null => {
  const bare = path.replace(/^body\./, '');
  const [head, , leaf] = bare.split('.');
  if (head === 'education') return leaf === 'major' ? 'major' : leaf === 'yearGraduated' ? 'yearGraduated' : 'institution';
  if (head === 'experience') return leaf === 'position' ? 'expPosition' : leaf === 'from' ? 'expFrom' : leaf === 'to' ? 'expTo' : 'expEmployer';
  if (head === 'preferences') return bare.includes('expectedSalary') ? 'expectedSalary' : 'prefSector';
  if (head === 'training' || head === 'certificates' || head === 'skills') return head;
  return head && head in toValues(null) ? (head as keyof Values) : null;
};

export default function ProfilePage() {
  const t = useT();
  const { user } = useSession();
  const profile = useQuery({ queryKey: ['pencaker', 'profile'], queryFn: () => data(api.me.profile.$get()), enabled: Boolean(user) });
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <PencakerNav />
      {!user ? (
        <Card title={t('profile.title')}>
          <p>{t('profile.signIn')}</p>
          <Link className="kk-button kk-button--primary" to="/login?next=%2Fpencaker%2Fprofil">
            {t('detail.signIn')}
          </Link>
        </Card>
      ) : profile.isPending ? (
        <Loading />
      ) : (
        <>
          {profile.data?.profile && <CardBox />}
          <ProfileForm key={profile.data?.profile?.updatedAt ?? 'new'} profile={profile.data?.profile ?? null} name={user.name} />
          {profile.data?.profile && <CvBox profile={profile.data.profile} />}
          {profile.data?.profile && <DeleteBox />}
        </>
      )}
    </>
  );
}

function ProfileForm({ profile, name }: { profile: Profile | null; name: string }) {
  const t = useT();
  const { region } = useBootstrap();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useApiForm({
    initial: toValues(profile, name),
    fieldOf,
    submit: (values) => data(api.me.profile.$put({ json: toInput(values) as never })),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['pencaker'] });
    },
  });
  const choose = { value: '', label: t('profile.choose') };
  const kecamatan = region.geography?.kecamatan.map((item) => ({ value: item.name, label: item.name })) ?? [];
  return (
    <form onSubmit={form.onSubmit} noValidate className="pk-form">
      <FormError>{form.formError}</FormError>
      <Section title={t('profile.identity')}>
        <TextField label={t('profile.fullName')} autoComplete="name" required {...form.field('fullName')} />
        <TextField label={t('profile.nik')} hint={t('profile.nikHint')} inputMode="numeric" maxLength={16} required {...form.field('nik')} />
        <TextField label={t('profile.birthPlace')} required {...form.field('birthPlace')} />
        <TextField label={t('profile.birthDate')} type="date" required {...form.field('birthDate')} />
        <SelectField label={t('profile.sex')} required options={[choose, ...sexes.map((value) => ({ value, label: t(`vocab.sex.${value}`) }))]} {...form.field('sex')} />
        <SelectField label={t('profile.religion')} required options={[choose, ...religions.map((value) => ({ value, label: t(`vocab.religion.${value}`) }))]} {...form.field('religion')} />
        <SelectField label={t('profile.marital')} required options={[choose, ...maritalStatuses.map((value) => ({ value, label: t(`vocab.marital.${value}`) }))]} {...form.field('maritalStatus')} />
        <TextArea label={t('profile.address')} rows={2} required {...form.field('address')} />
        <SelectField label={t('profile.kecamatan')} required options={[choose, ...kecamatan]} {...form.field('kecamatan')} />
        <TextField label={t('profile.phone')} type="tel" autoComplete="tel" required {...form.field('phone')} />
      </Section>
      <Section title={t('profile.educationTitle')}>
        <SelectField label={t('profile.educationLevel')} required options={[choose, ...educationLevels.map((value) => ({ value, label: t(`vocab.education.${value}`) }))]} {...form.field('educationLevel')} />
        <TextField label={t('profile.institution')} {...form.field('institution')} />
        <TextField label={t('profile.major')} {...form.field('major')} />
        <TextField label={t('profile.year')} inputMode="numeric" {...form.field('yearGraduated')} />
        <TextArea label={t('profile.training')} rows={2} {...form.field('training')} />
        <TextArea label={t('profile.certificates')} rows={2} {...form.field('certificates')} />
        <TextField label={t('profile.skills')} {...form.field('skills')} />
      </Section>
      <Section title={t('profile.experience')}>
        <TextField label={t('profile.experienceEmployer')} {...form.field('expEmployer')} />
        <TextField label={t('profile.experiencePosition')} {...form.field('expPosition')} />
        <TextField label={t('profile.experienceFrom')} inputMode="numeric" {...form.field('expFrom')} />
        <TextField label={t('profile.experienceTo')} inputMode="numeric" {...form.field('expTo')} />
      </Section>
      <Section title={t('profile.preferences')}>
        <SelectField label={t('profile.prefSector')} options={[choose, ...sectors.map((value) => ({ value, label: t(`vocab.sector.${value}`) }))]} {...form.field('prefSector')} />
        <SelectField label={t('profile.prefType')} options={[choose, ...employmentTypes.map((value) => ({ value, label: t(`vocab.type.${value}`) }))]} {...form.field('prefType')} />
        <TextField label={t('profile.expectedSalary')} inputMode="numeric" {...form.field('expectedSalary')} />
      </Section>
      {saved && <p role="status">{t('profile.saved')}</p>}
      <Button type="submit" loading={form.submitting}>
        {t('profile.save')}
      </Button>
    </form>
  );
}

function CardBox() {
  const t = useT();
  const queryClient = useQueryClient();
  const { region } = useBootstrap();
  const { agencyId } = useModuleOptions<PublicOptionsOf<typeof publicOptions>>('pencaker');
  const agency = region.agencies.find((item) => item.id === agencyId);
  const card = useQuery({ queryKey: ['pencaker', 'card'], queryFn: () => data(api.me.card.$get()) });
  const profile = useQuery({ queryKey: ['pencaker', 'profile'], queryFn: () => data(api.me.profile.$get()) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [employed, setEmployed] = useState('');
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setMessage(done ?? null);
      await queryClient.invalidateQueries({ queryKey: ['pencaker'] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  if (card.isPending) return <Loading />;
  const current: AkCard | null = card.data?.card ?? null;
  const canApply = !current || ['rejected', 'expired', 'ended'].includes(current.status);
  return (
    <Card title={t('card.title')}>
      <FormError>{error}</FormError>
      {message && <p role="status">{message}</p>}
      <p className="pk-meta">{t('card.steps')}</p>
      {current ? (
        <dl className="pk-facts">
          <dt>{t('card.status')}</dt>
          <dd>{t(`vocab.card.${current.status}`)}</dd>
          {current.number && (
            <>
              <dt>{t('card.number')}</dt>
              <dd>{current.number}</dd>
            </>
          )}
          {current.validUntil && (
            <>
              <dt>{t('card.validUntil')}</dt>
              <dd>
                <DateText value={current.validUntil} />
              </dd>
            </>
          )}
          {current.status === 'active' && current.nextReportDue && (
            <>
              <dt>{t('card.nextReport')}</dt>
              <dd>
                <DateText value={current.nextReportDue} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('card.none')}</p>
      )}
      {current?.rejectReason && <p>{t('card.rejected', { reason: current.rejectReason })}</p>}
      {canApply && (
        <Button loading={busy} onClick={() => void run(() => data(api.me.card.$post()))}>
          {t('card.apply')}
        </Button>
      )}
      {current?.status === 'active' && (
        <div className="pk-report">
          <p>{t('card.reportDue')}</p>
          <Button variant="secondary" loading={busy} onClick={() => void run(() => data(api.me.card.report.$post({ json: { status: 'looking' } })), t('card.reported'))}>
            {t('card.stillLooking')}
          </Button>
          <TextField label={t('card.employerName')} value={employed} onChange={(event: ChangeEvent<HTMLInputElement>) => setEmployed(event.target.value)} />
          <Button variant="secondary" disabled={!employed.trim()} loading={busy} onClick={() => void run(() => data(api.me.card.report.$post({ json: { status: 'employed', employer: employed } })), t('card.reported'))}>
            {t('card.employed')}
          </Button>
        </div>
      )}
      {current?.number && profile.data?.profile && (
        <>
          {/* The card as printed: only this part is on paper (see the print stylesheet). */}
          <div className="pk-card-print" aria-label={t('card.printTitle')}>
            <p className="pk-card-print__title">{t('card.printTitle')}</p>
            <p>{t('card.issuedBy', { agency: agency?.name ?? agencyId })}</p>
            <dl className="pk-facts">
              <dt>{t('card.number')}</dt>
              <dd>{current.number}</dd>
              <dt>{t('profile.fullName')}</dt>
              <dd>{profile.data.profile.fullName}</dd>
              <dt>{t('profile.nik')}</dt>
              <dd>{profile.data.profile.nik}</dd>
              <dt>{t('profile.birthPlace')}</dt>
              <dd>
                {profile.data.profile.birthPlace}, <DateText value={profile.data.profile.birthDate} />
              </dd>
              <dt>{t('profile.educationLevel')}</dt>
              <dd>{t(`vocab.education.${profile.data.profile.educationLevel}`)}</dd>
              {current.validUntil && (
                <>
                  <dt>{t('card.validUntil')}</dt>
                  <dd>
                    <DateText value={current.validUntil} />
                  </dd>
                </>
              )}
            </dl>
          </div>
          <Button variant="secondary" onClick={() => window.print()}>
            {t('card.print')}
          </Button>
        </>
      )}
    </Card>
  );
}

function CvBox({ profile }: { profile: Profile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { maxCvBytes } = useModuleOptions<PublicOptionsOf<typeof publicOptions>>('pencaker');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set('cv', file);
    const response = await fetch('/api/pencaker/me/cv', { method: 'PUT', body: form, credentials: 'same-origin' });
    setBusy(false);
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { message: string }[] };
      setError(problem.errors?.[0]?.message ?? problem.detail ?? String(response.status));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['pencaker', 'profile'] });
  };
  return (
    <Card title={t('profile.cv')}>
      <p className="pk-meta">{t('profile.cvHint', { mb: Math.round(maxCvBytes / 100_000) / 10 })}</p>
      {profile.cv && (
        <p>
          {t('profile.cvStored', { kb: Math.round(profile.cv.bytes / 1024) })} <a href="/api/pencaker/me/cv">{t('profile.cvOpen')}</a>
        </p>
      )}
      <FormError>{error}</FormError>
      <label className="pk-file kk-button kk-button--secondary" aria-busy={busy || undefined}>
        {t('profile.cvUpload')}
        <input type="file" accept="application/pdf,.pdf" onChange={(event) => void upload(event)} />
      </label>
    </Card>
  );
}

function DeleteBox() {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <Card title={t('profile.delete')}>
      {done && <p role="status">{t('profile.deleted')}</p>}
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('profile.delete')}
      </Button>
      <ConfirmDialog
        open={open}
        destructive
        title={t('profile.deleteTitle')}
        confirmLabel={t('profile.delete')}
        onCancel={() => setOpen(false)}
        onConfirm={async () => {
          await data(api.me.profile.$delete());
          setOpen(false);
          setDone(true);
          await queryClient.invalidateQueries({ queryKey: meKey });
          await queryClient.invalidateQueries({ queryKey: ['pencaker'] });
        }}
      >
        {t('profile.deleteBody')}
      </ConfirmDialog>
    </Card>
  );
}
